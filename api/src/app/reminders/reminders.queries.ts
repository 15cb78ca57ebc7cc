import type { ReminderThresholds } from '@pu/workflow';
import type { EntityManager } from 'typeorm';

// The reminder scan: one set-based statement for every clock, whatever the number of cases.

/** How many notifications one scan added for one person. */
export interface ReminderScanRow {
  user_id: string;
  added: number;
}

/** ISO 8601 in UTC with milliseconds, as `Date#toISOString` writes it: the due part of every event key. */
const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Every event that is due soon or has passed (within the lookback) becomes one notification per person,
 * through `ON CONFLICT DO NOTHING` on (user_id, event_key): scans on several replicas at once, or again after
 * a crash, add nothing twice. The event key holds the due instant, so a deadline extended or a promise
 * rescheduled is a new event. Who is told:
 * - a case date due soon: the assignee, or the department's managers while nobody is assigned;
 * - a case date passed, a promise broken: the assignee or the promise's author, and the managers;
 * - a promise due soon: who made it.
 * The forwarding (art. 231) and councillor (art. 237 § 2) clocks remind before they run out; the main date
 * (office error: informing the client) also when it has passed. Disabled accounts are never notified.
 *
 * `$1` now, `$2` case horizon, `$3` promise horizon, `$4` lookback start; the text forms for the clocks
 * stored as ISO text in `deadlines`.
 */
export function insertDueReminders(
  db: Pick<EntityManager, 'query'>,
  t: ReminderThresholds,
): Promise<ReminderScanRow[]> {
  const params = [t.now, t.caseDueBy, t.promiseDueBy, t.overdueSince, t.now.toISOString(), t.caseDueBy.toISOString()];
  const caseColumns = `c.id AS case_id, NULL::uuid AS promise_id, c.department_id, c.assignee_id AS owner_id,
    c.reference, c.subject, c.kind AS case_kind, NULL::text AS promise_description`;
  const secondClock = (clock: string, kind: string) => `
    SELECT ${caseColumns}, (c.deadlines -> '${clock}' ->> 'dueAt')::timestamptz AS due_at, '${kind}' AS kind, false AS passed
      FROM cases c
     WHERE c.status = 'open' AND c.kind = 'complaint'
       AND c.deadlines -> '${clock}' ->> 'dueAt' > $5 AND c.deadlines -> '${clock}' ->> 'dueAt' <= $6`;
  return db.query(
    `WITH events AS (
       SELECT ${caseColumns}, c.due_at,
              CASE WHEN c.kind = 'office_error' THEN 'inform' ELSE 'case' END
                || CASE WHEN c.due_at > $1 THEN '_due_soon' ELSE '_overdue' END AS kind,
              c.due_at <= $1 AS passed
         FROM cases c
        WHERE c.status = 'open' AND c.due_sort >= $4 AND c.due_sort <= $2
       UNION ALL ${secondClock('forwarding', 'forwarding_due_soon')}
       UNION ALL ${secondClock('councillorReply', 'councillor_reply_due_soon')}
       UNION ALL
       SELECT p.case_id, p.id, c.department_id, p.created_by, c.reference, c.subject, c.kind, p.description, p.due_at,
              CASE WHEN p.due_at > $1 THEN 'promise_due_soon' ELSE 'promise_broken' END,
              p.due_at <= $1
         FROM promises p JOIN cases c ON c.id = p.case_id
        WHERE p.kept_at IS NULL AND p.due_at >= $4 AND p.due_at <= $3
     ),
     -- Joins, not a subquery per event: the users table is small and hashed once.
     recipients AS (
       SELECT e.*, u.id AS user_id FROM events e JOIN users u ON u.id = e.owner_id AND NOT u.disabled
       UNION ALL
       SELECT e.*, m.id FROM events e
         JOIN users m ON m.department_id = e.department_id AND m.role = 'manager' AND NOT m.disabled
        WHERE e.passed OR e.owner_id IS NULL
     ),
     ins AS (
       INSERT INTO notifications (user_id, event_key, kind, case_id, promise_id, due_at, payload, created_at)
       SELECT user_id, kind || ':' || COALESCE(promise_id, case_id) || ':' || ${ISO('due_at')}, kind, case_id,
              promise_id, due_at,
              jsonb_strip_nulls(jsonb_build_object('caseReference', reference, 'caseSubject', subject,
                'caseKind', case_kind, 'promiseDescription', promise_description)),
              $1
         FROM recipients
       -- Also where a manager is the assignee too: the second row of the pair is skipped here.
       ON CONFLICT (user_id, event_key) DO NOTHING
       RETURNING user_id
     )
     SELECT user_id, count(*)::int AS added FROM ins GROUP BY user_id`,
    params,
  );
}
