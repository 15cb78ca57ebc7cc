import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { DepartmentRef, DepartmentResponse, PromiseResponse } from '@pu/contracts';
import { Subscription } from 'rxjs';
import { Session } from '../auth/session';
import { PromiseTable } from '../promises/promise-table';
import { PROMISE_LIST_LIMIT, PromisesApi } from '../promises/promises-api';
import { tickingNow } from '../promises/relative-due';
import { WorkflowLabels } from '../promises/workflow-labels';
import { CasePager } from './case-pager';
import { DeadlineCaseTable } from './deadline-case-table';
import { DeadlinesApi } from './deadlines-api';

const PAGE_SIZE = 50;
const DUE_SOON_DAYS = 7;

interface Counter {
  key: string;
  count: number | null;
  /** More than `count`: further pages not loaded yet. */
  more: boolean;
  /** Something is late: the counter is marked (in words and with an icon, not by colour alone). */
  late: boolean;
}

/**
 * `/terminy` (standard 11.5): a department's deadlines at a glance — cases past their deadline, cases due
 * within 7 days, promises past their due time. A manager sees their own department; the quality officer
 * picks any department and only reads.
 */
@Component({
  selector: 'pu-deadlines-page',
  imports: [
    RouterLink,
    MatFormFieldModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
    DeadlineCaseTable,
    PromiseTable,
  ],
  templateUrl: './deadlines-page.html',
  styleUrl: './deadlines-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeadlinesPage {
  private readonly api = inject(DeadlinesApi);
  private readonly promisesApi = inject(PromisesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly me = inject(Session).user;

  protected readonly now = tickingNow();
  protected readonly isQuality = computed(() => this.me()?.role === 'quality');
  protected readonly departments = signal<DepartmentResponse[]>([]);
  protected readonly department = signal<DepartmentRef | null>(null);

  protected readonly overdue = new CasePager(this.api);
  protected readonly dueSoon = new CasePager(this.api);
  protected readonly promises = signal<PromiseResponse[] | null>(null);
  protected readonly promisesFailed = signal(false);
  protected readonly promiseLimit = PROMISE_LIST_LIMIT;
  private promisesSubscription: Subscription | null = null;

  protected readonly counters = computed<Counter[]>(() => {
    const promises = this.promises();
    const overdue = this.overdue.loading() ? null : this.overdue.items().length;
    return [
      { key: 'overdueCases', count: overdue, more: this.overdue.nextCursor() !== null, late: (overdue ?? 0) > 0 },
      {
        key: 'dueSoonCases',
        count: this.dueSoon.loading() ? null : this.dueSoon.items().length,
        more: this.dueSoon.nextCursor() !== null,
        late: false,
      },
      {
        key: 'overduePromises',
        count: promises?.length ?? null,
        more: (promises?.length ?? 0) >= PROMISE_LIST_LIMIT,
        late: (promises?.length ?? 0) > 0,
      },
    ];
  });

  constructor() {
    inject(WorkflowLabels).load();
    inject(DestroyRef).onDestroy(() => {
      this.overdue.destroy();
      this.dueSoon.destroy();
      this.promisesSubscription?.unsubscribe();
    });
    const me = this.me();
    if (!me) {
      return;
    }
    if (me.role !== 'quality') {
      this.show(me.department);
      return;
    }
    this.api
      .departments()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (list) => {
          const sorted = [...list].sort((a, b) => a.symbol.localeCompare(b.symbol, 'pl'));
          this.departments.set(sorted);
          const wanted = this.route.snapshot.queryParamMap.get('wydzial');
          this.show(
            sorted.find((d) => d.id === wanted) ?? sorted.find((d) => d.id === me.department.id) ?? sorted[0] ?? null,
          );
        },
        error: () => this.show(me.department),
      });
  }

  protected chooseDepartment(id: string): void {
    const department = this.departments().find((d) => d.id === id);
    if (!department) {
      return;
    }
    void this.router.navigate([], { relativeTo: this.route, queryParams: { wydzial: id }, replaceUrl: true });
    this.show(department);
  }

  protected retryPromises(): void {
    const department = this.department();
    if (department) {
      this.loadPromises(department.id);
    }
  }

  private show(department: DepartmentRef | null): void {
    this.department.set(department);
    if (!department) {
      return;
    }
    const departmentId = department.id;
    this.overdue.reset({ departmentId, status: 'open', overdue: true, sort: 'deadline', limit: PAGE_SIZE });
    const soon = new Date(Date.now() + DUE_SOON_DAYS * 24 * 3600_000).toISOString();
    this.dueSoon.reset({
      departmentId,
      status: 'open',
      overdue: false,
      dueBefore: soon,
      sort: 'deadline',
      limit: PAGE_SIZE,
    });
    this.loadPromises(departmentId);
  }

  private loadPromises(departmentId: string): void {
    this.promisesSubscription?.unsubscribe();
    this.promises.set(null);
    this.promisesFailed.set(false);
    this.promisesSubscription = this.promisesApi
      .list({ scope: 'department', state: 'overdue', departmentId })
      .subscribe({
        next: (list) => this.promises.set(list),
        error: () => this.promisesFailed.set(true),
      });
  }
}
