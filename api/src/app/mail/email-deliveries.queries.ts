import type { UserLanguage } from '@pu/contracts';
import type { EntityManager } from 'typeorm';

export type DeliveryKind = 'notification' | 'digest';
export type SkipReason = 'no_address' | 'email_off' | 'digest_only' | 'user_disabled';

/** One e-mail to record: pending (to send) or skipped (the user's choice or address rules it out). */
export interface NewDelivery {
  dedupeKey: string;
  kind: DeliveryKind;
  userId: string;
  notificationId: string | null;
  digestDay: string | null;
  skipReason: SkipReason | null;
  recipient: string | null;
  language: UserLanguage;
  subject: string;
  body: string;
  messageId: string;
}

/**
 * Records many at once; a row whose key is taken (another replica, an earlier run) is left as it was.
 * Returns how many rows were new.
 */
export async function insertDeliveries(db: EntityManager, rows: NewDelivery[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const column = <K extends keyof NewDelivery>(k: K) => rows.map((r) => r[k]);
  const inserted: { id: string }[] = await db.query(
    `INSERT INTO email_deliveries (dedupe_key, kind, user_id, notification_id, digest_day, status, skip_reason,
        recipient, language, subject, body, message_id, next_attempt_at, created_at)
     SELECT r.dedupe_key, r.kind, r.user_id, r.notification_id, r.digest_day,
        CASE WHEN r.skip_reason IS NULL THEN 'pending' ELSE 'skipped' END, r.skip_reason,
        r.recipient, r.language, r.subject, r.body, r.message_id, $12, $12
     FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::date[], $6::text[], $7::text[], $8::text[],
        $9::text[], $10::text[], $11::text[]) AS r(dedupe_key, kind, user_id, notification_id, digest_day,
        skip_reason, recipient, language, subject, body, message_id)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [
      column('dedupeKey'),
      column('kind'),
      column('userId'),
      column('notificationId'),
      column('digestDay'),
      column('skipReason'),
      column('recipient'),
      column('language'),
      column('subject'),
      column('body'),
      column('messageId'),
      now,
    ],
  );
  return inserted.length;
}

/** A delivery this process holds the lease of, to send now. */
export interface ClaimedDelivery {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  message_id: string;
  /** Including this one. */
  attempts: number;
}

/**
 * Takes up to `limit` deliveries that are due: pending ones whose retry time has come, and ones another sender
 * claimed but never finished (its lease ran out: the process died or lost the database mid-send). SKIP LOCKED:
 * replicas claiming together each get different rows. A claimed row's retry time is its lease's end.
 */
export async function claimDueDeliveries(
  db: EntityManager,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<ClaimedDelivery[]> {
  // An UPDATE … RETURNING comes back from TypeORM as [rows, affected].
  const [rows]: [ClaimedDelivery[], number] = await db.query(
    `UPDATE email_deliveries d
        SET status = 'sending', attempts = d.attempts + 1,
            lease_until = $1::timestamptz + make_interval(secs => $2::double precision / 1000),
            next_attempt_at = $1::timestamptz + make_interval(secs => $2::double precision / 1000)
      FROM (SELECT id FROM email_deliveries
             WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1
             ORDER BY next_attempt_at, id
             LIMIT $3
             FOR UPDATE SKIP LOCKED) due
      WHERE d.id = due.id
      RETURNING d.id, d.recipient, d.subject, d.body, d.message_id, d.attempts`,
    [now, leaseMs, limit],
  );
  return rows;
}

/** The SMTP server accepted it: recorded once, and never claimed again. */
export async function markDeliverySent(db: EntityManager, id: string, acceptedAt: Date, response: string) {
  await db.query(
    `UPDATE email_deliveries SET status = 'sent', accepted_at = $2, smtp_response = $3, lease_until = NULL,
        last_error = NULL
      WHERE id = $1 AND status <> 'sent'`,
    [id, acceptedAt, response.slice(0, 500)],
  );
}

/** Not accepted: tried again at `retryAt`, or given up (`retryAt` null). Never touches a row already sent. */
export async function markDeliveryFailed(db: EntityManager, id: string, error: string, retryAt: Date | null) {
  await db.query(
    `UPDATE email_deliveries
        SET status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
            next_attempt_at = COALESCE($3::timestamptz, next_attempt_at), lease_until = NULL, last_error = $2
      WHERE id = $1 AND status = 'sending'`,
    [id, error.slice(0, 500), retryAt],
  );
}

export interface DeliveryRow {
  id: string;
  dedupe_key: string;
  kind: DeliveryKind;
  user_id: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
  skip_reason: SkipReason | null;
  recipient: string | null;
  subject: string;
  attempts: number;
  next_attempt_at: Date;
  accepted_at: Date | null;
  last_error: string | null;
}

/** For operators and tests: every delivery of one user, oldest first. */
export function selectDeliveriesOfUser(db: EntityManager, userId: string): Promise<DeliveryRow[]> {
  return db.query(
    `SELECT id, dedupe_key, kind, user_id, status, skip_reason, recipient, subject, attempts, next_attempt_at,
        accepted_at, last_error
       FROM email_deliveries WHERE user_id = $1 ORDER BY created_at, dedupe_key`,
    [userId],
  );
}
