import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormGroupDirective,
  NgForm,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseRegisterResponse, UpdateCaseRegisterRequest } from '@pu/contracts';
import {
  CASE_KIND_LABELS,
  EXAMPLE_REFERENCE,
  exampleReference,
  isCaseKind,
  JRWA_SYMBOL,
  validateReferenceFormat,
} from '@pu/workflow';
import { map, startWith } from 'rxjs';
import { specificErrorMessage, toApiError } from '../http/api-error';
import { Language } from '../i18n/language';
import { formDraft, keepDirty } from '../shared/form-draft';
import { localized } from '../shared/localized';
import { Notifier } from '../shared/notifier';
import { applyServerFieldErrors, focusFirstInvalid } from '../shared/server-errors';
import { AdminApi } from './admin-api';

function jrwaRule(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  return value && !JRWA_SYMBOL.test(value) ? { pattern: true } : null;
}

/** The workflow library's own rule (the one the API applies): its Polish message, or nothing. */
function referenceFormatRule(control: AbstractControl<string>): ValidationErrors | null {
  if (!control.value) {
    return null; // `required` says so
  }
  const problem = validateReferenceFormat(control.value.trim());
  return problem ? { referenceFormat: problem } : null;
}

/** Edit how one kind's reference numbers are written (`/administracja/rejestry/:kind`). */
@Component({
  selector: 'pu-case-register-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
  ],
  templateUrl: './case-register-form-page.html',
  styleUrl: './case-register-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseRegisterFormPage {
  private readonly api = inject(AdminApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  private readonly kindParam = inject(ActivatedRoute).snapshot.paramMap.get('kind');
  protected readonly kind = isCaseKind(this.kindParam) ? this.kindParam : null;
  protected readonly lang = inject(Language).lang;
  protected readonly kindLabel = computed(() => (this.kind ? localized(CASE_KIND_LABELS[this.kind], this.lang()) : ''));
  protected readonly exampleValues = { ...EXAMPLE_REFERENCE, year: new Date().getFullYear() };
  protected readonly placeholders = [
    { token: '{department}', key: 'admin.registers.placeholders.department' },
    { token: '{jrwa}', key: 'admin.registers.placeholders.jrwa' },
    { token: '{n}', key: 'admin.registers.placeholders.n' },
    { token: '{yyyy}', key: 'admin.registers.placeholders.yyyy' },
  ];

  /** The format's rule is shown as soon as the field is edited, not only after leaving it. */
  protected readonly whileEditing: ErrorStateMatcher = {
    isErrorState: (control: AbstractControl | null, form: FormGroupDirective | NgForm | null) =>
      !!control?.invalid && (control.dirty || control.touched || !!form?.submitted),
  };

  protected readonly loading = signal(this.kind !== null);
  protected readonly loadFailed = signal(false);
  protected readonly notFound = signal(this.kind === null);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly register = signal<CaseRegisterResponse | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    jrwa: ['', [Validators.required, jrwaRule]],
    format: ['', [Validators.required, referenceFormatRule]],
  });
  protected readonly draft = formDraft(this.form, 'case-register-edit');

  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { requireSync: true },
  );

  /** The reference the typed format gives, as the user types; null while the format is unusable. */
  protected readonly example = computed(() => {
    const { jrwa, format } = this.value();
    const trimmed = format.trim();
    if (validateReferenceFormat(trimmed)) {
      return null;
    }
    return exampleReference(trimmed, jrwa.trim(), this.exampleValues.year);
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    const kind = this.kind;
    if (!kind) {
      return;
    }
    this.loading.set(true);
    this.loadFailed.set(false);
    this.api.caseRegisters().subscribe({
      next: (list) => {
        const register = list.find((r) => r.kind === kind);
        if (register) {
          this.register.set(register);
          this.form.patchValue({ jrwa: register.jrwa, format: register.format });
          this.draft.restore();
        } else {
          this.notFound.set(true);
        }
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
    const register = this.register();
    this.form.reset(register ? { jrwa: register.jrwa, format: register.format } : undefined);
  }

  /** In English the library's Polish message is replaced by a translated summary of the rule. */
  protected formatMessage(problem: string): string {
    return this.lang() === 'pl' ? problem : this.transloco.translate('admin.registers.formatInvalid');
  }

  protected submit(): void {
    this.formError.set(null);
    const current = this.register();
    if (!current) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set(this.transloco.translate('common.formHasErrors'));
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    // Only what changed is sent, so the API reports a clash with another register on the field that caused it.
    const jrwa = this.form.controls.jrwa.value.trim();
    const format = this.form.controls.format.value.trim();
    const body: UpdateCaseRegisterRequest = {
      ...(jrwa !== current.jrwa ? { jrwa } : {}),
      ...(format !== current.format ? { format } : {}),
    };
    if (body.jrwa === undefined && body.format === undefined) {
      this.draft.clear();
      this.notifier.success(this.transloco.translate('admin.registers.unchanged', { kind: this.kindLabel() }));
      void this.router.navigate(['/administracja/rejestry']);
      return;
    }
    this.saving.set(true);
    this.api.updateCaseRegister(current.kind, current.version, body).subscribe({
      next: (saved) => {
        this.draft.clear();
        this.notifier.success(
          this.transloco.translate('admin.registers.updated', { kind: this.kindLabel(), example: saved.example }),
        );
        void this.router.navigate(['/administracja/rejestry']);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiError(err);
        if (e.code === 'STALE_VERSION') {
          this.api.caseRegisters().subscribe((list) => {
            const fresh = list.find((r) => r.kind === current.kind);
            if (fresh) {
              this.register.set(fresh);
              this.form.patchValue(keepDirty(this.form.controls, { jrwa: fresh.jrwa, format: fresh.format }));
            }
            this.formError.set(this.transloco.translate('admin.registers.staleVersion'));
          });
          return;
        }
        if (e.statusCode === 422 || e.code === 'DUPLICATE' || e.code === 'CONFLICT') {
          const rest = applyServerFieldErrors(this.form, e);
          this.formError.set(rest.length ? rest.join(' ') : specificErrorMessage(this.transloco, e));
          focusFirstInvalid(this.host.nativeElement);
        }
      },
    });
  }
}
