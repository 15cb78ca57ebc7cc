import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
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
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ROLES, type DepartmentResponse, type Role, type UserResponse } from '@pu/contracts';
import { forkJoin, of } from 'rxjs';
import { specificErrorMessage, toApiError } from '../http/api-error';
import { formDraft, keepDirty } from '../shared/form-draft';
import { Notifier } from '../shared/notifier';
import { applyServerFieldErrors, focusFirstInvalid } from '../shared/server-errors';
import { AdminApi } from './admin-api';
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
    MatIconModule,
    TranslocoPipe,
  ],
  templateUrl: './user-form-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserFormPage {
  private readonly api = inject(AdminApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly userId = this.route.snapshot.paramMap.get('id');
  protected readonly editing = this.userId !== null;
  protected readonly roles = ROLES;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly maxLength = PASSWORD_MAX_LENGTH;

  protected readonly loading = signal(true);
  protected readonly loadFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly user = signal<UserResponse | null>(null);
  private readonly allDepartments = signal<DepartmentResponse[]>([]);
  /** Active departments, plus the user's current one even if it was deactivated since. */
  protected readonly departments = computed(() => {
    const currentId = this.user()?.department.id;
    return this.allDepartments().filter((d) => d.active || d.id === currentId);
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, usernameRule]],
    displayName: ['', [Validators.required, notBlank, Validators.maxLength(TEXT_MAX)]],
    email: ['', [Validators.email, Validators.maxLength(EMAIL_MAX)]],
    role: ['clerk' as Role, [Validators.required]],
    departmentId: ['', [Validators.required]],
    password: ['', passwordValidators],
    passwordRepeat: ['', [Validators.required, matchesPassword]],
  });
  protected readonly draft = formDraft(this.form, this.editing ? 'user-edit' : 'user-create', {
    exclude: ['password', 'passwordRepeat'],
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
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.loadFailed.set(false);
    forkJoin({
      departments: this.api.departments(),
      user: this.userId ? this.api.user(this.userId) : of(null),
    }).subscribe({
      next: ({ departments, user }) => {
        this.allDepartments.set([...departments].sort((a, b) => a.symbol.localeCompare(b.symbol, 'pl')));
        if (user) {
          this.user.set(user);
          this.form.patchValue(this.valuesOf(user));
        }
        this.draft.restore();
        this.loading.set(false);
      },
      error: () => {
        this.loading.set(false);
        this.loadFailed.set(true);
      },
    });
  }

  protected discardDraft(): void {
    this.draft.clear();
    const user = this.user();
    this.form.reset(user ? this.valuesOf(user) : undefined);
  }

  protected submit(): void {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set(this.transloco.translate('common.formHasErrors'));
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.saving.set(true);
    const v = this.form.getRawValue();
    const email = v.email.trim();
    const user = this.user();
    const request = user
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
    request.subscribe({
      next: (saved) => {
        this.draft.clear();
        this.notifier.success(
          this.transloco.translate(user ? 'admin.users.updated' : 'admin.users.created', { username: saved.username }),
        );
        void this.router.navigate(['/administracja/uzytkownicy']);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.failed(err);
      },
    });
  }

  private failed(err: unknown): void {
    const e = toApiError(err);
    if (e.code === 'STALE_VERSION' && this.userId) {
      this.reloadKeepingInput(this.userId);
      return;
    }
    if (e.statusCode === 422 || e.code === 'DUPLICATE' || e.code === 'CONFLICT') {
      const rest = applyServerFieldErrors(this.form, e);
      if (e.code === 'DUPLICATE' && !e.fields && !this.editing) {
        this.form.controls.username.setErrors({ server: specificErrorMessage(this.transloco, e) });
        this.form.controls.username.markAsTouched();
      }
      this.formError.set(rest.length ? rest.join(' ') : specificErrorMessage(this.transloco, e));
      focusFirstInvalid(this.host.nativeElement);
    }
  }

  /** 412: someone saved meanwhile. Load their version; fields this user changed keep what they typed. */
  private reloadKeepingInput(id: string): void {
    this.api.user(id).subscribe((fresh) => {
      this.user.set(fresh);
      this.form.patchValue(keepDirty(this.form.controls, this.valuesOf(fresh)));
      this.formError.set(this.transloco.translate('admin.users.staleVersion'));
    });
  }

  private valuesOf(user: UserResponse) {
    return {
      username: user.username,
      displayName: user.displayName,
      email: user.email ?? '',
      role: user.role,
      departmentId: user.department.id,
    };
  }
}
