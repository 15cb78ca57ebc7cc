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
import { Language } from '../i18n/language';
import { FormDraft, formDraft } from '../shared/form-draft';
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
  fillStepForm,
  isRequiredNow,
  maxLengthOf,
  refreshDependents,
  stepFormValue,
  stepPayload,
} from './step-form-model';
import { ConflictPanel, type ConflictLine } from './conflict-panel';
import { formatDate, formatDateTime } from '../shared/date-time';
import { EMPTY, switchMap } from 'rxjs';

/** Choices with more options than this are a select; fewer, radio buttons (all visible at once). */
const RADIO_MAX = 4;

/**
 * The form of one available step, generated from its definition: a field per datum, required
 * markers (`requiredWhen` included), a draft per case and step, and "Pomiń" for optional steps.
 */
@Component({
  selector: 'pu-step-form',
  imports: [
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
    ConflictPanel,
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
  /** A manager may reopen this step (it is the last one done): "apply mine again" can then replace it. */
  readonly canReopen = input(false);
  /** Names of the people in the case's history, to say who saved the step meanwhile. */
  readonly nameOf = input<(userId: string | undefined) => string>(() => '');
  /** Someone else changed the case: the page reloads it; this form keeps what was typed. */
  readonly stale = output();
  /** A conflict is shown (true) or settled (false): the page keeps this form while it is, even for a step now done. */
  readonly conflictChange = output<boolean>();

  private readonly api = inject(CasesApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly transloco = inject(TranslocoService);
  private readonly notifier = inject(Notifier);

  protected readonly lang = inject(Language).lang;
  protected readonly saving = signal(false);
  /** After a 412: this form's input is compared with what is saved now. */
  protected readonly inConflict = signal(false);
  /** The step came back from a reopening: the form starts from what it held. */
  protected readonly prefilled = signal(false);
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

  /** The conflict panel: the step as saved now (if someone saved it) beside this form's input. */
  protected readonly conflict = computed(() => {
    if (!this.inConflict()) {
      return null;
    }
    const step = this.step();
    const c = this.caseData();
    const theirs = c.steps[step.id];
    const lang = this.lang();
    const yesNo = { yes: this.transloco.translate('cases.yes'), no: this.transloco.translate('cases.no') };
    this.value(); // follow the form: the clerk may edit while the panel is shown
    const mine = displayStepData(step, stepPayload(step, this.form), this.catalog(), lang, yesNo);
    const saved = theirs?.status === 'completed' ? displayStepData(step, theirs.data, this.catalog(), lang, yesNo) : [];
    const text = (list: typeof mine, label: string) => list.find((v) => v.label === label)?.lines.join('\n') ?? '';
    const lines: ConflictLine[] = step.fields
      .map((f) => localized(f.label, lang))
      .filter((label) => text(mine, label) || text(saved, label))
      .map((label) => {
        const t = text(saved, label);
        const m = text(mine, label);
        return { label, theirs: t, mine: m, clash: !!t && !!m && t !== m };
      });
    if (theirs?.status === 'skipped') {
      lines.unshift({
        label: this.transloco.translate('cases.steps.skip'),
        theirs: this.transloco.translate('cases.steps.skipReasonShown', { reason: theirs.reason ?? '' }),
        mine: '',
        clash: true,
      });
    }
    const done = !!theirs;
    return {
      heading: done
        ? this.transloco.translate('casework.conflict.stepHeading', {
            name: this.nameOf()(theirs.by),
            at: formatDateTime(theirs.at, lang),
          })
        : this.transloco.translate('casework.conflict.stepChangedHeading'),
      lines,
      canApply: !done || this.canReopen(),
      note: this.transloco.translate(
        !done
          ? 'casework.conflict.stepApplyNote'
          : this.canReopen()
            ? 'casework.conflict.stepReopenNote'
            : 'casework.conflict.stepClerkNote',
      ),
    };
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
    const reopened = this.caseData().reopenedSteps?.[step.id];
    if (reopened?.status === 'completed' && reopened.data) {
      fillStepForm(this.form, step, stepFormValue(step, reopened.data));
      this.prefilled.set(true);
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
      explanation: localized(deadline.explanation, lang),
    };
  }

  protected asRadio(field: FieldDef): boolean {
    return this.options(field).length <= RADIO_MAX;
  }

  protected options(field: FieldDef): ChoiceOption[] {
    if (field.optionsFrom === 'rootCauses') {
      // A retired category is no longer offered, except to the case that already carries it.
      const current: unknown = this.form.controls[field.id]?.value;
      return this.catalog()
        .rootCauses.filter((c) => !c.retired || c.code === current)
        .map((c) => ({ value: c.code, label: c.label }));
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
      next: (updated) => this.saved(updated),
      error: (err: unknown) => this.failed(err),
    });
  }

  private failed(err: unknown): void {
    this.saving.set(false);
    if (this.errors.handle(err, () => this.reloadCase()) === 'stale') {
      this.inConflict.set(true);
      this.conflictChange.emit(true);
      return;
    }
    focusFirstInvalid(this.host.nativeElement);
  }

  /** Save this form's input over what is saved now: again on the new version, or replacing the step (managers). */
  protected applyMine(): void {
    const step = this.step();
    const c = this.caseData();
    if (!c.steps[step.id]) {
      this.submit();
      return;
    }
    if (!this.canReopen() || this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    const data = stepPayload(step, this.form);
    this.api
      .reopenStep(c, step.id, this.transloco.translate('casework.conflict.reopenReason'))
      .pipe(switchMap((reopened) => this.api.completeStep(reopened, step.id, data)))
      .subscribe({
        next: (updated) => this.saved(updated),
        error: (err: unknown) => this.failed(err),
      });
  }

  /** Keep what is saved now: this form's input and its draft go. */
  protected discardMine(): void {
    this.inConflict.set(false);
    this.discardDraft();
    this.notifier.success(this.transloco.translate('casework.conflict.discarded'));
    this.conflictChange.emit(false);
  }

  private saved(updated: CaseResponse): void {
    const step = this.step();
    this.saving.set(false);
    this.draft.clear();
    this.notifier.success(
      this.transloco.translate('cases.steps.completed', { title: step.title[this.lang()] || step.title.pl }),
    );
    if (this.inConflict()) {
      this.inConflict.set(false);
      this.conflictChange.emit(false);
    }
    this.updated.emit(updated);
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
