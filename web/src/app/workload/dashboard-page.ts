import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { DashboardPersonRow, DashboardResponse, DepartmentResponse } from '@pu/contracts';
import { Subscription } from 'rxjs';
import { Session } from '../auth/session';
import { Language } from '../i18n/language';
import { PuDatePipe } from '../shared/date-time';
import { type Figure, type ListLink, type Who, figureLink } from './workload-links';
import { WorkloadApi } from './workload-api';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

const FIGURES: readonly Figure[] = ['overdue', 'dueSoon', 'idle', 'brokenPromises', 'promisesDueToday'];
/** Figures that mean something is already late: marked in words and with an icon, not by colour alone. */
const LATE: ReadonlySet<Figure> = new Set(['overdue', 'brokenPromises']);
/** The quality officer's choice of every department, in the URL (`?wydzial=wszystkie`). */
const ALL = 'wszystkie';

/**
 * `/terminy`, the manager's dashboard (standard 11.5): for the manager's department — the quality officer picks
 * any or all — what is overdue, due within 3 working days, idle for 7 days, and the promises broken or due
 * today, in total and by person. Every number links to the list of exactly those cases or promises.
 */
@Component({
  selector: 'pu-dashboard-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [RouterLink, MatFormFieldModule, MatSelectModule, MatButtonModule, MatIconModule, TranslocoPipe, PuDatePipe],
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  private readonly api = inject(WorkloadApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly me = inject(Session).user;

  protected readonly lang = inject(Language).lang;
  protected readonly figures = FIGURES;
  protected readonly all = ALL;
  protected readonly isQuality = computed(() => this.me()?.role === 'quality');
  protected readonly departments = signal<DepartmentResponse[]>([]);
  /** The department id chosen, or ALL. */
  protected readonly choice = signal<string>('');
  protected readonly data = signal<DashboardResponse | null>(null);
  protected readonly failed = signal(false);
  private subscription: Subscription | null = null;

  /** The department the numbers are for; null = every department. */
  protected readonly departmentId = computed(() => this.data()?.department?.id ?? null);
  protected readonly showDepartment = computed(() => {
    const d = this.data();
    return d !== null && d.department === null;
  });

  constructor() {
    const me = this.me();
    if (!me) {
      return;
    }
    if (me.role !== 'quality') {
      this.load(null);
      return;
    }
    this.api
      .departments()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (list) => this.departments.set([...list].sort((a, b) => a.symbol.localeCompare(b.symbol, 'pl'))),
        error: () => undefined,
      });
    const wanted = this.route.snapshot.queryParamMap.get('wydzial');
    this.load(wanted && wanted !== ALL ? wanted : null);
  }

  protected choose(value: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { wydzial: value },
      replaceUrl: true,
    });
    this.load(value === ALL ? null : value);
  }

  protected retry(): void {
    const c = this.choice();
    this.load(c && c !== ALL ? c : null);
  }

  protected link(figure: Figure, row: DashboardPersonRow | null): ListLink | null {
    const who: Who = !row
      ? { kind: 'everyone' }
      : row.person
        ? { kind: 'person', id: row.person.id }
        : { kind: 'nobody' };
    // A person's row is within their row's department, also when every department is shown.
    return figureLink(figure, row ? row.department.id : this.departmentId(), who);
  }

  protected isLate(figure: Figure, count: number): boolean {
    return LATE.has(figure) && count > 0;
  }

  private load(departmentId: string | null): void {
    this.choice.set(departmentId ?? (this.isQuality() ? ALL : ''));
    this.subscription?.unsubscribe();
    this.failed.set(false);
    this.data.set(null);
    this.subscription = this.api.dashboard(departmentId).subscribe({
      next: (d) => this.data.set(d),
      error: () => this.failed.set(true),
    });
  }
}
