import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  OnInit,
  computed,
  inject,
  input,
  output,
  runInInjectionContext,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormArray, FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseResponse } from '@pu/contracts';
import { loopRecall, type ChoiceOption, type FieldDef, type StepDef, type WorkflowDef } from '@pu/workflow';
import { EMPTY } from 'rxjs';
import { Language } from '../i18n/language';
import { FormDraft, formDraft } from '../shared/form-draft';
import { formatDate, localizeDates } from '../shared/date-time';
import { LocalizedPipe, localized } from '../shared/localized';
import { Notifier } from '../shared/notifier';
import { focusFirstInvalid } from '../shared/server-errors';
import { CaseActionErrors } from './case-action-errors';
import { CasesApi } from './cases-api';
import type { WorkflowCatalog } from '../workflows/workflow-catalog';
import { displayStepData } from './case-view-model';
import { askReason } from './reason-dialog';
import {
  EventGroup,
  StepFormGroup,
  buildStepForm,
  eventFor,
  isRequiredNow,
  maxLengthOf,
  refreshDependents,
  stepPayload,
} from './step-form-model';
import { DateTimeField } from '../shared/date-time-field';

/** Choices with more options than this are a select; fewer, radio buttons (all visible at once). */
const RADIO_MAX = 4;

/**
 * The form of one available step, generated from its definition: a field per datum, required
 * markers (`requiredWhen` included), a draft per case and step, and "Pomiń" for optional steps.
 */
@Component({
  selector: 'pu-step-form',
  imports: [
    DateTimeField,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatRadioModule,
    MatCheckboxModule,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
    LocalizedPipe,
  ],
  templateUrl: './step-form.html',
  styleUrl: './step-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StepForm implements OnInit {
  readonly caseData = input.required<CaseResponse>();
  readonly step = input.required<StepDef>();
  readonly workflow = input.required<WorkflowDef>();
  readonly catalog = input.required<WorkflowCatalog>();
  /** Available only with one of its early outcomes (e.g. a complaint forwarded before any conversation). */
  readonly earlyOnly = input(false);
  /** The case as the server answered after a change. */
  readonly updated = output<CaseResponse>();
  /** Someone else changed the case: the page reloads it; this form keeps what was typed. */
  readonly stale = output();

  private readonly api = inject(CasesApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly transloco = inject(TranslocoService);
  private readonly notifier = inject(Notifier);

  protected readonly lang = inject(Language).lang;
  protected readonly saving = signal(false);
  protected form!: StepFormGroup;
  protected draft!: FormDraft;
  protected errors!: CaseActionErrors;
  /** The form's value, as a signal: required markers follow the answers. */
  private readonly value = signal<Record<string, unknown>>({});
  protected readonly idPrefix = computed(() => `step-${this.step().id}`);
  /** A step a loop sent back: what the client asked for and the attempts they did not accept. */
  protected readonly recall = computed(() => {
    const c = this.caseData();
    const recall = loopRecall(c.kind, c.earlierSteps, this.step().id);
    if (!recall) {
      return null;
    }
    const lang = this.lang();
    const yesNo = { yes: this.transloco.translate('cases.yes'), no: this.transloco.translate('cases.no') };
    const attempts = recall.attempts.map((entry) =>
      displayStepData(this.step(), entry.data, this.catalog(), lang, yesNo)
        .map((v) => v.lines.join('; '))
        .join(' · '),
    );
    return { expectation: recall.expectation, attempts };
  });

  ngOnInit(): void {
    const step = this.step();
    this.form = buildStepForm(step);
    // A date the law fixes is filled in (and shown with how it was computed); the API refuses another.
    for (const field of step.fields) {
      const fixed = this.computedDate(field);
      if (fixed) {
        this.form.controls[field.id]?.setValue(fixed.due);
      }
    }
    this.errors = new CaseActionErrors(this.transloco, this.form.controls, () => this.workflow());
    const arrays = Object.fromEntries(
      step.fields.filter((f) => f.type === 'events').map((f) => [f.id, () => eventFor(f)]),
    );
    // formDraft needs the injection context (route, destroy hook) of this component.
    runInInjectionContext(this.injector, () => {
      this.draft = formDraft(this.form, `step-${step.id}`, { arrays });
    });
    this.form.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      refreshDependents(this.form, step);
      this.value.set(this.form.getRawValue());
    });
    this.draft.restore();
    this.value.set(this.form.getRawValue());
  }

  protected required(field: FieldDef): boolean {
    return isRequiredNow(field, this.value()) || (field.type === 'boolean' && field.mustBeTrue === true);
  }

  /** The case's computed deadline a `computedFrom` field takes over. */
  protected computedDate(field: FieldDef): { due: string; date: string; explanation: string } | null {
    const deadline = field.computedFrom ? this.caseData().deadlines[field.computedFrom] : undefined;
    if (!deadline) {
      return null;
    }
    const lang = this.lang();
    return {
      due: deadline.due,
      date: formatDate(deadline.due, lang),
      explanation: localizeDates(localized(deadline.explanation, lang), lang),
    };
  }

  protected asRadio(field: FieldDef): boolean {
    return this.options(field).length <= RADIO_MAX;
  }

  protected options(field: FieldDef): ChoiceOption[] {
    if (field.optionsFrom === 'rootCauses') {
      return this.catalog().rootCauses.map((c) => ({ value: c.code, label: c.label }));
    }
    return field.options ?? [];
  }

  protected maxLength(field: FieldDef): number {
    return maxLengthOf(field);
  }

  protected control(field: FieldDef): FormControl {
    return this.form.controls[field.id] as FormControl;
  }

  protected events(field: FieldDef): FormArray<EventGroup> {
    return this.form.controls[field.id] as FormArray<EventGroup>;
  }

  protected showError(control: AbstractControl): boolean {
    return control.invalid && control.touched;
  }

  protected addEvent(field: FieldDef): void {
    const array = this.events(field);
    array.push(eventFor(field));
    array.markAsDirty();
    // Focus the new line's first field, so keyboard users continue there.
    const index = array.length - 1;
    setTimeout(() =>
      this.host.nativeElement.querySelector<HTMLElement>(`#${this.idPrefix()}-${field.id}-${index}-kind`)?.focus(),
    );
  }

  protected removeEvent(field: FieldDef, index: number): void {
    const array = this.events(field);
    array.removeAt(index);
    array.markAsDirty();
    array.markAsTouched();
  }

  protected discardDraft(): void {
    this.draft.clear();
    const fresh = buildStepForm(this.step());
    for (const [id, control] of Object.entries(this.form.controls)) {
      if (control instanceof FormArray) {
        control.clear();
      } else {
        const field = this.step().fields.find((f) => f.id === id);
        control.reset((field && this.computedDate(field)?.due) ?? fresh.controls[id]?.value);
      }
    }
    this.form.markAsPristine();
    this.form.markAsUntouched();
  }

  protected submit(): void {
    this.errors.clear();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.message.set(this.transloco.translate('common.formHasErrors'));
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.saving.set(true);
    const step = this.step();
    this.api.completeStep(this.caseData(), step.id, stepPayload(step, this.form)).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.draft.clear();
        this.notifier.success(
          this.transloco.translate('cases.steps.completed', { title: step.title[this.lang()] || step.title.pl }),
        );
        this.updated.emit(updated);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.errors.handle(err, () => this.reloadCase());
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  protected skip(): void {
    const step = this.step();
    const title = step.title[this.lang()] || step.title.pl;
    askReason(this.dialog, {
      title: this.transloco.translate('cases.steps.skipTitle', { title }),
      intro: this.transloco.translate('cases.steps.skipIntro'),
      label: this.transloco.translate('cases.steps.skipReason'),
      confirm: this.transloco.translate('cases.steps.skip'),
      required: true,
      submit: (reason) => this.api.skipStep(this.caseData(), step.id, reason),
      refresh: () => this.reloadCase(),
    }).subscribe((updated) => {
      if (updated) {
        this.notifier.success(this.transloco.translate('cases.steps.skipped', { title }));
        this.updated.emit(updated);
      }
    });
  }

  private reloadCase() {
    this.stale.emit();
    return EMPTY;
  }
}
