import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CountCompared, QualityReport } from '@pu/contracts';
import {
  CHANNEL_LABELS,
  COMPLAINT_OUTCOME_LABELS,
  INCIDENT_SEVERITY_LABELS,
  SATISFACTION_LABELS,
  WORKFLOWS,
  formatDate,
  parseReportPeriod,
  warsawDate,
  type CaseKind,
  type Period,
} from '@pu/workflow';
import { BehaviorSubject, catchError, combineLatest, map, of, startWith, switchMap } from 'rxjs';
import { Session } from '../auth/session';
import { Language } from '../i18n/language';
import { localized } from '../shared/localized';
import { CompareTable, type CompareRow } from './compare-table';
import { ImprovementActionsPanel } from './improvement-actions-panel';
import { ReportChart } from './report-chart';
import { ReportDownloads } from './report-downloads';
import { ReportTiles } from './report-tiles';
import {
  comparedChart,
  formatChange,
  formatNumber,
  formatShare,
  monthsChart,
  settlementChart,
  yearOf,
  yearPeriod,
  type ChartSpec,
} from './report-view';
import { ReportsApi } from './reports-api';

type LoadState =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; report: QualityReport };

const thisYear = () => Number(warsawDate(new Date()).slice(0, 4));

/** The period in the address (`?rok=2030` or `?od=…&do=…`), so a reload or a shared link shows the same report. */
function periodFromQuery(q: { get(name: string): string | null }): Period {
  const from = q.get('od');
  const to = q.get('do');
  const parsed = from || to ? parseReportPeriod({ from: from ?? '', to: to ?? '' }) : null;
  if (parsed?.ok) return parsed.period;
  const year = parseReportPeriod({ year: q.get('rok') ?? String(thisYear()) });
  return year.ok ? year.period : yearPeriod(thisYear());
}

/**
 * The quality-improvement report (standard 20): the quality officer's for the office, a manager's for their
 * department. A period picker, the headline figures against the period before, charts each with its table,
 * the other sections as tables, and the improvement actions.
 */
@Component({
  selector: 'pu-quality-report-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    CompareTable,
    ImprovementActionsPanel,
    ReportChart,
    ReportDownloads,
    ReportTiles,
  ],
  templateUrl: './quality-report-page.html',
  styleUrl: './quality-report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QualityReportPage {
  private readonly api = inject(ReportsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).lang;
  private readonly session = inject(Session);
  protected readonly canManage = computed(() => this.session.role() === 'quality');

  protected readonly years = Array.from({ length: 10 }, (_, i) => thisYear() - i);
  protected readonly periodError = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    mode: ['year'],
    year: [thisYear(), Validators.required],
    from: [''],
    to: [''],
  });

  protected readonly period = toSignal(this.route.queryParamMap.pipe(map(periodFromQuery)), {
    initialValue: yearPeriod(thisYear()),
  });

  private readonly refresh$ = new BehaviorSubject<void>(undefined);

  protected readonly state = toSignal(
    combineLatest([this.route.queryParamMap, this.refresh$]).pipe(
      map(([q]) => periodFromQuery(q)),
      switchMap((period) => {
        this.syncForm(period);
        return this.api.report(period).pipe(
          map((report): LoadState => ({ status: 'ready', report })),
          catchError(() =>
            of<LoadState>({ status: 'failed', message: this.transloco.translate('qualityReport.loadFailed') }),
          ),
          startWith<LoadState>({ status: 'loading' }),
        );
      }),
    ),
    { initialValue: { status: 'loading' } },
  );

  protected readonly report = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.report : null;
  });

  /** An improvement action changed: its figures come from the report. */
  protected recompute(): void {
    this.refresh$.next();
  }

  protected periodLabel(p: Period): string {
    const year = yearOf(p);
    if (year !== null) return String(year);
    return `${formatDate(p.from, this.lang())} – ${formatDate(p.to, this.lang())}`;
  }

  protected show(): void {
    const v = this.form.getRawValue();
    this.periodError.set(null);
    if (v.mode === 'year') {
      void this.router.navigate([], { relativeTo: this.route, queryParams: { rok: v.year } });
      return;
    }
    const parsed = parseReportPeriod({ from: v.from, to: v.to });
    if (!parsed.ok) {
      this.periodError.set(localized(parsed.message, this.lang()));
      return;
    }
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { od: parsed.period.from, do: parsed.period.to },
    });
  }

  private syncForm(p: Period): void {
    const year = yearOf(p);
    this.form.patchValue(year !== null ? { mode: 'year', year } : { mode: 'range', from: p.from, to: p.to }, {
      emitEvent: false,
    });
  }

  protected t(key: string, params?: Record<string, unknown>): string {
    return this.transloco.translate(key, params);
  }

  protected kindLabel = (k: CaseKind): string => localized(WORKFLOWS[k].title, this.lang());

  private monthLabel = (m: string): string =>
    new Intl.DateTimeFormat(this.lang() === 'en' ? 'en-GB' : 'pl-PL', { month: 'short', year: 'numeric' }).format(
      new Date(`${m}-15T12:00:00Z`),
    );

  private readonly names = computed(() => {
    this.lang();
    return { current: this.t('qualityReport.current'), previous: this.t('qualityReport.previous') };
  });

  protected readonly charts = computed(() => {
    const r = this.report();
    if (!r) return null;
    const lang = this.lang();
    const names = this.names();
    const months: ChartSpec = monthsChart(r.byMonth.current, this.kindLabel, this.monthLabel);
    const causes = comparedChart(
      r.rootCauses.rows
        .filter((x) => x.current > 0 || x.previous > 0)
        .map((x) => ({ label: `${x.rank}. ${localized(x.label, lang)}`, current: x.current, previous: x.previous })),
      names,
      'horizontal',
    );
    const outcomes = comparedChart(
      r.complaintOutcomes.rows.map((x) => ({ label: localized(COMPLAINT_OUTCOME_LABELS[x.key], lang), ...x })),
      names,
    );
    const departments = comparedChart(
      r.byDepartment.rows.map((x) => ({ label: `${x.symbol} – ${x.name}`, current: x.current, previous: x.previous })),
      names,
    );
    const settlement = settlementChart(r, this.kindLabel, { total: this.t('qualityReport.total'), ...names });
    return { months, causes, outcomes, departments, settlement };
  });

  private countRow(label: string, c: CountCompared): CompareRow {
    const lang = this.lang();
    return {
      label,
      current: formatNumber(c.current, lang, 0),
      previous: formatNumber(c.previous, lang, 0),
      change: formatChange(c, 'count', lang) ?? '—',
    };
  }

  private shareRow(label: string, current: number | null, previous: number | null): CompareRow {
    const lang = this.lang();
    const change = current === null || previous === null ? null : current - previous;
    return {
      label,
      current: formatShare(current, lang),
      previous: formatShare(previous, lang),
      change: formatChange({ current, previous, change }, 'share', lang) ?? '—',
    };
  }

  private numberRow(label: string, current: number | null, previous: number | null): CompareRow {
    const lang = this.lang();
    const change = current === null || previous === null ? null : Math.round((current - previous) * 100) / 100;
    return {
      label,
      current: formatNumber(current, lang),
      previous: formatNumber(previous, lang),
      change: formatChange({ current, previous, change }, 'days', lang) ?? '—',
    };
  }

  /** The sections without a chart, each a table of this period against the one before. */
  protected readonly tables = computed(() => {
    const r = this.report();
    if (!r) return null;
    const lang = this.lang();
    const t = (k: string) => this.t(`qualityReport.rows.${k}`);
    const c = (current: number, previous: number): CountCompared => ({
      current,
      previous,
      change: current - previous,
      changePercent: null,
    });
    const kinds = r.byKind.rows.map((x) => this.countRow(this.kindLabel(x.key), x));
    const channels = r.byChannel.rows.map((x) => this.countRow(localized(CHANNEL_LABELS[x.key], lang), x));
    const s = r.settlement;
    const settlement = [
      this.countRow(t('settled'), c(s.current.total, s.previous.total)),
      this.shareRow(t('withinDeadline'), s.current.withinDeadlineShare, s.previous.withinDeadlineShare),
      this.numberRow(t('medianDays'), s.current.medianDays, s.previous.medianDays),
      this.numberRow(t('p90Days'), s.current.p90Days, s.previous.p90Days),
    ];
    const e = r.extensions;
    const extensions = [
      this.countRow(t('casesExtended'), e.casesExtended),
      this.countRow(t('extensions'), e.total),
      ...e.current.reasons.map((x) =>
        this.countRow(`„${x.reason}”`, c(x.count, e.previous.reasons.find((p) => p.reason === x.reason)?.count ?? 0)),
      ),
    ];
    const p = r.promises;
    const promises = [
      this.countRow(t('keptOnTime'), c(p.current.keptOnTime, p.previous.keptOnTime)),
      this.countRow(t('keptLate'), c(p.current.keptLate, p.previous.keptLate)),
      this.countRow(t('broken'), c(p.current.broken, p.previous.broken)),
      this.countRow(t('open'), c(p.current.open, p.previous.open)),
      this.countRow(this.t('qualityReport.total'), p.total),
      this.shareRow(t('keptOnTimeShare'), p.current.keptOnTimeShare, p.previous.keptOnTimeShare),
    ];
    const o = r.officeErrors;
    const officeErrors = [
      this.countRow(t('officeErrors'), o.total),
      this.countRow(t('informed'), c(o.current.informed, o.previous.informed)),
      this.numberRow(t('medianInformHours'), o.current.medianInformHours, o.previous.medianInformHours),
      this.shareRow(
        t('informedWithinTarget'),
        o.current.informedWithinTargetShare,
        o.previous.informedWithinTargetShare,
      ),
      this.countRow(
        t('preventiveActions'),
        c(o.current.preventiveActionsRecorded, o.previous.preventiveActionsRecorded),
      ),
    ];
    const f = r.refusals;
    const refusals = [
      this.countRow(t('refusals'), f.total),
      this.countRow(t('appealInfoGiven'), c(f.current.appealInfoGiven, f.previous.appealInfoGiven)),
      this.countRow(t('followedByComplaint'), c(f.current.followedByComplaint, f.previous.followedByComplaint)),
      this.countRow(t('followedByOther'), c(f.current.followedByOther, f.previous.followedByOther)),
    ];
    const i = r.incidents;
    const incidents = [
      ...i.bySeverity.rows.map((x) =>
        this.countRow(x.key === 'unrecorded' ? t('unrecorded') : localized(INCIDENT_SEVERITY_LABELS[x.key], lang), x),
      ),
      this.countRow(this.t('qualityReport.total'), i.bySeverity.total),
      this.countRow(t('securityCalled'), i.securityCalled),
      this.countRow(t('policeCalled'), i.policeCalled),
    ];
    const sat = r.satisfaction;
    const satisfaction = [
      ...sat.answers.rows.map((x) => this.countRow(localized(SATISFACTION_LABELS[x.key], lang), x)),
      ...sat.proposals.rows.map((x) => this.countRow(this.t('qualityReport.rows.proposals', { n: x.key }), x)),
      this.numberRow(t('averageProposals'), sat.averageProposals.current, sat.averageProposals.previous),
    ];
    return { kinds, channels, settlement, extensions, promises, officeErrors, refusals, incidents, satisfaction };
  });
}
