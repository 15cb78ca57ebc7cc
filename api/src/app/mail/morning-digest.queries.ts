import type { UserLanguage } from '@pu/contracts';
import type { EntityManager } from 'typeorm';

/** A user who asked for e-mail (each one or the digest only) and has an address. */
export interface DigestRecipientRow {
  id: string;
  email: string;
  language: UserLanguage;
}

export function selectDigestRecipients(db: EntityManager): Promise<DigestRecipientRow[]> {
  return db.query(
    `SELECT id, email, language FROM users
      WHERE NOT disabled AND email IS NOT NULL AND email_mode IN ('all', 'digest')
      ORDER BY id`,
  );
}

export interface DigestItemRow {
  user_id: string;
  what: 'case' | 'promise';
  /** The case's or the promise's id. */
  item_id: string;
  case_id: string;
  reference: string;
  case_kind: string;
  due_at: Date;
  overdue: boolean;
  /** How many items the user has in all; only the first `perUser` (overdue first, oldest first) come back. */
  total: number;
}

/**
 * Everything due by `endOfDay` (and so everything overdue) for the given users, by the reminders' rules: a
 * case goes to its assignee, or to its department's managers while unassigned, and once overdue to both; a
 * promise goes to who made it, and once broken to the department's managers as well. One statement for all
 * users: two index range scans over open cases and open promises, joined to the recipients, and at most
 * `perUser` rows per user back (a manager's department may have thousands overdue).
 */
export function selectDigestItems(
  db: EntityManager,
  userIds: string[],
  now: Date,
  endOfDay: Date,
  perUser: number,
): Promise<DigestItemRow[]> {
  return db.query(
    `WITH recipients AS (
       SELECT u.id, u.role, u.department_id FROM users u WHERE u.id = ANY($1::uuid[])
     ),
     due_cases AS (
       SELECT c.id, c.due_at, c.assignee_id, c.department_id, c.due_at < $2 AS overdue
         FROM cases c WHERE c.status = 'open' AND c.due_sort <= $3
     ),
     due_promises AS (
       SELECT p.id, p.created_by, p.due_at, p.due_at < $2 AS overdue, c.department_id
         FROM promises p JOIN cases c ON c.id = p.case_id
        WHERE p.kept_at IS NULL AND p.due_at <= $3 AND c.status = 'open'
     ),
     -- Narrow rows, and branches that never yield the same (person, item) twice, so no de-duplication is needed.
     items AS (
       SELECT r.id AS user_id, 'case' AS what, dc.id AS item_id, dc.due_at, dc.overdue
         FROM due_cases dc JOIN recipients r ON r.id = dc.assignee_id
       UNION ALL
       SELECT r.id, 'case', dc.id, dc.due_at, dc.overdue
         FROM due_cases dc JOIN recipients r ON r.role = 'manager' AND r.department_id = dc.department_id
        WHERE (dc.assignee_id IS NULL OR dc.overdue) AND dc.assignee_id IS DISTINCT FROM r.id
       UNION ALL
       SELECT r.id, 'promise', dp.id, dp.due_at, dp.overdue
         FROM due_promises dp JOIN recipients r ON r.id = dp.created_by
       UNION ALL
       SELECT r.id, 'promise', dp.id, dp.due_at, dp.overdue
         FROM due_promises dp JOIN recipients r ON r.role = 'manager' AND r.department_id = dp.department_id
        WHERE dp.overdue AND dp.created_by <> r.id
     ),
     top AS (
       SELECT * FROM (
         SELECT i.*, row_number() OVER (PARTITION BY user_id ORDER BY overdue DESC, due_at, item_id) AS n,
                count(*) OVER (PARTITION BY user_id)::int AS total
           FROM items i) ranked
        WHERE n <= $4
     )
     SELECT t.user_id, t.what, t.item_id, c.id AS case_id, c.reference, c.kind AS case_kind, t.due_at, t.overdue,
            t.total
       FROM top t
       LEFT JOIN promises p ON t.what = 'promise' AND p.id = t.item_id
       JOIN cases c ON c.id = COALESCE(p.case_id, t.item_id)
      ORDER BY t.user_id, t.n`,
    [userIds, now, endOfDay, perUser],
  );
}

/** The first replica to finish a morning records it; the others then skip that morning. */
export async function digestDayDone(db: EntityManager, day: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM digest_days WHERE day = $1`, [day]);
  return rows.length > 0;
}

export async function recordDigestDay(db: EntityManager, day: string, digests: number, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO digest_days (day, digests, completed_at) VALUES ($1, $2, $3) ON CONFLICT (day) DO NOTHING`,
    [day, digests, now],
  );
}
