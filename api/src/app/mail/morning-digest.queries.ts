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
  /** How many items the user has in all (selectDigestTotals); the digest lists the first `DIGEST_MAX_ITEMS`. */
  total: number;
}

/**
 * Everything due by `endOfDay` (and so everything overdue) for the given users, by the reminders' rules: a
 * case goes to its assignee, or to its department's managers while unassigned, and once overdue to both; a
 * promise goes to who made it, and once broken to the department's managers as well. Per person, the first
 * `perUser` items by due date (overdue ones come first by that order) and how many there are in all: a
 * manager's department may have thousands overdue. Each part is a bounded range scan of a partial index of
 * open cases or promises (migration 1764000100100), so the cost grows with people × `perUser`, not with cases.
 */
export function selectDigestItems(
  db: EntityManager,
  userIds: string[],
  now: Date,
  endOfDay: Date,
  perUser: number,
): Promise<Omit<DigestItemRow, 'total'>[]> {
  return db.query(
    `WITH r AS (SELECT id, role, department_id FROM users WHERE id = ANY($1::uuid[])),
     firsts AS (
       SELECT r.id AS user_id, x.* FROM r CROSS JOIN LATERAL (
         (SELECT 'case' AS what, c.id AS item_id, c.id AS case_id, c.due_sort AS due_at FROM cases c
           WHERE c.assignee_id = r.id AND c.status = 'open' AND c.due_sort <= $3
           ORDER BY c.due_sort, c.id LIMIT $4)
         UNION ALL
         (SELECT 'case', c.id, c.id, c.due_sort FROM cases c
           WHERE r.role = 'manager' AND c.department_id = r.department_id AND c.status = 'open'
             AND c.due_sort <= $3 AND (c.assignee_id IS NULL OR c.due_sort < $2)
             AND c.assignee_id IS DISTINCT FROM r.id
           ORDER BY c.due_sort, c.id LIMIT $4)
         UNION ALL
         (SELECT 'promise', p.id, p.case_id, p.due_at FROM promises p JOIN cases c ON c.id = p.case_id
           WHERE p.created_by = r.id AND p.kept_at IS NULL AND p.due_at <= $3 AND c.status = 'open'
           ORDER BY p.due_at, p.id LIMIT $4)
         UNION ALL
         (SELECT 'promise', p.id, p.case_id, p.due_at FROM promises p JOIN cases c ON c.id = p.case_id
           WHERE r.role = 'manager' AND c.department_id = r.department_id AND c.status = 'open'
             AND p.kept_at IS NULL AND p.due_at < $2 AND p.created_by <> r.id
           ORDER BY p.due_at, p.id LIMIT $4)
       ) x
     ),
     top AS (
       SELECT * FROM (SELECT f.*, row_number() OVER (PARTITION BY user_id ORDER BY due_at, item_id) AS n
                        FROM firsts f) ranked
        WHERE n <= $4
     )
     SELECT t.user_id, t.what, t.item_id, t.case_id, c.reference, c.kind AS case_kind, t.due_at,
            t.due_at < $2 AS overdue
       FROM top t JOIN cases c ON c.id = t.case_id
      ORDER BY t.user_id, t.n`,
    [userIds, now, endOfDay, perUser],
  );
}

/** How many items each of the given users has in all (the digest shows the first of them), by the same rules. */
export function selectDigestTotals(
  db: EntityManager,
  userIds: string[],
  now: Date,
  endOfDay: Date,
): Promise<{ user_id: string; total: number }[]> {
  return db.query(
    `SELECT r.id AS user_id,
            ((SELECT count(*) FROM cases c
                WHERE c.assignee_id = r.id AND c.status = 'open' AND c.due_sort <= $3)
            + (SELECT count(*) FROM promises p JOIN cases c ON c.id = p.case_id
                WHERE p.created_by = r.id AND p.kept_at IS NULL AND p.due_at <= $3 AND c.status = 'open')
            + CASE WHEN r.role <> 'manager' THEN 0 ELSE
                (SELECT count(*) FROM cases c
                  WHERE c.department_id = r.department_id AND c.status = 'open' AND c.due_sort <= $3
                    AND (c.assignee_id IS NULL OR c.due_sort < $2) AND c.assignee_id IS DISTINCT FROM r.id)
              + (SELECT count(*) FROM promises p JOIN cases c ON c.id = p.case_id
                  WHERE c.department_id = r.department_id AND c.status = 'open' AND p.kept_at IS NULL
                    AND p.due_at < $2 AND p.created_by <> r.id)
              END)::int AS total
       FROM users r WHERE r.id = ANY($1::uuid[])`,
    [userIds, now, endOfDay],
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
