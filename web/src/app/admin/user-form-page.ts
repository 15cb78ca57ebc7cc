import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ROLES, type DepartmentResponse, type Role, type UserResponse } from '@pu/contracts';
import { forkJoin, map, of } from 'rxjs';
import { Notifier } from '../shared/notifier';
import { AdminApi } from './admin-api';
import { AdminForm } from './admin-form';
import { AdminFormFrame } from './admin-form-frame';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, matchesPassword, passwordValidators } from './password-rules';

/** The API's username rule (it lower-cases and trims before checking). */
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,49}$/;
const TEXT_MAX = 200;
const EMAIL_MAX = 254;

function usernameRule(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim().toLowerCase();
  return value && !USERNAME.test(value) ? { pattern: true } : null;
}

function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && !control.value.trim() ? { required: true } : null;
}

/** Create a user (`/administracja/uzytkownicy/nowy`) or edit one (`/administracja/uzytkownicy/:id`). */
@Component({
  selector: 'pu-user-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    TranslocoPipe,
    AdminFormFrame,
  ],
  templateUrl: './user-form-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserFormPage {
  private readonly api = inject(AdminApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);

  private readonly userId = inject(ActivatedRoute).snapshot.paramMap.get('id');
  protected readonly editing = this.userId !== null;
  protected readonly roles = ROLES;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly maxLength = PASSWORD_MAX_LENGTH;

  private readonly allDepartments = signal<DepartmentResponse[]>([]);

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, usernameRule]],
    displayName: ['', [Validators.required, notBlank, Validators.maxLength(TEXT_MAX)]],
    email: ['', [Validators.email, Validators.maxLength(EMAIL_MAX)]],
    role: ['clerk' as Role, [Validators.required]],
    departmentId: ['', [Validators.required]],
    password: ['', passwordValidators],
    passwordRepeat: ['', [Validators.required, matchesPassword]],
  });
  protected readonly shell = new AdminForm<UserResponse>(this.form, {
    editing: this.editing,
    load: () =>
      forkJoin({
        departments: this.api.departments(),
        user: this.userId ? this.api.user(this.userId) : of(null),
      }).pipe(
        map(({ departments, user }) => {
          this.allDepartments.set([...departments].sort((a, b) => a.symbol.localeCompare(b.symbol, 'pl')));
          return user;
        }),
      ),
    reload: () => (this.userId ? this.api.user(this.userId) : of(null)),
    valuesOf: (user) => ({
      username: user.username,
      displayName: user.displayName,
      email: user.email ?? '',
      role: user.role,
      departmentId: user.department.id,
    }),
    draftName: this.editing ? 'user-edit' : 'user-create',
    draftOptions: { exclude: ['password', 'passwordRepeat'] },
    staleKey: 'admin.users.staleVersion',
    // A username is chosen only when the account is created.
    duplicateField: this.editing ? undefined : 'username',
  });

  /** Active departments, plus the user's current one even if it was deactivated since. */
  protected readonly departments = computed(() => {
    const currentId = this.shell.record()?.department.id;
    return this.allDepartments().filter((d) => d.active || d.id === currentId);
  });

  constructor() {
    if (this.editing) {
      this.form.controls.username.disable();
      this.form.controls.password.disable();
      this.form.controls.passwordRepeat.disable();
    }
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.passwordRepeat.updateValueAndValidity({ emitEvent: false }));
    this.shell.load();
  }

  protected submit(): void {
    this.shell.submit(
      (user) => {
        const v = this.form.getRawValue();
        const email = v.email.trim();
        return user
          ? this.api.updateUser(user.id, user.version, {
              displayName: v.displayName.trim(),
              email: email || null,
              role: v.role,
              departmentId: v.departmentId,
            })
          : this.api.createUser({
              username: v.username.trim().toLowerCase(),
              displayName: v.displayName.trim(),
              email: email || undefined,
              role: v.role,
              departmentId: v.departmentId,
              password: v.password,
            });
      },
      (saved, user) => {
        this.notifier.success(
          this.transloco.translate(user ? 'admin.users.updated' : 'admin.users.created', { username: saved.username }),
        );
        void this.router.navigate(['/administracja/uzytkownicy']);
      },
    );
  }
}
