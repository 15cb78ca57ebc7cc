import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CountTable,
  DepartmentCountRow,
  ExtensionFigures,
  HeadlineFigure,
  ImprovementActionResult,
  IncidentsSection,
  MonthCounts,
  OfficeErrorFigures,
  PromiseFigures,
  QualityReport,
  RefusalFigures,
  ReportScope,
  RootCauseRanking,
  SatisfactionSection,
  SettlementSection,
} from '@pu/contracts';
import {
  CASE_KINDS,
  CHANNELS,
  COMPLAINT_OUTCOMES,
  IMPROVEMENT_WINDOW_DAYS,
  INCIDENT_SEVERITIES,
  SATISFACTION_LEVELS,
  SETTLEMENT_KINDS,
  addCalendarMonths,
  previousPeriod,
  warsawDate,
  type CaseKind,
  type Period,
} from '@pu/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { liftQueryDeadline } from '../database/guarded-client';
import {
  type ReportAggregates,
  selectActionResults,
  selectCategoriesForReport,
  selectDepartmentNames,
  selectReportAggregates,
} from './quality-report.queries';
import { buildRootCauseRanking } from './root-cause-ranking';
import {
  compared,
  comparedPeriods,
  countCompared,
  countTable,
  daysFigures,
  share,
  splitCounts,
  twoDecimals,
} from './report-figures';

/** A year of a large office is one scan of its cases: more than a request's usual 3 s on a cold cache. */
const REPORT_TIMEOUT = '60s';
const REPORT_WORK_MEM = '128MB';

/** Quality officers see the whole office, managers their department; nobody else sees the report. */
export function reportScope(actor: Actor): ReportScope {
  if (actor.user.role === 'quality') return { kind: 'office' };
  if (actor.user.role === 'manager') return { kind: 'department', department: actor.user.department };
  throw new DomainError('FORBIDDEN', {
    pl: 'Raport jakości widzą pełnomocnik ds. jakości i kierownicy wydziałów.',
    en: 'The quality report is for the quality officer and department managers.',
  });
}

@Injectable()
export class QualityReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The report for `period` (inclusive Warsaw days) and the period before it, within what `actor` may see. */
  async compute(actor: Actor, period: Period): Promise<QualityReport> {
    const scope = reportScope(actor);
    const departmentId = scope.kind === 'department' ? scope.department.id : null;
    const now = this.clock.now();
    const previous = previousPeriod(period);
    const runner = this.db.createQueryRunner();
    const restoreDeadline = liftQueryDeadline(await runner.connect());
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(`SET TRANSACTION READ ONLY`);
      // Local to this transaction, in one round trip. The sums of the two periods are held once (a materialised
      // CTE) and aggregated a dozen times: in memory, not in temporary files. Planned for its own bounds every
      // time: a generic plan cannot know how many months and loose days a period has (it made the report ten
      // times slower). No JIT: the statement's estimates (row counts it cannot know for its CTEs) pass the JIT
      // thresholds, and compiling its dozen sections took longer than running them: 2.5 s against 0.3 s.
      await runner.query(
        `SELECT set_config('statement_timeout', $1, true), set_config('work_mem', $2, true),
                set_config('plan_cache_mode', 'force_custom_plan', true), set_config('jit', 'off', true)`,
        [REPORT_TIMEOUT, REPORT_WORK_MEM],
      );
      const report = await this.read(runner.manager, { period, previous, scope, departmentId, now });
      await runner.commitTransaction();
      return report;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      restoreDeadline();
      await runner.release();
    }
  }

  private async read(
    m: EntityManager,
    q: { period: Period; previous: Period; scope: ReportScope; departmentId: string | null; now: Date },
  ): Promise<QualityReport> {
    const aggregates = await selectReportAggregates(m, {
      previous: q.previous,
      current: q.period,
      departmentId: q.departmentId,
      now: q.now,
    });
    const [categories, departments, actions] = [
      await selectCategoriesForReport(m),
      await selectDepartmentNames(m),
      await selectActionResults(m, {
        from: q.period.from,
        to: q.period.to,
        today: warsawDate(q.now),
        departmentId: q.departmentId,
      }),
    ];
    const a = aggregates;
    const byKind = countTable(
      CASE_KINDS,
      ...pair(a.counts.filter((r) => r.g === 7).map((r) => kv(r.cur, r.kind, r.n))),
    );
    const byChannel = countTable(
      CHANNELS,
      ...pair(a.counts.filter((r) => r.g === 11).map((r) => kv(r.cur, r.channel, r.n))),
    );
    const byDepartment = this.byDepartment(a, departments);
    const rootCauses: RootCauseRanking = buildRootCauseRanking(a.causes, categories);
    const complaintOutcomes = countTable(
      COMPLAINT_OUTCOMES,
      ...pair(a.outcomes.map((r) => kv(r.cur, r.key as (typeof COMPLAINT_OUTCOMES)[number], r.n))),
    );
    const settlement = this.settlement(a);
    const promises = this.promises(a);
    const officeErrors = this.officeErrors(a);
    const report: QualityReport = {
      period: q.period,
      previousPeriod: q.previous,
      scope: q.scope,
      generatedAt: q.now.toISOString(),
      headline: [],
      byKind,
      byMonth: {
        current: this.months(a, q.period, true),
        previous: this.months(a, q.previous, false),
      },
      byDepartment,
      byChannel,
      rootCauses,
      complaintOutcomes,
      settlement,
      extensions: this.extensions(a),
      promises,
      officeErrors,
      refusals: this.refusals(a),
      incidents: this.incidents(a),
      satisfaction: this.satisfaction(a),
      improvementActions: actions.map((r): ImprovementActionResult => ({
        id: r.id,
        rootCause: r.root_cause,
        rootCauseLabel: { pl: r.label_pl, en: r.label_en },
        what: r.what,
        owner: r.owner,
        dueOn: r.due_on,
        doneOn: r.done_on,
        expectedEffect: r.expected_effect,
        windowDays: IMPROVEMENT_WINDOW_DAYS,
        complaintsBefore: r.before,
        complaintsAfter: r.after,
        afterWindowComplete: r.after_complete,
      })),
    };
    report.headline = headline(report);
    return report;
  }

  private byDepartment(
    a: ReportAggregates,
    departments: Array<{ id: string; symbol: string; name: string }>,
  ): QualityReport['byDepartment'] {
    const [current, previous] = pair(a.counts.filter((r) => r.g === 13).map((r) => kv(r.cur, r.department_id, r.n)));
    const table = countTable(
      departments.map((d) => d.id),
      current,
      previous,
      { keepZero: false },
    );
    const names = new Map(departments.map((d) => [d.id, d]));
    const rows: DepartmentCountRow[] = table.rows
      .map((r) => ({ ...r, symbol: names.get(r.key)?.symbol ?? '?', name: names.get(r.key)?.name ?? '?' }))
      .sort((x, y) => y.current - x.current || y.previous - x.previous || x.symbol.localeCompare(y.symbol));
    return { rows, total: table.total };
  }

  private months(a: ReportAggregates, period: Period, cur: boolean): MonthCounts[] {
    const months: MonthCounts[] = [];
    for (let d = `${period.from.slice(0, 7)}-01`; d <= period.to; d = addCalendarMonths(d, 1)) {
      months.push({ month: d.slice(0, 7), byKind: zeroKinds(), total: 0 });
    }
    const index = new Map(months.map((m) => [m.month, m]));
    for (const r of a.counts) {
      if (r.g !== 6 || r.cur !== cur || !r.month || !r.kind) continue;
      const month = index.get(r.month);
      if (!month) continue;
      month.byKind[r.kind] += r.n;
      month.total += r.n;
    }
    return months;
  }

  private settlement(a: ReportAggregates): SettlementSection {
    const find = (cur: boolean, kind: CaseKind | null) => a.settlement.find((r) => r.cur === cur && r.kind === kind);
    return {
      ...comparedPeriods((cur) => daysFigures(find(cur, null)), { withinDeadlineShare: 4, medianDays: 1, p90Days: 1 }),
      byKind: SETTLEMENT_KINDS.map((kind) => ({
        kind,
        current: daysFigures(find(true, kind)),
        previous: daysFigures(find(false, kind)),
      })),
    };
  }

  private extensions(a: ReportAggregates): QualityReport['extensions'] {
    const figures = (cur: boolean): ExtensionFigures => {
      const row = a.extensions.find((r) => r.cur === cur);
      return {
        casesExtended: row?.cases_extended ?? 0,
        total: row?.total ?? 0,
        reasons: a.reasons.filter((r) => r.cur === cur).map((r) => ({ reason: r.reason, count: r.n })),
      };
    };
    return comparedPeriods(figures, { casesExtended: 'count', total: 'count' });
  }

  private promises(a: ReportAggregates): QualityReport['promises'] {
    const figures = (cur: boolean): PromiseFigures => {
      const r = a.promises.find((x) => x.cur === cur);
      const keptOnTime = r?.on_time ?? 0;
      const keptLate = r?.late ?? 0;
      const broken = r?.broken ?? 0;
      const total = r?.total ?? 0;
      return {
        keptOnTime,
        keptLate,
        broken,
        open: total - keptOnTime - keptLate - broken,
        total,
        keptOnTimeShare: share(keptOnTime, keptOnTime + keptLate + broken),
      };
    };
    return comparedPeriods(figures, { keptOnTimeShare: 4, total: 'count' });
  }

  private officeErrors(a: ReportAggregates): QualityReport['officeErrors'] {
    const figures = (cur: boolean): OfficeErrorFigures => {
      const r = a.office_errors.find((x) => x.cur === cur);
      return {
        total: r?.total ?? 0,
        informed: r?.informed ?? 0,
        medianInformHours: twoDecimals(r?.median_hours),
        informedWithinTarget: r?.within ?? 0,
        informedWithinTargetShare: share(r?.within ?? 0, r?.informed ?? 0),
        preventiveActionsRecorded: r?.preventive ?? 0,
      };
    };
    return {
      ...comparedPeriods(figures, { total: 'count', medianInformHours: 2, informedWithinTargetShare: 4 }),
      preventiveActions: a.preventive.map((r) => ({
        caseId: r.id,
        reference: r.reference,
        departmentSymbol: r.department_symbol,
        closedAt: r.closed_at === null ? null : new Date(r.closed_at).toISOString(),
        preventiveAction: r.preventive_action,
      })),
    };
  }

  private refusals(a: ReportAggregates): QualityReport['refusals'] {
    const figures = (cur: boolean): RefusalFigures => {
      const r = a.refusals.find((x) => x.cur === cur);
      return {
        total: r?.total ?? 0,
        appealInfoGiven: r?.info ?? 0,
        followed: r?.followed ?? 0,
        followedByComplaint: r?.by_complaint ?? 0,
        followedByOther: r?.by_other ?? 0,
      };
    };
    return comparedPeriods(figures, { total: 'count', followed: 'count' });
  }

  private incidents(a: ReportAggregates): IncidentsSection {
    const sum = (cur: boolean, pick: (r: ReportAggregates['incidents'][number]) => number) =>
      a.incidents.filter((r) => r.cur === cur).reduce((s, r) => s + pick(r), 0);
    const rows = a.incidents.map((r) => ({
      cur: r.cur,
      key: r.severity as IncidentsSection['bySeverity']['rows'][number]['key'],
      n: r.n,
    }));
    return {
      bySeverity: countTable([...INCIDENT_SEVERITIES, 'unrecorded'] as const, ...pair(rows)),
      securityCalled: countCompared(
        sum(true, (r) => r.security),
        sum(false, (r) => r.security),
      ),
      policeCalled: countCompared(
        sum(true, (r) => r.police),
        sum(false, (r) => r.police),
      ),
    };
  }

  private satisfaction(a: ReportAggregates): SatisfactionSection {
    const answered = a.satisfaction.filter((r) => r.answer !== null);
    const answers = countTable(
      SATISFACTION_LEVELS,
      ...pair(answered.map((r) => kv(r.cur, r.answer as (typeof SATISFACTION_LEVELS)[number], r.n))),
    );
    const proposed = a.satisfaction.filter((r) => r.proposals > 0);
    const bucket = (n: number) => (n >= 3 ? '3+' : (String(n) as '1' | '2'));
    const proposals: CountTable<'1' | '2' | '3+'> = countTable(
      ['1', '2', '3+'] as const,
      ...pair(proposed.map((r) => kv(r.cur, bucket(r.proposals), r.n))),
    );
    const average = (cur: boolean) => {
      const rows = proposed.filter((r) => r.cur === cur);
      const n = rows.reduce((s, r) => s + r.n, 0);
      return n === 0 ? null : Math.round((rows.reduce((s, r) => s + r.n * r.proposals, 0) / n) * 100) / 100;
    };
    return { answers, proposals, averageProposals: compared(average(true), average(false), 2) };
  }
}

const zeroKinds = (): Record<CaseKind, number> =>
  Object.fromEntries(CASE_KINDS.map((k) => [k, 0])) as Record<CaseKind, number>;

const kv = <K extends string>(cur: boolean, key: K | null, n: number) => ({ cur, key: key as K, n });

/** The two periods' maps as arguments of countTable. */
function pair<K extends string>(
  rows: ReadonlyArray<{ cur: boolean; key: K; n: number }>,
): [Map<K, number>, Map<K, number>] {
  const { current, previous } = splitCounts(rows);
  return [current, previous];
}

/** The tiles of the report page: the figures a reader looks at first, each against the period before. */
function headline(r: QualityReport): HeadlineFigure[] {
  const complaints = r.byKind.rows.find((x) => x.key === 'complaint');
  return [
    { key: 'cases', unit: 'count', ...compared(r.byKind.total.current, r.byKind.total.previous) },
    { key: 'complaints', unit: 'count', ...compared(complaints?.current ?? 0, complaints?.previous ?? 0) },
    { key: 'settledWithinDeadline', unit: 'share', ...r.settlement.withinDeadlineShare },
    { key: 'medianDaysToSettle', unit: 'days', ...r.settlement.medianDays },
    { key: 'promisesKeptOnTime', unit: 'share', ...r.promises.keptOnTimeShare },
    { key: 'officeErrorsInformedWithinTarget', unit: 'share', ...r.officeErrors.informedWithinTargetShare },
  ];
}
