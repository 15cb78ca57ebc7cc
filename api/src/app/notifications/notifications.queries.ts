import type { EntityManager } from 'typeorm';
import type { NotificationEvent, NotificationRow } from './notification-event';

// Every statement on notifications. Inserting or marking read fires the table's NOTIFY trigger (migration
// 1764000000000), which is how every replica's open streams learn of it.

const COLUMNS = `id, user_id, event_key, kind, case_id, promise_id, due_at, payload, created_at, read_at`;

/** The events not stored before, in one statement whatever their number; those already there are skipped. */
export function insertNotifications(
  db: EntityManager,
  events: readonly NotificationEvent[],
  createdAt: Date,
): Promise<NotificationRow[]> {
  if (events.length === 0) return Promise.resolve([]);
  return db.query(
    `INSERT INTO notifications (user_id, event_key, kind, case_id, promise_id, due_at, payload, created_at)
     SELECT e.user_id, e.event_key, e.kind, e.case_id, e.promise_id, e.due_at, e.payload, $8
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::timestamptz[], $7::jsonb[])
            AS e (user_id, event_key, kind, case_id, promise_id, due_at, payload)
     ON CONFLICT (user_id, event_key) DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      events.map((e) => e.userId),
      events.map((e) => e.eventKey),
      events.map((e) => e.kind),
      events.map((e) => e.caseId ?? null),
      events.map((e) => e.promiseId ?? null),
      events.map((e) => e.dueAt ?? null),
      events.map((e) => JSON.stringify(e.payload ?? {})),
      createdAt,
    ],
  );
}

/** A page of the user's notifications, newest first; `before` is the last row of the previous page. */
export function selectNotifications(
  db: EntityManager,
  userId: string,
  opts: { limit: number; unreadOnly: boolean; before?: { createdAt: Date; id: string } },
): Promise<NotificationRow[]> {
  const params: unknown[] = [userId, opts.limit];
  const where = ['user_id = $1'];
  if (opts.unreadOnly) where.push('read_at IS NULL');
  if (opts.before) {
    params.push(opts.before.createdAt, opts.before.id);
    where.push(`(created_at, id) < ($3, $4)`);
  }
  return db.query(
    `SELECT ${COLUMNS} FROM notifications WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $2`,
    params,
  );
}

export async function countUnread(db: EntityManager, userId: string): Promise<number> {
  const rows: { n: number }[] = await db.query(
    `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
    [userId],
  );
  return rows[0].n;
}

/** Marks one of the user's notifications read (kept as first read); false when it is not theirs or not there. */
export async function markRead(db: EntityManager, userId: string, id: string, at: Date): Promise<boolean> {
  const rows: { id: string }[] = await db.query(
    `WITH target AS (SELECT id, read_at FROM notifications WHERE id = $1 AND user_id = $2),
          upd AS (UPDATE notifications n SET read_at = $3 FROM target t WHERE n.id = t.id AND t.read_at IS NULL)
     SELECT id FROM target`,
    [id, userId, at],
  );
  return rows.length > 0;
}

/** Marks every unread notification of the user read; the number marked. */
export async function markAllRead(db: EntityManager, userId: string, at: Date): Promise<number> {
  const rows: { n: number }[] = await db.query(
    `WITH upd AS (UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING 1)
     SELECT count(*)::int AS n FROM upd`,
    [userId, at],
  );
  return rows[0].n;
}
