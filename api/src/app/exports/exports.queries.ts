import type { EntityManager } from 'typeorm';
import { auditInsert, type AuditActor } from '../audit/audit-insert';
import { SqlParams } from '../common/sql-params';

// The statements of the exports: the complaints register (read through a cursor, see ExportSnapshot), the
// grouped counts of the published statistics, and the audit entry of each download.

/** Whose cases: the whole office (null) or one department. */
export interface ExportScope {
  departmentId: string | null;
}

/** Inclusive local days, Europe/Warsaw. */
export interface ExportPeriod {
  from: string;
  to: string;
}

/** Cases received within the period (Warsaw days) and the scope; alias `c`. */
function periodAndScope(p: SqlParams, period: ExportPeriod, scope: ExportScope): string {
  // The bounds are constants, so the (department_id, received_at) and (received_at) indexes serve the range.
  const conditions = [
    `c.received_at >= (${p.add(period.from)}::date::timestamp AT TIME ZONE 'Europe/Warsaw')`,
    `c.received_at < ((${p.add(period.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Warsaw')`,
  ];
  if (scope.departmentId) conditions.push(`c.department_id = ${p.add(scope.departmentId)}::uuid`);
  return conditions.join(' AND ');
}

const warsawDay = (expr: string) => `to_char((${expr}) AT TIME ZONE 'Europe/Warsaw', 'YYYY-MM-DD')`;

/** One complaint as the register needs it; the columns are assembled in complaints-register.ts. */
export interface RegisterRow {
  reference: string;
  received_day: string;
  client_name: string | null;
  client_address: string | null;
  client_is_councillor: boolean;
  subject: string;
  status: 'open' | 'closed';
  /** When it reached whoever settles it: the last handover in the history, else its registration. */
  handed_day: string;
  department_symbol: string;
  department_name: string;
  assignee_name: string | null;
  due_day: string | null;
  settled_day: string | null;
  outcome: string | null;
  summary: string | null;
  forwarded_to: string | null;
  reply_sent_day: string | null;
  reply_channel: string | null;
  /** `[{ newDue, reason }]`, oldest first (KPA art. 36). */
  extensions: { newDue: string; reason: string }[];
  repeat_of_reference: string | null;
}

/** Every complaint received in the period, in order of receipt (Lp. follows it). */
export function registerQuery(period: ExportPeriod, scope: ExportScope): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const where = periodAndScope(p, period, scope);
  const outcome = `c.progress->'entries'->'outcome'`;
  const sql = `SELECT c.reference, ${warsawDay('c.received_at')} AS received_day,
      c.client_name, c.client_address, c.client_is_councillor, c.subject, c.status,
      ${warsawDay('COALESCE(h.at, c.created_at)')} AS handed_day,
      d.symbol AS department_symbol, d.name AS department_name, a.display_name AS assignee_name,
      c.deadlines->'main'->>'due' AS due_day,
      CASE WHEN ${outcome} IS NOT NULL THEN ${warsawDay(`(${outcome}->>'at')::timestamptz`)}
           WHEN c.closed_at IS NOT NULL THEN ${warsawDay('c.closed_at')} END AS settled_day,
      COALESCE(${outcome}->'data'->>'outcome', c.outcome) AS outcome,
      ${outcome}->'data'->>'summary' AS summary,
      ${outcome}->'data'->>'forwardedTo' AS forwarded_to,
      ${outcome}->'data'->>'replySentAt' AS reply_sent_day,
      ${outcome}->'data'->>'replyChannel' AS reply_channel,
      COALESCE((SELECT jsonb_agg(jsonb_build_object('newDue', e->>'newDue', 'reason', e->>'reason'))
                  FROM jsonb_array_elements(c.deadlines->'extensions') e), '[]'::jsonb) AS extensions,
      o.reference AS repeat_of_reference
    FROM cases c
    JOIN departments d ON d.id = c.department_id
    LEFT JOIN users a ON a.id = c.assignee_id
    LEFT JOIN cases o ON o.id = c.repeat_of_case_id
    LEFT JOIN LATERAL (SELECT l.at FROM audit_log l WHERE l.case_id = c.id AND l.action = 'transfer'
                        ORDER BY l.id DESC LIMIT 1) h ON true
    WHERE c.kind = 'complaint' AND ${where}
    ORDER BY c.received_at, c.id`;
  return { sql, params: p.values };
}

export function registerCountQuery(period: ExportPeriod, scope: ExportScope): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const sql = `SELECT count(*)::int AS n FROM cases c WHERE c.kind = 'complaint' AND ${periodAndScope(p, period, scope)}`;
  return { sql, params: p.values };
}

/** One group of the published statistics: `dimension` names the breakdown, `key` the row. */
export interface StatisticsRow {
  dimension: 'total' | 'kind' | 'month' | 'department' | 'channel' | 'outcome' | 'root_cause' | 'deadline';
  key: string | null;
  n: number;
}

/**
 * Counts only, never a value of a case: every breakdown in one pass over the period (GROUPING SETS), keyed by
 * codes and the office's own department symbols. Complaint outcomes and root causes count complaints only;
 * "deadline" counts cases with a settlement date by whether they were settled by it, late, or are still open.
 */
export function statisticsQuery(period: ExportPeriod, scope: ExportScope): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const where = periodAndScope(p, period, scope);
  const sql = `WITH f AS (
      SELECT c.kind, ${warsawDay('c.received_at')}::text AS day, d.symbol AS department, c.channel,
        CASE WHEN c.kind = 'complaint' THEN COALESCE(c.progress->'entries'->'outcome'->'data'->>'outcome', c.outcome, 'pending') END AS outcome,
        CASE WHEN c.kind = 'complaint' THEN COALESCE(c.root_cause, c.progress->'entries'->'cause'->'data'->>'rootCause', 'not_recorded') END AS root_cause,
        CASE WHEN c.due_at IS NULL THEN NULL
             WHEN c.closed_at IS NULL THEN 'open'
             WHEN c.closed_at <= c.due_at THEN 'on_time' ELSE 'late' END AS deadline
      FROM cases c JOIN departments d ON d.id = c.department_id
      WHERE ${where})
    SELECT CASE WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(month) = 0 THEN 'month'
                WHEN GROUPING(department) = 0 THEN 'department' WHEN GROUPING(channel) = 0 THEN 'channel'
                WHEN GROUPING(outcome) = 0 THEN 'outcome' WHEN GROUPING(root_cause) = 0 THEN 'root_cause'
                WHEN GROUPING(deadline) = 0 THEN 'deadline' ELSE 'total' END AS dimension,
           COALESCE(kind, month, department, channel, outcome, root_cause, deadline) AS key,
           count(*)::int AS n
    FROM (SELECT *, left(day, 7) AS month FROM f) g
    GROUP BY GROUPING SETS ((), (kind), (month), (department), (channel), (outcome), (root_cause), (deadline))
    HAVING NOT (GROUPING(outcome) = 0 AND outcome IS NULL) AND NOT (GROUPING(root_cause) = 0 AND root_cause IS NULL)
       AND NOT (GROUPING(deadline) = 0 AND deadline IS NULL)
    ORDER BY 1, 2`;
  return { sql, params: p.values };
}

export interface DepartmentLabel {
  id: string;
  symbol: string;
  name: string;
}

export async function selectDepartments(db: EntityManager): Promise<DepartmentLabel[]> {
  return db.query(`SELECT id, symbol, name FROM departments ORDER BY symbol`);
}

/** The office's root-cause categories (retired ones too: old cases keep them), in the office's order. */
export async function selectRootCauseNames(db: EntityManager): Promise<Map<string, string>> {
  const rows: { code: string; label_pl: string }[] = await db.query(
    `SELECT code, label_pl FROM root_cause_categories ORDER BY ordinal`,
  );
  return new Map(rows.map((r) => [r.code, r.label_pl]));
}

/** What an export entry records: which file, for which period and scope, and how many rows it holds. */
export interface ExportAudit {
  kind: string;
  format: string;
  period: ExportPeriod;
  departmentId: string | null;
  rows?: number;
}

/** Who exported what, committed before the first byte leaves (a client that leaves early is still recorded). */
export async function insertExportAudit(db: EntityManager, actor: AuditActor, entry: ExportAudit): Promise<void> {
  const p = new SqlParams();
  const sql = auditInsert(p, actor, [
    { entityType: 'export', entityId: entry.kind, action: 'export', after: { ...entry } },
  ]);
  await db.query(sql, p.values);
}
