import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import type { ComponentType } from '@angular/cdk/portal';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseResponse, HistoryEntry } from '@pu/contracts';
import { Observable, tap } from 'rxjs';
import { Session } from '../auth/session';
import { toApiError } from '../http/api-error';
import { Language } from '../i18n/language';
import { PuDatePipe, PuDateTimePipe, formatDate } from '../shared/date-time';
import { ExplanationPipe, LocalizedPipe, SourcePipe, localized } from '../shared/localized';
import { Notifier } from '../shared/notifier';
import { CaseActionErrors } from './case-action-errors';
import { CaseHistory } from './case-history';
import { channelLabel, stepTitles } from './case-labels';
import { CasePromises } from './case-promises';
import { StepView, actorNames, displayStepData, lastDoneStep, stepViews } from './case-view-model';
import { CasePrefetch } from './case-prefetch';
import { CasesApi } from './cases-api';
import { ListReturn } from './list-return';
import { type WorkflowCatalog, WorkflowCatalogApi } from '../workflows/workflow-catalog';
import { askReason } from './reason-dialog';
import { StepForm } from './step-form';
import type { CaseDialogData } from './transfer-dialog';
import { CaseAssignmentActions, mayAssign } from '../workload/case-assignment-actions';
import { CaseHandoverNote } from '../workload/case-handover';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

const TABS = { steps: 0, promises: 1, history: 2 } as const;

/** `/sprawy/:id`: one case — deadlines, client, the workflow's steps, promises and history. */
@Component({
  selector: 'pu-case-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatTabsModule,
    TranslocoPipe,
    LocalizedPipe,
    SourcePipe,
    ExplanationPipe,
    PuDatePipe,
    PuDateTimePipe,
    StepForm,
    CasePromises,
    CaseHistory,
    CaseAssignmentActions,
    CaseHandoverNote,
  ],
  templateUrl: './case-page.html',
  styleUrl: './case-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CasePage {
  private readonly api = inject(CasesApi);
  private readonly prefetch = inject(CasePrefetch);
  private readonly workflows = inject(WorkflowCatalogApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly session = inject(Session);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly lang = inject(Language).lang;
  protected readonly tabs = TABS;
  /** "Back to the list" returns to the list as it was left: its filters, sort and page. */
  protected readonly back = inject(ListReturn).target();
  protected readonly caseId = signal<string>('');
  protected readonly caseData = signal<CaseResponse | null>(null);
  protected readonly catalog = signal<WorkflowCatalog | null>(null);
  protected readonly history = signal<HistoryEntry[] | null>(null);
  protected readonly historyFailed = signal(false);
  protected readonly loading = signal(true);
  protected readonly loadFailed = signal(false);
  protected readonly notFound = signal(false);
  protected readonly selectedTab = signal<number>(TABS.steps);
  /** Steps open early (an outcome that needs no conversation) the clerk chose to fill in now. */
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  /** Steps whose form shows a conflict: kept on the page even when the other person's save completed the step. */
  protected readonly conflicts = signal<ReadonlySet<string>>(new Set());
  /** Bumped after a conflict: the promises panel reads its list again. */
  protected readonly reloadToken = signal(0);
  private readonly requestedStep = signal<string | null>(null);
  private tabsPrefetched = false;
  protected readonly nameOfFn = (userId: string | undefined): string => this.nameOf(userId);
  /** Messages about the page's own actions (close, reopen), shown under the header. */
  protected readonly errors = new CaseActionErrors(this.transloco, {}, () => this.workflow());

  protected readonly role = this.session.role;
  protected readonly isManager = computed(() => this.role() === 'manager');
  protected readonly canWork = computed(() => {
    const role = this.role();
    return (role === 'clerk' || role === 'manager') && this.caseData()?.status === 'open';
  });
  /** Handing over: whoever has the case, the department's manager, anyone of it for an unassigned one. */
  protected readonly canTransfer = computed(() => {
    const c = this.caseData();
    return !!c && mayAssign('transfer', this.session.user(), c);
  });
  protected readonly refreshCase = () => this.fetch();
  protected readonly workflow = computed(() => {
    const c = this.caseData();
    return c ? this.catalog()?.workflows[c.kind] : undefined;
  });
  protected readonly steps = computed<StepView[]>(() => {
    const c = this.caseData();
    const def = this.workflow();
    return c && def ? stepViews(def, c) : [];
  });
  protected readonly lastDone = computed(() => {
    const c = this.caseData();
    return c ? lastDoneStep(c) : null;
  });
  protected readonly names = computed(() => {
    const me = this.session.user();
    return actorNames(this.history(), me ? [{ id: me.id, displayName: me.displayName }] : []);
  });
  protected readonly missingForClose = computed(() => {
    const c = this.caseData();
    const def = this.workflow();
    return c && def ? stepTitles(def, c.missingForClose, this.lang()) : '';
  });
  protected readonly otherDeadlines = computed(() => {
    const d = this.caseData()?.deadlines;
    if (!d) {
      return [];
    }
    return (
      [
        ['councillorReply', d.councillorReply],
        ['forwarding', d.forwarding],
        ['appeal', d.appeal],
      ] as const
    ).flatMap(([key, info]) => (info ? [{ key, info }] : []));
  });

  constructor() {
    this.workflows
      .catalog()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (c) => this.catalog.set(c), error: () => this.loadFailed.set(true) });
    const route = inject(ActivatedRoute);
    // From the board: `?krok=<step>` opens that step's form once the case is shown.
    route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((q) => this.requestedStep.set(q.get('krok')));
    effect(() => {
      const stepId = this.requestedStep();
      const view = this.steps().find((v) => v.step.id === stepId);
      if (stepId && this.steps().length) {
        untracked(() => this.openRequestedStep(stepId, view));
      }
    });
    route.paramMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      this.caseId.set(params.get('id') ?? '');
      this.caseData.set(null);
      this.history.set(null);
      this.load();
    });
  }

  protected load(): void {
    this.loading.set(true);
    this.loadFailed.set(false);
    this.notFound.set(false);
    const prefetched = this.prefetch.takeCase(this.caseId());
    this.fetch(prefetched ?? undefined).subscribe({ error: (err: unknown) => this.loadError(err) });
  }

  private loadError(err: unknown): void {
    this.loading.set(false);
    const e = toApiError(err);
    if (e.statusCode === 404) {
      this.caseData.set(null);
      this.notFound.set(true);
    } else if (!this.caseData()) {
      this.loadFailed.set(true);
    }
  }

  /**
   * Someone else changed the case (412): every panel reads the current state again — the case and its steps,
   * the history, the promises. The step's form stays, showing its input beside what is saved now.
   */
  protected onStale(stepId?: string): void {
    if (stepId) {
      this.onConflict(stepId, true);
    }
    this.refreshAll().subscribe({ error: (err: unknown) => this.loadError(err) });
  }

  private openRequestedStep(stepId: string, view: StepView | undefined): void {
    this.requestedStep.set(null);
    this.selectedTab.set(TABS.steps);
    if (!view || view.state !== 'available' || !this.canWork()) {
      const def = this.workflow();
      this.errors.message.set(
        this.transloco.translate('casework.board.stepNotAvailable', {
          step: def ? stepTitles(def, [stepId], this.lang()) : stepId,
        }),
      );
      return;
    }
    if (view.earlyOnly) {
      this.expand(stepId);
      return;
    }
    setTimeout(() => {
      const form = this.host.nativeElement.querySelector<HTMLElement>(`#step-form-${stepId}`);
      form?.scrollIntoView({ block: 'start' });
      form?.querySelector<HTMLElement>('input, textarea, mat-select, mat-radio-button input')?.focus();
    });
  }

  protected onConflict(stepId: string, open: boolean): void {
    this.conflicts.update((set) => {
      const next = new Set(set);
      if (open) {
        next.add(stepId);
      } else {
        next.delete(stepId);
      }
      return next;
    });
  }

  protected onUpdated(updated: CaseResponse): void {
    this.errors.clear();
    this.caseData.set(updated);
    this.loadHistory();
  }

  /** After a step is saved its form goes away: keyboard and screen-reader users continue at the next step. */
  protected onStepDone(updated: CaseResponse): void {
    this.onUpdated(updated);
    setTimeout(() => {
      const root = this.host.nativeElement;
      const next = root.querySelector<HTMLElement>('li.state-available h3') ?? root.querySelector<HTMLElement>('h1');
      next?.focus();
    });
  }

  protected onPromiseAdded(): void {
    // The case's promise count (and what closing still needs) changed without a new version.
    this.fetch().subscribe({ error: (err: unknown) => this.loadError(err) });
  }

  protected onTabChange(index: number): void {
    this.selectedTab.set(index);
  }

  protected expand(stepId: string): void {
    this.expanded.update((set) => new Set([...set, stepId]));
    setTimeout(() =>
      this.host.nativeElement
        .querySelector<HTMLElement>(`#step-form-${stepId} :is(input, textarea, mat-select)`)
        ?.focus(),
    );
  }

  protected showPromises(): void {
    this.selectedTab.set(TABS.promises);
  }

  protected stepTitle(view: StepView): string {
    return localized(view.step.title, this.lang());
  }

  protected blockersText(view: StepView): string {
    const def = this.workflow();
    // The first step still to do is what the clerk needs to know.
    return def ? stepTitles(def, view.blockers.slice(0, 1), this.lang()) : '';
  }

  protected recorded(view: StepView) {
    const catalog = this.catalog();
    if (!catalog || view.entry?.status !== 'completed') {
      return [];
    }
    return displayStepData(view.step, view.entry.data, catalog, this.lang(), {
      yes: this.transloco.translate('cases.yes'),
      no: this.transloco.translate('cases.no'),
    });
  }

  protected nameOf(userId: string | undefined): string {
    return (userId && this.names().get(userId)) || this.transloco.translate('cases.steps.someone');
  }

  protected channelLabel(): string {
    const c = this.caseData();
    return c ? channelLabel(this.catalog(), c.channel, this.lang()) : '';
  }

  protected reopen(view: StepView): void {
    const title = this.stepTitle(view);
    this.errors.clear();
    askReason(this.dialog, {
      title: this.transloco.translate('cases.steps.reopenTitle', { title }),
      intro: this.transloco.translate('cases.steps.reopenIntro'),
      label: this.transloco.translate('cases.steps.reopenReason'),
      confirm: this.transloco.translate('cases.steps.reopen'),
      required: true,
      submit: (reason) => this.api.reopenStep(this.current(), view.step.id, reason),
      refresh: () => this.refreshAll(),
    }).subscribe((updated) => {
      if (updated) {
        this.onUpdated(updated);
        this.notifier.success(this.transloco.translate('cases.steps.reopened', { title }));
      }
    });
  }

  protected close(): void {
    this.errors.clear();
    askReason(this.dialog, {
      title: this.transloco.translate('cases.close.title', { reference: this.current().reference }),
      intro: this.transloco.translate('cases.close.intro'),
      label: this.transloco.translate('cases.close.note'),
      confirm: this.transloco.translate('cases.close.submit'),
      required: false,
      submit: (note) => this.api.close(this.current(), note ? { note } : {}),
      refresh: () => this.refreshAll(),
    }).subscribe((updated) => {
      if (updated) {
        this.onUpdated(updated);
        this.notifier.success(this.transloco.translate('cases.close.done', { reference: updated.reference }));
      }
    });
  }

  protected transfer(): void {
    this.openDialog(
      import('./transfer-dialog').then((m) => m.TransferDialog),
      '560px',
      (updated) => {
        const me = this.session.user();
        const department = `${updated.department.symbol} – ${updated.department.name}`;
        this.notifier.success(
          updated.assignee && updated.assignee.id !== me?.id
            ? this.transloco.translate('workload.transfer.doneToPerson', {
                reference: updated.reference,
                person: updated.assignee.displayName,
                department,
              })
            : this.transloco.translate('cases.transfer.done', { reference: updated.reference, department }),
        );
        const stillMine = me && (updated.department.id === me.department.id || updated.assignee?.id === me.id);
        if (stillMine || this.role() === 'quality') {
          this.onUpdated(updated);
        } else {
          // Handed to another department: the case is theirs now (standard 12), back to the register.
          void this.router.navigate(['/sprawy']);
        }
      },
    );
  }

  protected edit(): void {
    this.openDialog(
      import('./case-edit-dialog').then((m) => m.CaseEditDialog),
      '640px',
      (updated) => {
        this.onUpdated(updated);
        this.notifier.success(this.transloco.translate('casework.edit.done', { reference: updated.reference }));
      },
    );
  }

  protected extendDeadline(): void {
    this.openDialog(
      import('./deadline-extension-dialog').then((m) => m.DeadlineExtensionDialog),
      '560px',
      (updated) => {
        this.onUpdated(updated);
        this.notifier.success(
          this.transloco.translate('cases.extend.done', { due: formatDate(updated.deadlines.main?.due, this.lang()) }),
        );
      },
    );
  }

  /**
   * The dialogs' code (forms, the date picker) is fetched when one is opened, not with the page: most openings of a
   * case change nothing in them. `done` runs when the dialog saved a change.
   */
  private openDialog(
    component: Promise<ComponentType<unknown>>,
    width: string,
    done: (updated: CaseResponse) => void,
  ): void {
    this.errors.clear();
    component.then(
      (dialog) =>
        this.dialog
          .open<unknown, CaseDialogData, CaseResponse | null | undefined>(dialog, {
            data: this.dialogData(),
            width,
            maxWidth: '95vw',
          })
          .afterClosed()
          .subscribe((updated) => updated && done(updated)),
      () => this.errors.message.set(this.transloco.translate('errors.serverUnavailable')),
    );
  }

  protected loadHistory(): void {
    this.historyFailed.set(false);
    (this.prefetch.takeHistory(this.caseId()) ?? this.api.history(this.caseId()))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (h) => this.history.set(h), error: () => this.historyFailed.set(true) });
  }

  /**
   * The promises and history tabs' code is not needed to show the case (they open on a click): it is fetched once
   * the page has settled, so a click finds it at hand.
   */
  private prefetchTabs(): void {
    if (this.tabsPrefetched) {
      return;
    }
    this.tabsPrefetched = true;
    const fetchTabs = () =>
      void Promise.all([import('./case-promises'), import('./case-history')]).catch(() => undefined);
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(fetchTabs, { timeout: 3000 });
    } else {
      setTimeout(fetchTabs);
    }
  }

  private current(): CaseResponse {
    const c = this.caseData();
    if (!c) {
      throw new Error('The case is not loaded');
    }
    return c;
  }

  private dialogData(): CaseDialogData {
    return { current: () => this.current(), refresh: () => this.refreshAll() };
  }

  /** After someone else's change: the case, its history and the promises panel, all read again. */
  private refreshAll(): Observable<CaseResponse> {
    this.reloadToken.update((n) => n + 1);
    return this.fetch();
  }

  /**
   * Read the case (and its history, which names who did each step). The history is asked for after the case:
   * opening the case records a read, which the history then lists.
   */
  private fetch(kase = this.api.get(this.caseId())): Observable<CaseResponse> {
    return kase.pipe(
      tap((c) => {
        this.caseData.set(c);
        this.loading.set(false);
        this.loadHistory();
        this.prefetchTabs();
      }),
      takeUntilDestroyed(this.destroyRef),
    );
  }
}
