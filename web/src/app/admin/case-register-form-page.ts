import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
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
  type LocalizedText,
} from '@pu/workflow';
import { map, of, startWith } from 'rxjs';
import { Language } from '../i18n/language';
import { localized } from '../shared/localized';
import { Notifier } from '../shared/notifier';
import { AdminApi } from './admin-api';
import { AdminForm } from './admin-form';
import { AdminFormFrame } from './admin-form-frame';

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
    AdminFormFrame,
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

  protected readonly form = inject(NonNullableFormBuilder).group({
    jrwa: ['', [Validators.required, jrwaRule]],
    format: ['', [Validators.required, referenceFormatRule]],
  });
  protected readonly shell = new AdminForm<CaseRegisterResponse>(this.form, {
    editing: true,
    load: () => {
      const kind = this.kind;
      return kind ? this.api.caseRegisters().pipe(map((list) => list.find((r) => r.kind === kind) ?? null)) : of(null);
    },
    valuesOf: (r) => ({ jrwa: r.jrwa, format: r.format }),
    draftName: 'case-register-edit',
    staleKey: 'admin.registers.staleVersion',
  });

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
    this.shell.load();
  }

  /** In English the library's Polish message is replaced by a translated summary of the rule. */
  protected formatMessage(problem: LocalizedText): string {
    return localized(problem, this.lang());
  }

  protected submit(): void {
    this.shell.submit(
      (current) => {
        if (!current) {
          return null;
        }
        // Only what changed is sent, so the API reports a clash with another register on the field that caused it.
        const jrwa = this.form.controls.jrwa.value.trim();
        const format = this.form.controls.format.value.trim();
        const body: UpdateCaseRegisterRequest = {
          ...(jrwa !== current.jrwa ? { jrwa } : {}),
          ...(format !== current.format ? { format } : {}),
        };
        if (body.jrwa === undefined && body.format === undefined) {
          this.shell.draft.clear();
          this.notifier.success(this.transloco.translate('admin.registers.unchanged', { kind: this.kindLabel() }));
          void this.router.navigate(['/administracja/rejestry']);
          return null;
        }
        return this.api.updateCaseRegister(current.kind, current.version, body);
      },
      (saved) => {
        this.notifier.success(
          this.transloco.translate('admin.registers.updated', { kind: this.kindLabel(), example: saved.example }),
        );
        void this.router.navigate(['/administracja/rejestry']);
      },
    );
  }
}
