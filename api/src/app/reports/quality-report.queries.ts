import type { CaseKindName, ChannelName } from '@pu/contracts';
import { COMPLAINT_OUTCOMES, IMPROVEMENT_WINDOW_DAYS, OFFICE_TIME_ZONE } from '@pu/workflow';
import type { EntityManager } from 'typeorm';
import { SqlParams } from '../common/sql-params';

// The quality report's statements. The cases of both periods are read once, from their narrow copies in
// `case_report_facts` (kept by a trigger on `cases`; see migration 1764000900000, which computes every per-case
// value the sections used to derive from the case's row and jsonb), into a materialised CTE; every section
// aggregates that, so the report is one index range scan of ~100-byte rows and one round trip. Nothing but the
// aggregates reaches Node.

/** Instants bounding the two contiguous periods: [previousStart, currentStart) and [currentStart, currentEnd). */
export interface ReportBounds {
  previousStart: Date;
  currentStart: Date;
  currentEnd: Date;
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

export async function selectReportAggregates(db: EntityManager, b: ReportBounds): Promise<ReportAggregates> {
  const p = new SqlParams();
  const prevStart = `${p.add(b.previousStart)}::timestamptz`;
  const curStart = `${p.add(b.currentStart)}::timestamptz`;
  const curEnd = `${p.add(b.currentEnd)}::timestamptz`;
  const now = `${p.add(b.now)}::timestamptz`;
  const scope = b.departmentId === null ? '' : ` AND c.department_id = ${p.add(b.departmentId)}::uuid`;
  const outcomes = `${p.add(COMPLAINT_OUTCOMES)}::text[]`;

  const sql = `WITH s AS MATERIALIZED (
    SELECT c.case_id AS id, c.kind, c.channel, c.department_id, c.status, c.outcome, c.root_cause, c.closed_at,
           c.received_at >= ${curStart} AS cur, c.month, c.settle_days, c.settled_within, c.extensions,
           c.inform_hours, c.informed_within, c.preventive, c.appeal_info, c.severity, c.security, c.police,
           c.satisfaction, c.proposals
      FROM case_report_facts c
     WHERE c.received_at >= ${prevStart} AND c.received_at < ${curEnd}${scope}
  ),
  -- One pass over the cases for the four count tables: a few thousand groups, rolled up four ways.
  fine AS MATERIALIZED (
    SELECT cur, kind, channel, department_id, month, count(*) AS n FROM s GROUP BY cur, kind, channel, department_id, month
  )
  SELECT json_build_object(
    'counts', ${list(`SELECT cur, 7 AS g, kind, NULL AS channel, NULL::uuid AS department_id, NULL AS month, sum(n)::int AS n
                        FROM fine GROUP BY cur, kind
                      UNION ALL SELECT cur, 11, NULL, channel, NULL, NULL, sum(n)::int FROM fine GROUP BY cur, channel
                      UNION ALL SELECT cur, 13, NULL, NULL, department_id, NULL, sum(n)::int FROM fine GROUP BY cur, department_id
                      UNION ALL SELECT cur, 6, kind, NULL, NULL, month, sum(n)::int FROM fine GROUP BY cur, month, kind`)},
    'causes', ${list(`SELECT cur, root_cause AS key, count(*)::int AS n FROM s WHERE kind = 'complaint'
                       GROUP BY cur, root_cause`)},
    'outcomes', ${list(`SELECT cur, outcome AS key, count(*)::int AS n FROM s
                         WHERE kind = 'complaint' AND status = 'closed' AND outcome = ANY(${outcomes}) GROUP BY cur, outcome`)},
    'settlement', ${list(`SELECT cur, kind, count(*)::int AS n, count(*) FILTER (WHERE settled_within)::int AS within,
                                 percentile_cont(0.5) WITHIN GROUP (ORDER BY settle_days) AS median,
                                 percentile_cont(0.9) WITHIN GROUP (ORDER BY settle_days) AS p90
                            FROM s WHERE settle_days IS NOT NULL GROUP BY GROUPING SETS ((cur, kind), (cur))`)},
    'extensions', ${list(`SELECT cur, count(*)::int AS cases_extended, sum(jsonb_array_length(extensions))::int AS total
                            FROM s WHERE extensions IS NOT NULL GROUP BY cur`)},
    'reasons', ${list(`SELECT cur, reason, n FROM (
                         SELECT cur, btrim(e ->> 'reason') AS reason, count(*)::int AS n,
                                row_number() OVER (PARTITION BY cur ORDER BY count(*) DESC, btrim(e ->> 'reason')) AS rn
                           FROM s, jsonb_array_elements(s.extensions) e WHERE s.extensions IS NOT NULL
                          GROUP BY cur, btrim(e ->> 'reason')) r WHERE rn <= 20 ORDER BY cur, n DESC, reason`)},
    'office_errors', ${list(`SELECT cur, count(*)::int AS total, count(inform_hours)::int AS informed,
                                    percentile_cont(0.5) WITHIN GROUP (ORDER BY inform_hours) AS median_hours,
                                    count(*) FILTER (WHERE informed_within)::int AS within,
                                    count(preventive)::int AS preventive
                               FROM s WHERE kind = 'office_error' GROUP BY cur`)},
    'preventive', ${list(`SELECT s.id, r.reference, d.symbol AS department_symbol, s.closed_at, s.preventive AS preventive_action
                            FROM s JOIN departments d ON d.id = s.department_id JOIN cases r ON r.id = s.id
                           WHERE s.cur AND s.preventive IS NOT NULL ORDER BY s.closed_at DESC NULLS LAST, r.reference LIMIT 100`)},
    'refusals', ${list(`SELECT s.cur, count(*)::int AS total, count(*) FILTER (WHERE s.appeal_info = 'true')::int AS info,
                               count(*) FILTER (WHERE f.n > 0)::int AS followed,
                               count(*) FILTER (WHERE f.complaints > 0)::int AS by_complaint,
                               count(*) FILTER (WHERE f.n > f.complaints)::int AS by_other
                          FROM s CROSS JOIN LATERAL (
                                 SELECT count(*) AS n, count(*) FILTER (WHERE x.kind = 'complaint') AS complaints
                                   FROM cases x WHERE x.follows_case_id = s.id) f
                         WHERE s.kind = 'refusal' GROUP BY s.cur`)},
    'incidents', ${list(`SELECT cur, COALESCE(severity, 'unrecorded') AS severity, count(*)::int AS n,
                                count(*) FILTER (WHERE security)::int AS security, count(*) FILTER (WHERE police)::int AS police
                           FROM s WHERE kind = 'aggressive_client' GROUP BY cur, COALESCE(severity, 'unrecorded')`)},
    'satisfaction', ${list(`SELECT cur, satisfaction AS answer, proposals, count(*)::int AS n
                              FROM s WHERE kind = 'complaint' GROUP BY cur, satisfaction, proposals`)},
    'promises', ${list(`SELECT p.due_at >= ${curStart} AS cur,
                               count(*) FILTER (WHERE NOT p.broken_before_reschedule AND p.kept_at <= p.due_at)::int AS on_time,
                               count(*) FILTER (WHERE NOT p.broken_before_reschedule AND p.kept_at > p.due_at)::int AS late,
                               count(*) FILTER (WHERE p.broken_before_reschedule
                                                   OR (p.kept_at IS NULL AND p.due_at < ${now}))::int AS broken,
                               count(*)::int AS total
                          FROM promises p${b.departmentId === null ? '' : ' JOIN cases c ON c.id = p.case_id'}
                         WHERE p.due_at >= ${prevStart} AND p.due_at < ${curEnd}${scope} GROUP BY 1`)}
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
