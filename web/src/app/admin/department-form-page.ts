import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
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
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { DepartmentResponse } from '@pu/contracts';
import { specificErrorMessage, toApiError } from '../http/api-error';
import { formDraft, keepDirty } from '../shared/form-draft';
import { Notifier } from '../shared/notifier';
import { applyServerFieldErrors, focusFirstInvalid } from '../shared/server-errors';
import { AdminApi } from './admin-api';

/** The API's rule for a department symbol (after trimming), e.g. "OR". */
const SYMBOL = /^[A-Z][A-Z0-9-]{0,9}$/;
const NAME_MAX = 200;

function symbolRule(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  return value && !SYMBOL.test(value) ? { pattern: true } : null;
}

function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && !control.value.trim() ? { required: true } : null;
}

/** Create a department (`/administracja/wydzialy/nowy`) or edit one (`/administracja/wydzialy/:id`). */
@Component({
  selector: 'pu-department-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
  ],
  templateUrl: './department-form-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentFormPage {
  private readonly api = inject(AdminApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly departmentId = inject(ActivatedRoute).snapshot.paramMap.get('id');
  protected readonly editing = this.departmentId !== null;
  protected readonly loading = signal(this.editing);
  protected readonly loadFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly department = signal<DepartmentResponse | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    symbol: ['', [Validators.required, symbolRule]],
    name: ['', [Validators.required, notBlank, Validators.maxLength(NAME_MAX)]],
  });
  protected readonly draft = formDraft(this.form, this.editing ? 'department-edit' : 'department-create');

  constructor() {
    if (this.departmentId) {
      this.load();
    } else {
      this.draft.restore();
    }
  }

  protected load(): void {
    const id = this.departmentId;
    if (!id) {
      return;
    }
    this.loading.set(true);
    this.loadFailed.set(false);
    this.api.department(id).subscribe({
      next: (department) => {
        this.department.set(department);
        this.form.patchValue({ symbol: department.symbol, name: department.name });
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
    const department = this.department();
    this.form.reset(department ? { symbol: department.symbol, name: department.name } : undefined);
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
    const body = { symbol: this.form.controls.symbol.value.trim(), name: this.form.controls.name.value.trim() };
    const current = this.department();
    const request = current
      ? this.api.updateDepartment(current.id, current.version, body)
      : this.api.createDepartment(body);
    request.subscribe({
      next: (saved) => {
        this.draft.clear();
        this.notifier.success(
          this.transloco.translate(current ? 'admin.departments.updated' : 'admin.departments.created', {
            symbol: saved.symbol,
          }),
        );
        void this.router.navigate(['/administracja/wydzialy']);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiError(err);
        if (e.code === 'STALE_VERSION' && current) {
          this.api.department(current.id).subscribe((fresh) => {
            this.department.set(fresh);
            this.form.patchValue(keepDirty(this.form.controls, { symbol: fresh.symbol, name: fresh.name }));
            this.formError.set(this.transloco.translate('admin.departments.staleVersion'));
          });
          return;
        }
        if (e.statusCode === 422 || e.code === 'DUPLICATE' || e.code === 'CONFLICT') {
          const rest = applyServerFieldErrors(this.form, e);
          if (e.code === 'DUPLICATE' && !e.fields) {
            this.form.controls.symbol.setErrors({ server: specificErrorMessage(this.transloco, e) });
            this.form.controls.symbol.markAsTouched();
          }
          this.formError.set(rest.length ? rest.join(' ') : specificErrorMessage(this.transloco, e));
          focusFirstInvalid(this.host.nativeElement);
        }
      },
    });
  }
}
