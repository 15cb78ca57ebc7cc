import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseResponse, ChannelName, PromiseResponse } from '@pu/contracts';
import { PROMISE_TEXT_LIMITS } from '@pu/workflow';
import { Observable, map, tap } from 'rxjs';
import { toApiError } from '../http/api-error';
import { Language } from '../i18n/language';
import { PuDateTimePipe, fromDateTimeInput } from '../shared/date-time';
import { formDraft } from '../shared/form-draft';
import { LocalizedPipe } from '../shared/localized';
import { Notifier } from '../shared/notifier';
import { focusFirstInvalid } from '../shared/server-errors';
import { CaseActionErrors } from './case-action-errors';
import { PromiseRescheduleData, PromiseRescheduleDialog } from '../promises/promise-reschedule-dialog';
import { channelLabel, channelOptions } from './case-labels';
import { CasesApi, newIdempotencyKey } from './cases-api';
import type { WorkflowCatalog } from '../workflows/workflow-catalog';
import { notBlank } from './step-form-model';
import { DateTimeField } from '../shared/date-time-field';
import { UndoableKept } from '../promises/undoable-kept';

const DESCRIPTION_MAX = PROMISE_TEXT_LIMITS.description;
const STATE_ICONS: Record<PromiseResponse['state'], string> = {
  open: 'schedule',
  kept: 'task_alt',
  broken: 'warning',
  kept_late: 'history',
};

/** Standards 17, 20.11, 21.8: what the client was promised, by when; kept, rescheduled or broken. */
@Component({
  selector: 'pu-case-promises',
  imports: [
    DateTimeField,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
    LocalizedPipe,
    PuDateTimePipe,
  ],
  templateUrl: './case-promises.html',
  styleUrl: './case-promises.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CasePromises implements OnInit {
  readonly caseData = input.required<CaseResponse>();
  readonly catalog = input.required<WorkflowCatalog>();
  /** Clerks and managers on an open case; the quality officer only reads. */
  readonly canWork = input(false);
  /** Changes when the page read the case again after a conflict: the list is read again too. */
  readonly reloadToken = input(0);
  /** A promise was added: the case's promise count (and what it still needs to close) changed. */
  readonly added = output();
  /** Someone else changed a promise meanwhile (412): the page reads every panel again. */
  readonly stale = output();

  private readonly api = inject(CasesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly lang = inject(Language).lang;
  protected readonly icons = STATE_ICONS;
  protected readonly descriptionMax = DESCRIPTION_MAX;
  protected readonly promises = signal<PromiseResponse[] | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly busyId = signal<string | null>(null);
  protected readonly kept = new UndoableKept((p) => this.sendKept(p.id));
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly channels = computed(() => channelOptions(this.catalog()));

  protected readonly form = inject(NonNullableFormBuilder).group({
    idempotencyKey: newIdempotencyKey(),
    description: ['', [Validators.required, notBlank, Validators.maxLength(DESCRIPTION_MAX)]],
    channel: ['' as ChannelName | '', Validators.required],
    dueAt: [''],
  });
  protected readonly draft = formDraft(this.form, 'promise-new');
  protected readonly errors = new CaseActionErrors(this.transloco, this.form.controls);
  /** Messages about one promise's actions (mark kept), shown above the list. */
  protected readonly listMessage = signal<string | null>(null);

  constructor() {
    this.draft.restore();
    let first = true;
    effect(() => {
      this.reloadToken();
      if (first) {
        first = false;
        return;
      }
      untracked(() => this.load().subscribe({ error: () => undefined }));
    });
  }

  ngOnInit(): void {
    this.load().subscribe({ error: () => undefined });
  }

  protected channelLabel(channel: ChannelName): string {
    return channelLabel(this.catalog(), channel, this.lang());
  }

  protected retry(): void {
    this.load().subscribe({ error: () => undefined });
  }

  protected add(): void {
    this.errors.clear();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    if (!v.channel) {
      return;
    }
    const dueAt = fromDateTimeInput(v.dueAt);
    this.saving.set(true);
    this.api
      .createPromise(
        this.caseData().id,
        { description: v.description.trim(), channel: v.channel, ...(dueAt ? { dueAt } : {}) },
        v.idempotencyKey,
      )
      .subscribe({
        next: (created) => {
          this.saving.set(false);
          this.draft.clear();
          // Through the form directive, so its "submitted" state goes too: an empty new form shows no errors.
          const fresh = { idempotencyKey: newIdempotencyKey(), description: '', channel: '' as const, dueAt: '' };
          const directive = this.formDirective();
          if (directive) {
            directive.resetForm(fresh);
          } else {
            this.form.reset(fresh);
          }
          this.promises.update((list) => [...(list ?? []), created]);
          this.notifier.success(this.transloco.translate('cases.promises.added'));
          this.added.emit();
        },
        error: (err: unknown) => {
          this.saving.set(false);
          if (toApiError(err).code === 'IDEMPOTENCY_KEY_REUSED') {
            // The key went with other data earlier; this is a new submission.
            this.form.controls.idempotencyKey.setValue(newIdempotencyKey());
            this.errors.message.set(this.transloco.translate('cases.promises.keyReused'));
            return;
          }
          if (this.errors.handle(err) !== 'other') {
            focusFirstInvalid(this.host.nativeElement);
          }
          // Anything else was shown by the interceptor; the same key makes a retry safe.
        },
      });
  }

  protected markKept(p: PromiseResponse): void {
    this.listMessage.set(null);
    this.kept.mark(p);
  }

  /** Sends the promise as the list holds it now: a reload during the undo time may have a newer version. */
  private sendKept(id: string): void {
    const p = this.promises()?.find((x) => x.id === id);
    if (!p) {
      return;
    }
    this.busyId.set(p.id);
    this.api.updatePromise(p, { kept: true }).subscribe({
      next: (updated) => {
        this.busyId.set(null);
        this.replace(updated);
        this.notifier.success(this.transloco.translate('cases.promises.keptDone'));
      },
      error: (err: unknown) => {
        this.busyId.set(null);
        const listErrors = new CaseActionErrors(this.transloco, {});
        if (listErrors.handle(err) === 'stale') {
          this.stale.emit();
        }
        this.listMessage.set(listErrors.message());
      },
    });
  }

  protected reschedule(p: PromiseResponse): void {
    this.listMessage.set(null);
    const data: PromiseRescheduleData = { promise: p, reload: () => this.load() };
    this.dialog
      .open<PromiseRescheduleDialog, PromiseRescheduleData, PromiseResponse>(PromiseRescheduleDialog, {
        data,
        width: '520px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (updated) {
          this.replace(updated);
          this.notifier.success(this.transloco.translate('cases.promises.rescheduled'));
        }
      });
  }

  private replace(updated: PromiseResponse): void {
    this.promises.update((list) => (list ?? []).map((x) => (x.id === updated.id ? updated : x)));
  }

  private load(): Observable<PromiseResponse[]> {
    this.loadFailed.set(false);
    return this.api.promises(this.caseData().id).pipe(
      map((list) => [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt))),
      tap({
        next: (list) => this.promises.set(list),
        error: () => this.loadFailed.set(true),
      }),
    );
  }
}
