import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail: each user's language and e-mail choice, and one row per message the office means to send.
 *
 * `email_deliveries.dedupe_key` is what makes "exactly once" hold with any number of replicas: a notification's
 * e-mail is `notification:<notification id>`, a morning digest `digest:<user id>:<Warsaw date>`, and a second
 * replica that builds the same message finds the key taken. A row the SMTP server accepted has `accepted_at` and
 * status `sent`, and the sender only ever claims `pending` rows (or `sending` ones whose lease ran out, i.e. whose
 * sender died before the server answered).
 */
export class CreateEmailDeliveries1764000100000 implements MigrationInterface {
  name = 'CreateEmailDeliveries1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users
      ADD COLUMN language text NOT NULL DEFAULT 'pl' CHECK (language IN ('pl', 'en')),
      ADD COLUMN email_mode text NOT NULL DEFAULT 'all' CHECK (email_mode IN ('all', 'digest', 'off'))`);
    await q.query(`CREATE TABLE email_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dedupe_key text NOT NULL UNIQUE,
      kind text NOT NULL CHECK (kind IN ('notification', 'digest')),
      user_id uuid NOT NULL REFERENCES users(id),
      notification_id uuid UNIQUE REFERENCES notifications(id),
      digest_day date,
      status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
      skip_reason text CHECK (skip_reason IN ('no_address', 'email_off', 'digest_only', 'user_disabled')),
      recipient text,
      language text NOT NULL CHECK (language IN ('pl', 'en')),
      subject text NOT NULL,
      body text NOT NULL,
      message_id text NOT NULL UNIQUE,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      lease_until timestamptz,
      last_error text,
      accepted_at timestamptz,
      smtp_response text,
      created_at timestamptz NOT NULL,
      UNIQUE (user_id, digest_day),
      CHECK ((kind = 'digest') = (digest_day IS NOT NULL)),
      CHECK ((kind = 'notification') = (notification_id IS NOT NULL)),
      CHECK ((status = 'skipped') = (skip_reason IS NOT NULL)),
      CHECK (status = 'skipped' OR recipient IS NOT NULL),
      CHECK ((status = 'sent') = (accepted_at IS NOT NULL))
    )`);
    // The sender's one query: what is waiting and due, oldest first.
    await q.query(`CREATE INDEX email_deliveries_waiting_idx ON email_deliveries (next_attempt_at)
      WHERE status IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX email_deliveries_user_idx ON email_deliveries (user_id, created_at)`);
    // E-mail reads the notifications of the last day that have no e-mail row yet.
    await q.query(`CREATE INDEX notifications_created_idx ON notifications (created_at)`);
    // A morning's digests are built once: the first replica to finish records the day.
    await q.query(`CREATE TABLE digest_days (
      day date PRIMARY KEY,
      digests integer NOT NULL,
      completed_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE digest_days`);
    await q.query(`DROP INDEX notifications_created_idx`);
    await q.query(`DROP TABLE email_deliveries`);
    await q.query(`ALTER TABLE users DROP COLUMN email_mode, DROP COLUMN language`);
  }
}
