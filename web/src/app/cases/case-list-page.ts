import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, ParamMap, Router, RouterLink, type UrlTree } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseKindName, CaseListItem, CaseListQuery, CaseSort, CaseTotal, DepartmentResponse } from '@pu/contracts';
import { looksLikeReference } from '@pu/workflow';
import { debounceTime, map, switchMap, tap } from 'rxjs';
import { Session } from '../auth/session';
import { Language } from '../i18n/language';
import { PuDatePipe } from '../shared/date-time';
import { kindTitle, stepTitle } from './case-labels';
import { CasesApi } from './cases-api';
import { ListReturn } from './list-return';
import { type HeaderSort, headerSortOf, sortOfHeader } from './list-sort';
import { type WorkflowCatalog, WorkflowCatalogApi } from '../workflows/workflow-catalog';
import {
  CaseListWorkloadFilters,
  clearedWorkloadParams,
  hasWorkloadFilter,
  workloadParams,
  workloadQuery,
} from '../workload/case-list-workload-filters';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

const PAGE_SIZE = 25;
const SORTS: readonly CaseSort[] = ['deadline', '-deadline', '-received', 'received'];
const STATUSES = ['open', 'closed', 'all'] as const;
type StatusFilter = (typeof STATUSES)[number];
/** Marks the first page in the stack of cursors kept for "Poprzednie" (a real cursor is base64url JSON). */
const FIRST_PAGE = '0';

interface Filters {
  kind: CaseKindName | '';
  status: StatusFilter;
  overdue: boolean;
  q: string;
  department: string;
  sort: CaseSort;
}

function filtersFrom(params: ParamMap): Filters {
  const status = params.get('status') as StatusFilter | null;
  const sort = params.get('sort') as CaseSort | null;
  return {
    kind: (params.get('kind') ?? '') as CaseKindName | '',
    status: status && STATUSES.includes(status) ? status : 'open',
    overdue: params.get('overdue') === 'true',
    q: params.get('q') ?? '',
    department: params.get('department') ?? '',
    sort: sort && SORTS.includes(sort) ? sort : 'deadline',
  };
}

/** `/sprawy`: the case register, filtered and sorted through the URL, paged with the API's keyset cursors. */
@Component({
  selector: 'pu-case-list-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatTableModule,
    MatSortModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
    PuDatePipe,
    CaseListWorkloadFilters,
  ],
  templateUrl: './case-list-page.html',
  styleUrl: './case-list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseListPage {
  private readonly api = inject(CasesApi);
  private readonly workflows = inject(WorkflowCatalogApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly lang = inject(Language).lang;
  protected readonly role = inject(Session).role;
  protected readonly canRegister = computed(() => this.role() === 'clerk' || this.role() === 'manager');
  protected readonly showDepartment = computed(() => this.role() === 'manager' || this.role() === 'quality');
  protected readonly sorts = SORTS;
  protected readonly statuses = STATUSES;
  protected readonly columns = [
    'reference',
    'kind',
    'subject',
    'client',
    'department',
    'assignee',
    'step',
    'received',
    'due',
    'status',
  ];

  protected readonly catalog = signal<WorkflowCatalog | null>(null);
  protected readonly departments = signal<DepartmentResponse[]>([]);
  protected readonly items = signal<CaseListItem[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly total = signal<CaseTotal | null>(null);
  /** The table's sorted header, as the `sort` filter says. */
  protected readonly headerSort = signal<HeaderSort>(headerSortOf('deadline'));
  /** A search for a whole reference number finds the case whatever the status filter. */
  protected readonly referenceSearch = signal(false);
  private readonly listReturn = inject(ListReturn);
  /** The board of the chosen kind, with the same filters. */
  protected readonly boardParams = signal<Record<string, string>>({});
  protected readonly backStack = signal<string[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadFailed = signal(false);
  protected readonly filtered = signal(false);
  /** The department filter, for the people the assignee filter offers. */
  protected readonly departmentFilter = signal('');

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    kind: this.fb.control<CaseKindName | ''>(''),
    status: this.fb.control<StatusFilter>('open'),
    overdue: false,
    q: '',
    department: '',
    sort: this.fb.control<CaseSort>('deadline'),
  });

  constructor() {
    this.workflows
      .catalog()
      .pipe(takeUntilDestroyed())
      .subscribe((c) => this.catalog.set(c));
    if (this.showDepartment()) {
      this.api
        .departments()
        .pipe(takeUntilDestroyed())
        .subscribe((list) => this.departments.set([...list].sort((a, b) => a.symbol.localeCompare(b.symbol, 'pl'))));
    }

    // The URL is the source of truth: a reload or "back" shows the same filters and page.
    this.route.queryParamMap
      .pipe(
        tap((params) => {
          const filters = filtersFrom(params);
          // Keep the search text as typed (a trailing space) when it means the same search.
          const typed = this.form.controls.q.value;
          this.form.setValue({ ...filters, q: typed.trim() === filters.q ? typed : filters.q }, { emitEvent: false });
          this.filtered.set(
            filters.kind !== '' ||
              filters.overdue ||
              filters.q !== '' ||
              filters.department !== '' ||
              hasWorkloadFilter(params),
          );
          this.departmentFilter.set(filters.department);
          this.headerSort.set(headerSortOf(filters.sort));
          this.boardParams.set({
            kind: filters.kind || 'complaint',
            ...(filters.q ? { q: filters.q } : {}),
            ...(filters.department ? { department: filters.department } : {}),
            ...(filters.overdue ? { overdue: 'true' } : {}),
            ...workloadParams(workloadQuery(params)),
          });
          this.referenceSearch.set(looksLikeReference(filters.q));
          this.listReturn.remember(this.router.url);
          const back = params.get('back');
          this.backStack.set(back ? back.split(',') : []);
          this.loading.set(true);
          this.loadFailed.set(false);
        }),
        switchMap((params) => this.api.list(this.query(filtersFrom(params), params.get('cursor'), params))),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (page) => {
          this.items.set(page.items);
          this.nextCursor.set(page.nextCursor);
          this.total.set(page.total);
          this.loading.set(false);
        },
        error: () => {
          this.loading.set(false);
          this.loadFailed.set(true);
        },
      });

    // Selects and the checkbox apply at once; the search text after a pause in typing.
    const { q, ...rest } = this.form.controls;
    for (const control of Object.values(rest) as AbstractControl[]) {
      control.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.applyFilters());
    }
    q.valueChanges
      .pipe(
        map((v) => v.trim()),
        debounceTime(400),
        takeUntilDestroyed(),
      )
      // A result clicked before the pause ended is being opened: writing the search into the URL now would cancel it.
      .subscribe(() => {
        if (!this.leaving()) this.applyFilters();
      });
  }

  protected kindTitle(kind: CaseKindName): string {
    return kindTitle(this.catalog(), kind, this.lang());
  }

  protected stepTitle(item: CaseListItem): string {
    return item.currentStep ? stepTitle(this.catalog(), item.kind, item.currentStep, this.lang()) : '';
  }

  /** A click on a sortable header (or Enter/Space on it): the same as choosing that order in the select. */
  protected sortByHeader(sort: Sort): void {
    this.form.controls.sort.setValue(sortOfHeader(sort, this.form.controls.sort.value));
  }

  /** Which cases of how many this page shows, e.g. "26–50 z 134" or "… z ponad 1000". */
  protected range(): { from: number; to: number } {
    const from = this.backStack().length * PAGE_SIZE + 1;
    return { from, to: from + this.items().length - 1 };
  }

  /**
   * The total as the pages so far prove it: the count is capped (a search counts to a page's length), the pages
   * are not, so "more than N" is never below what has been shown, and the last page makes it exact.
   */
  protected shownTotal(): CaseTotal | null {
    const t = this.total();
    if (!t || t.exact) return t;
    const shown = this.range().to;
    return this.nextCursor() ? { exact: false, count: Math.max(t.count, shown) } : { exact: true, count: shown };
  }

  protected retry(): void {
    this.reload();
  }

  protected next(): void {
    const cursor = this.nextCursor();
    if (!cursor) {
      return;
    }
    const current = this.route.snapshot.queryParamMap.get('cursor') ?? FIRST_PAGE;
    this.navigate({ cursor, back: [...this.backStack(), current].join(',') });
  }

  protected previous(): void {
    const stack = [...this.backStack()];
    const cursor = stack.pop();
    if (cursor === undefined) {
      return;
    }
    this.navigate({ cursor: cursor === FIRST_PAGE ? null : cursor, back: stack.length ? stack.join(',') : null });
  }

  protected clearFilters(): void {
    this.form.reset(undefined, { emitEvent: false });
    this.applyFilters(clearedWorkloadParams());
  }

  private reload(): void {
    const params = this.route.snapshot.queryParamMap;
    this.loading.set(true);
    this.loadFailed.set(false);
    this.api
      .list(this.query(filtersFrom(params), params.get('cursor'), params))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.items.set(page.items);
          this.nextCursor.set(page.nextCursor);
          this.total.set(page.total);
          this.loading.set(false);
        },
        error: () => {
          this.loading.set(false);
          this.loadFailed.set(true);
        },
      });
  }

  private applyFilters(extra: Record<string, string | null> = {}): void {
    const f = this.form.getRawValue();
    // New filters start again from the first page.
    this.navigate(
      {
        kind: f.kind || null,
        status: f.status === 'open' ? null : f.status,
        overdue: f.overdue ? 'true' : null,
        q: f.q.trim() || null,
        department: f.department || null,
        sort: f.sort === 'deadline' ? null : f.sort,
        cursor: null,
        back: null,
        ...extra,
      },
      true,
    );
  }

  /** Whether a navigation to another page (a case clicked in the list) is under way. */
  private leaving(): boolean {
    const target = this.router.currentNavigation()?.extractedUrl;
    return !!target && pathOf(target) !== pathOf(this.router.parseUrl(this.router.url));
  }

  private navigate(params: Record<string, string | null>, replace = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: params,
      queryParamsHandling: 'merge',
      replaceUrl: replace,
    });
  }

  private query(f: Filters, cursor: string | null, params: ParamMap): CaseListQuery {
    return {
      ...workloadQuery(params),
      kind: f.kind || undefined,
      status: f.status === 'all' ? undefined : f.status,
      overdue: f.overdue || undefined,
      q: f.q || undefined,
      departmentId: f.department || undefined,
      sort: f.sort,
      limit: PAGE_SIZE,
      cursor: cursor ?? undefined,
    };
  }
}

const pathOf = (url: UrlTree): string =>
  url.root.children['primary']?.segments.map((segment) => segment.path).join('/') ?? '';
