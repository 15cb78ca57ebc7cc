import { CdkDrag, CdkDragDrop, CdkDropList, CdkDropListGroup } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, ParamMap, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseBoard, CaseBoardCard, CaseBoardColumn, CaseKindName, CaseListQuery } from '@pu/contracts';
import { CASE_KINDS } from '@pu/workflow';
import { switchMap, tap } from 'rxjs';
import { Language } from '../i18n/language';
import { PuDatePipe } from '../shared/date-time';
import { type WorkflowCatalog, WorkflowCatalogApi } from '../workflows/workflow-catalog';
import { moveTarget, nextColumn } from './case-board-model';
import { kindTitle, stepTitle } from './case-labels';
import { CasesApi } from './cases-api';
import { ListReturn } from './list-return';
import { Session } from '../auth/session';
import { type WorkloadQuery, workloadParams, workloadQuery } from '../workload/case-list-workload-filters';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** The list's filters the board takes from the URL (the same names the list writes). */
function boardQuery(params: ParamMap): CaseListQuery & { kind: CaseKindName } {
  const kind = params.get('kind') as CaseKindName | null;
  return {
    kind: kind && CASE_KINDS.includes(kind) ? kind : 'complaint',
    q: params.get('q') ?? undefined,
    departmentId: params.get('department') ?? undefined,
    overdue: params.get('overdue') === 'true' || undefined,
    ...workloadQuery(params),
  };
}

/**
 * `/sprawy/tablica`: one kind's open cases as cards in the columns of its steps. A card moves on when its
 * current step is done, so dropping it on the next column — or its "next step" button, by keyboard — opens
 * that step's form on the case.
 */
@Component({
  selector: 'pu-case-board-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    RouterLink,
    CdkDropListGroup,
    CdkDropList,
    CdkDrag,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    MatIconModule,
    TranslocoPipe,
    PuDatePipe,
  ],
  templateUrl: './case-board-page.html',
  styleUrl: './case-board-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseBoardPage {
  private readonly api = inject(CasesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  private readonly listReturn = inject(ListReturn);
  private readonly me = inject(Session).user;

  protected readonly lang = inject(Language).lang;
  protected readonly kinds = CASE_KINDS;
  protected readonly catalog = signal<WorkflowCatalog | null>(null);
  protected readonly board = signal<CaseBoard | null>(null);
  protected readonly query = signal(boardQuery(this.route.snapshot.queryParamMap));
  /**
   * The kind, in a native select: Material's select showed no text on a page opened directly (it chooses its
   * option after its own view was drawn, and nothing here draws that view again until the next event).
   */
  protected readonly kind = new FormControl<CaseKindName>(this.query().kind, { nonNullable: true });
  protected readonly loading = signal(true);
  protected readonly loadFailed = signal(false);
  /** Said in the live region: where a card went, or why it did not. */
  protected readonly announcement = signal('');
  protected readonly filtersInEffect = computed(() => {
    const q = this.query();
    this.lang(); // the words follow the interface language
    const parts: string[] = [];
    if (q.q) {
      parts.push(this.transloco.translate('casework.board.filterText', { q: q.q }));
    }
    if (q.overdue) {
      parts.push(this.transloco.translate('cases.list.overdueOnly'));
    }
    if (q.departmentId) {
      parts.push(this.transloco.translate('casework.board.filterDepartment'));
    }
    parts.push(...this.workloadFiltersInEffect(q));
    return parts.join(' · ');
  });
  protected readonly listLink = computed(() => {
    const q = this.query();
    return {
      kind: q.kind,
      ...(q.q ? { q: q.q } : {}),
      ...(q.departmentId ? { department: q.departmentId } : {}),
      ...(q.overdue ? { overdue: 'true' } : {}),
      ...workloadParams(q),
    };
  });

  constructor() {
    inject(WorkflowCatalogApi)
      .catalog()
      .pipe(takeUntilDestroyed())
      .subscribe((c) => this.catalog.set(c));
    this.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => this.chooseKind(kind));
    this.route.queryParamMap
      .pipe(
        tap((params) => {
          this.query.set(boardQuery(params));
          this.kind.setValue(this.query().kind, { emitEvent: false });
          this.loading.set(true);
          this.loadFailed.set(false);
          this.listReturn.remember(this.router.url);
        }),
        switchMap(() => this.api.board(this.query())),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (b) => {
          this.board.set(b);
          this.loading.set(false);
        },
        error: () => {
          this.loading.set(false);
          this.loadFailed.set(true);
        },
      });
  }

  private workloadFiltersInEffect(q: WorkloadQuery): string[] {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    const parts: string[] = [];
    if (q.unassigned) {
      parts.push(t('casework.board.filterUnassigned'));
    } else if (q.assigneeId) {
      parts.push(t(q.assigneeId === this.me()?.id ? 'casework.board.filterMine' : 'casework.board.filterAssignee'));
    }
    const days = q.dueWithinWorkingDays;
    if (days !== undefined) {
      const within = t(days === 1 ? 'workload.filters.workingDaysOne' : 'workload.filters.workingDays', {
        count: days,
      });
      parts.push(t('casework.board.filterDueWithin', { within }));
    }
    if (q.idleDays !== undefined) {
      parts.push(t('casework.board.filterIdle', { days: t('workload.filters.days', { count: q.idleDays }) }));
    }
    return parts;
  }

  protected kindTitle(kind: CaseKindName): string {
    return kindTitle(this.catalog(), kind, this.lang());
  }

  protected columnTitle(column: CaseBoardColumn): string {
    return column.stepId === null
      ? this.transloco.translate('casework.board.readyToClose')
      : stepTitle(this.catalog(), this.query().kind, column.stepId, this.lang());
  }

  protected chooseKind(kind: CaseKindName): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { kind }, queryParamsHandling: 'merge' });
  }

  protected retry(): void {
    this.chooseKind(this.query().kind);
  }

  protected next(column: CaseBoardColumn): CaseBoardColumn | null {
    return nextColumn(this.board()?.columns ?? [], column.stepId);
  }

  /** A card may enter only the column after its own. */
  protected readonly canEnter = (
    drag: CdkDrag<CaseBoardCard & { from: string | null }>,
    drop: CdkDropList<string | null>,
  ) => moveTarget(this.board()?.columns ?? [], drag.data.from, drop.data) !== null;

  protected dropped(event: CdkDragDrop<string | null, string | null, CaseBoardCard & { from: string | null }>): void {
    if (event.previousContainer === event.container) {
      return;
    }
    const step = moveTarget(this.board()?.columns ?? [], event.item.data.from, event.container.data);
    if (step) {
      this.openStep(event.item.data, step);
    }
  }

  /** The keyboard's way to move a card on: the same as dropping it on the next column. */
  protected moveOn(card: CaseBoardCard, column: CaseBoardColumn): void {
    if (column.stepId) {
      this.openStep(card, column.stepId);
    }
  }

  protected cardData(card: CaseBoardCard, column: CaseBoardColumn): CaseBoardCard & { from: string | null } {
    return { ...card, from: column.stepId };
  }

  protected daysLeft(card: CaseBoardCard): string {
    const d = card.daysLeft;
    if (d === null) {
      return this.transloco.translate('casework.board.noDeadline');
    }
    if (card.overdue || d < 0) {
      return this.transloco.translate('casework.board.overdueDays', { days: Math.abs(d) });
    }
    return d === 0
      ? this.transloco.translate('casework.board.dueToday')
      : this.transloco.translate(d === 1 ? 'casework.board.dayLeft' : 'casework.board.daysLeft', { days: d });
  }

  private openStep(card: CaseBoardCard, stepId: string): void {
    this.announcement.set(
      this.transloco.translate('casework.board.opening', {
        reference: card.reference,
        step: stepTitle(this.catalog(), this.query().kind, stepId, this.lang()),
      }),
    );
    void this.router.navigate(['/sprawy', card.id], { queryParams: { krok: stepId } });
  }
}
