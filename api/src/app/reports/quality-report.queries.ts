import type { CaseKindName, ChannelName } from '@pu/contracts';
import {
  COMPLAINT_OUTCOMES,
  IMPROVEMENT_WINDOW_DAYS,
  OFFICE_TIME_ZONE,
  periodInstants,
  splitByMonths,
  type Period,
} from '@pu/workflow';
import type { EntityManager } from 'typeorm';
import { SqlParams } from '../common/sql-params';

// The quality report's statements. The case sections read `case_report_rollup` (migration 1764001000000): per
// Warsaw month and department, how many cases have each reported value, kept by triggers from the narrow fact rows
// in `case_report_facts`. Whole months of the two periods come from those sums; days that make no whole month
// (a period from the 15th) from the fact rows themselves, turned into the same rows by the same SQL function
// (`case_report_contributions`), so both paths count alike. Medians and the 90th percentile are taken exactly
// from histograms of the integer days and the hundredths of hours. Nothing but the aggregates reaches Node.

/** The two contiguous periods of a report (inclusive Warsaw days). */
export interface ReportBounds {
  previous: Period;
  current: Period;
  /** The department a manager's report is limited to; null for the whole office. */
  departmentId: string | null;
  /** The clock's now: a promise past due and not kept is broken. */
  now: Date;
}

export interface CountRowSql {
  cur: boolean;
  /** Which count: 7 by kind, 11 by channel, 13 by department, 6 by month × kind (the bits GROUPING() would give). */
  g: number;
  kind: CaseKindName | null;
  channel: ChannelName | null;
  department_id: string | null;
  month: string | null;
  n: number;
}

export interface KeyCountSql {
  cur: boolean;
  key: string | null;
  n: number;
}

export interface SettlementSql {
  cur: boolean;
  kind: CaseKindName | null;
  n: number;
  within: number;
  median: number | null;
  p90: number | null;
}

export interface ExtensionSql {
  cur: boolean;
  cases_extended: number;
  total: number;
}

export interface ReasonSql {
  cur: boolean;
  reason: string;
  n: number;
}

export interface OfficeErrorSql {
  cur: boolean;
  total: number;
  informed: number;
  median_hours: number | null;
  within: number;
  preventive: number;
}

export interface PreventiveSql {
  id: string;
  reference: string;
  department_symbol: string;
  closed_at: string | null;
  preventive_action: string;
}

export interface RefusalSql {
  cur: boolean;
  total: number;
  info: number;
  followed: number;
  by_complaint: number;
  by_other: number;
}

export interface IncidentSql {
  cur: boolean;
  severity: string;
  n: number;
  security: number;
  police: number;
}

export interface SatisfactionSql {
  cur: boolean;
  answer: string | null;
  proposals: number;
  n: number;
}

export interface PromiseSql {
  cur: boolean;
  on_time: number;
  late: number;
  broken: number;
  total: number;
}

/** Everything the report aggregates, as one JSON object of row lists (keys as in the statement). */
export interface ReportAggregates {
  counts: CountRowSql[];
  causes: KeyCountSql[];
  outcomes: KeyCountSql[];
  settlement: SettlementSql[];
  extensions: ExtensionSql[];
  reasons: ReasonSql[];
  office_errors: OfficeErrorSql[];
  preventive: PreventiveSql[];
  refusals: RefusalSql[];
  incidents: IncidentSql[];
  satisfaction: SatisfactionSql[];
  promises: PromiseSql[];
}

/** `json_agg` of a subquery, an empty list when it has no rows. */
const list = (sql: string) => `COALESCE((SELECT json_agg(x) FROM (${sql}) x), '[]'::json)`;

/**
 * `percentile_cont(p)` of a histogram: with the values sorted, the one at rank p × (n − 1), interpolated between
 * its neighbours, where each histogram row (v, n) stands for n equal values. `cumulative` is the running count.
 */
function histogramPercentile(p: number): string {
  const rank = `${p} * (total - 1)`;
  return `(min(v) FILTER (WHERE cumulative > floor(${rank}))
           + (max(${rank}) - floor(max(${rank})))
             * (min(v) FILTER (WHERE cumulative > ceil(${rank})) - min(v) FILTER (WHERE cumulative > floor(${rank}))))`;
}

/** Percentiles per group of a histogram `h(cur, grp, v, n)`, with the count and `within` summed. */
function percentilesOf(h: string, fractions: Record<string, number>): string {
  const cols = Object.entries(fractions).map(([name, p]) => `${histogramPercentile(p)} AS ${name}`);
  return `SELECT cur, grp, max(total)::int AS n, sum(within)::int AS within, ${cols.join(', ')}
            FROM (SELECT cur, grp, v, within, sum(n) OVER (PARTITION BY cur, grp ORDER BY v) AS cumulative,
                         sum(n) OVER (PARTITION BY cur, grp) AS total FROM (${h}) h) c
           GROUP BY cur, grp`;
}

export async function selectReportAggregates(db: EntityManager, b: ReportBounds): Promise<ReportAggregates> {
  const p = new SqlParams();
  const current = splitByMonths(b.current);
  const previous = splitByMonths(b.previous);
  const curStart = `${p.add(periodInstants(b.current).start)}::timestamptz`;
  const curEnd = `${p.add(periodInstants(b.current).end)}::timestamptz`;
  const prevStart = `${p.add(periodInstants(b.previous).start)}::timestamptz`;
  const now = `${p.add(b.now)}::timestamptz`;
  // The whole months of a period follow each other, so each period's are a range of `YYYY-MM` texts.
  const monthRange = (months: string[]) =>
    months.length ? `x.month BETWEEN ${p.add(months[0])} AND ${p.add(months[months.length - 1])}` : 'FALSE';
  const inCurrentMonths = monthRange(current.months);
  const inMonths = `(${monthRange(previous.months)} OR ${inCurrentMonths})`;
  const edges = [...previous.rest, ...current.rest].map(periodInstants);
  const edgeStarts = `${p.add(edges.map((e) => e.start))}::timestamptz[]`;
  const edgeEnds = `${p.add(edges.map((e) => e.end))}::timestamptz[]`;
  const dept = b.departmentId === null ? null : `${p.add(b.departmentId)}::uuid`;
  const scope = (alias: string) => (dept === null ? '' : ` AND ${alias}.department_id = ${dept}`);
  const outcomes = `${p.add(COMPLAINT_OUTCOMES)}::text[]`;
  const sum = (filter = '') => `sum(n)${filter ? ` FILTER (WHERE ${filter})` : ''}::int`;

  // Months and departments matter to the count tables only; every other metric is summed over them at once, so
  // the sections below read a few thousand rows, not one per month, department and value. The sums and the loose
  // days are grouped apart: one estimate each, so both are hashed.
  const onlyForCounts = (column: string) => `CASE WHEN metric = 'count' THEN ${column} END`;
  const grouped = (rows: string) => `SELECT cur, ${onlyForCounts('month')} AS month,
           ${onlyForCounts('department_id')} AS department_id, metric, k1, k2, k3, sum(n) AS n, sum(amount) AS amount
      FROM (${rows}) g GROUP BY 1, 2, 3, metric, k1, k2, k3`;
  const sql = `WITH r AS MATERIALIZED (
    ${grouped(`SELECT ${inCurrentMonths} AS cur, x.month, x.department_id, x.metric, x.k1, x.k2, x.k3, x.n, x.amount
                 FROM case_report_rollup x WHERE ${inMonths}${scope('x')}`)}
    UNION ALL
    ${grouped(`SELECT f.received_at >= ${curStart} AS cur, f.month, f.department_id, c.metric, c.k1, c.k2, c.k3, 1 AS n, c.amount
                 FROM unnest(${edgeStarts}, ${edgeEnds}) e(s, t)
                 JOIN case_report_facts f ON f.received_at >= e.s AND f.received_at < e.t${scope('f')}
                CROSS JOIN LATERAL case_report_contributions(f) c`)}
  ),
  -- The four count tables from one grouping of a few thousand rows, rolled up four ways.
  fine AS MATERIALIZED (
    SELECT cur, k1 AS kind, NULLIF(k2, '') AS channel, department_id, month, sum(n) AS n FROM r WHERE metric = 'count'
     GROUP BY cur, k1, k2, department_id, month HAVING sum(n) <> 0
  ),
  settle AS MATERIALIZED (
    SELECT cur, k1 AS kind, k2::int AS v, sum(n) AS n, ${sum(`k3 = 'true'`)} AS within FROM r WHERE metric = 'settle'
     GROUP BY cur, k1, k2 HAVING sum(n) <> 0
  ),
  oe AS MATERIALIZED (
    SELECT cur, k1, k2, k3, sum(n) AS n FROM r WHERE metric = 'office_error' GROUP BY cur, k1, k2, k3 HAVING sum(n) <> 0
  )
  SELECT json_build_object(
    'counts', ${list(`SELECT cur, 7 AS g, kind, NULL AS channel, NULL::uuid AS department_id, NULL AS month, sum(n)::int AS n
                        FROM fine GROUP BY cur, kind
                      UNION ALL SELECT cur, 11, NULL, channel, NULL, NULL, sum(n)::int FROM fine GROUP BY cur, channel
                      UNION ALL SELECT cur, 13, NULL, NULL, department_id, NULL, sum(n)::int FROM fine GROUP BY cur, department_id
                      UNION ALL SELECT cur, 6, kind, NULL, NULL, month, sum(n)::int FROM fine GROUP BY cur, month, kind`)},
    'causes', ${list(`SELECT cur, NULLIF(k1, '') AS key, ${sum()} AS n FROM r WHERE metric = 'cause'
                       GROUP BY cur, k1 HAVING sum(n) <> 0`)},
    'outcomes', ${list(`SELECT cur, k1 AS key, ${sum()} AS n FROM r WHERE metric = 'outcome' AND k1 = ANY(${outcomes})
                         GROUP BY cur, k1 HAVING sum(n) <> 0`)},
    'settlement', ${list(
      `SELECT cur, grp AS kind, n, within, median, p90 FROM (${percentilesOf(
        `SELECT cur, kind AS grp, v, n, within FROM settle
        UNION ALL SELECT cur, NULL::text, v, sum(n), sum(within) FROM settle GROUP BY cur, v`,
        { median: 0.5, p90: 0.9 },
      )}) s`,
    )},
    'extensions', ${list(`SELECT cur, ${sum()} AS cases_extended, sum(amount)::int AS total FROM r
                           WHERE metric = 'extended' GROUP BY cur HAVING sum(n) <> 0`)},
    'reasons', ${list(`SELECT cur, reason, n FROM (
                         SELECT cur, NULLIF(k1, '') AS reason, ${sum()} AS n,
                                row_number() OVER (PARTITION BY cur ORDER BY sum(n) DESC, NULLIF(k1, '')) AS rn
                           FROM r WHERE metric = 'reason' GROUP BY cur, k1 HAVING sum(n) <> 0) x
                        WHERE rn <= 20 ORDER BY cur, n DESC, reason`)},
    'office_errors', ${list(`SELECT t.cur, t.total, t.informed, h.median AS median_hours, t.within, t.preventive
                               FROM (SELECT cur, ${sum()} AS total, ${sum(`k1 <> ''`)} AS informed,
                                            ${sum(`k2 = 'true'`)} AS within, ${sum(`k3 = 'true'`)} AS preventive
                                       FROM oe GROUP BY cur) t
                               LEFT JOIN (${percentilesOf(
                                 `SELECT cur, NULL::text AS grp, k1::numeric AS v, n, 0 AS within FROM oe WHERE k1 <> ''`,
                                 { median: 0.5 },
                               )}) h ON h.cur = t.cur`)},
    'preventive', ${list(`SELECT f.case_id AS id, c.reference, d.symbol AS department_symbol, f.closed_at,
                                 f.preventive AS preventive_action
                            FROM case_report_facts f JOIN cases c ON c.id = f.case_id JOIN departments d ON d.id = f.department_id
                           WHERE f.preventive IS NOT NULL AND f.received_at >= ${curStart} AND f.received_at < ${curEnd}${scope('f')}
                           ORDER BY f.closed_at DESC NULLS LAST, c.reference LIMIT 100`)},
    'refusals', ${list(`SELECT cur, ${sum()} AS total, ${sum(`k1 = 'true'`)} AS info,
                               ${sum(`k2 = 'true' OR k3 = 'true'`)} AS followed, ${sum(`k2 = 'true'`)} AS by_complaint,
                               ${sum(`k3 = 'true'`)} AS by_other
                          FROM r WHERE metric = 'refusal' GROUP BY cur HAVING sum(n) <> 0`)},
    'incidents', ${list(`SELECT cur, k1 AS severity, ${sum()} AS n, ${sum(`k2 = 'true'`)} AS security,
                                ${sum(`k3 = 'true'`)} AS police
                           FROM r WHERE metric = 'incident' GROUP BY cur, k1 HAVING sum(n) <> 0`)},
    'satisfaction', ${list(`SELECT cur, NULLIF(k1, '') AS answer, NULLIF(k2, '')::int AS proposals, ${sum()} AS n
                              FROM r WHERE metric = 'satisfaction' GROUP BY cur, k1, k2 HAVING sum(n) <> 0`)},
    'promises', ${list(`SELECT p.due_at >= ${curStart} AS cur,
                               count(*) FILTER (WHERE NOT p.broken_before_reschedule AND p.kept_at <= p.due_at)::int AS on_time,
                               count(*) FILTER (WHERE NOT p.broken_before_reschedule AND p.kept_at > p.due_at)::int AS late,
                               count(*) FILTER (WHERE p.broken_before_reschedule
                                                   OR (p.kept_at IS NULL AND p.due_at < ${now}))::int AS broken,
                               count(*)::int AS total
                          FROM promises p${dept === null ? '' : ' JOIN cases c ON c.id = p.case_id'}
                         WHERE p.due_at >= ${prevStart} AND p.due_at < ${curEnd}${scope('c')} GROUP BY 1`)}
  ) AS report`;
  const rows: Array<{ report: ReportAggregates }> = await db.query(sql, p.values);
  return rows[0].report;
}

export interface CategoryRow {
  code: string;
  label_pl: string;
  label_en: string;
  retired_at: Date | null;
}

export function selectCategoriesForReport(db: EntityManager): Promise<CategoryRow[]> {
  return db.query(`SELECT code, label_pl, label_en, retired_at FROM root_cause_categories ORDER BY ordinal`);
}

export interface DepartmentNameRow {
  id: string;
  symbol: string;
  name: string;
}

export function selectDepartmentNames(db: EntityManager): Promise<DepartmentNameRow[]> {
  return db.query(`SELECT id, symbol, name FROM departments ORDER BY symbol`);
}

export interface ActionResultRow {
  id: string;
  root_cause: string;
  label_pl: string;
  label_en: string;
  what: string;
  owner: string;
  due_on: string;
  done_on: string | null;
  expected_effect: string;
  before: number | null;
  after: number | null;
  after_complete: boolean;
}

/**
 * The improvement actions that concern a period (due or done in it, or still open from before it), each with
 * the complaints of its category in the IMPROVEMENT_WINDOW_DAYS before and from its completion.
 */
export function selectActionResults(
  db: EntityManager,
  q: { from: string; to: string; today: string; departmentId: string | null },
): Promise<ActionResultRow[]> {
  const p = new SqlParams();
  const from = `${p.add(q.from)}::date`;
  const to = `${p.add(q.to)}::date`;
  const today = `${p.add(q.today)}::date`;
  const window = `${p.add(IMPROVEMENT_WINDOW_DAYS)}::int`;
  const scope = q.departmentId === null ? '' : ` AND c.department_id = ${p.add(q.departmentId)}::uuid`;
  const at = (day: string) => `(${day})::timestamp AT TIME ZONE '${OFFICE_TIME_ZONE}'`;
  const count = (start: string, end: string) => `CASE WHEN a.done_on IS NOT NULL THEN (SELECT count(*)::int FROM cases c
      WHERE c.kind = 'complaint' AND c.root_cause = a.root_cause
        AND c.received_at >= ${at(start)} AND c.received_at < ${at(end)}${scope}) END`;
  return db.query(
    `SELECT a.id, a.root_cause, r.label_pl, r.label_en, a.what, a.owner, to_char(a.due_on, 'YYYY-MM-DD') AS due_on,
            to_char(a.done_on, 'YYYY-MM-DD') AS done_on, a.expected_effect,
            ${count(`a.done_on - ${window}`, 'a.done_on')} AS before,
            ${count('a.done_on', `a.done_on + ${window}`)} AS after,
            COALESCE(a.done_on + ${window} <= ${today}, false) AS after_complete
       FROM improvement_actions a JOIN root_cause_categories r ON r.code = a.root_cause
      WHERE a.done_on BETWEEN ${from} AND ${to} OR a.due_on BETWEEN ${from} AND ${to}
         OR (a.due_on < ${from} AND (a.done_on IS NULL OR a.done_on > ${to}))
      ORDER BY a.due_on, a.created_at, a.id`,
    p.values,
  );
}
