import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications: one row per event and person. `UNIQUE (user_id, event_key)` is what makes a reminder
 * reach each person exactly once, whichever replica scans and however often: every writer inserts with
 * `ON CONFLICT DO NOTHING`. The event key carries the date that is due, so a moved date is a new event.
 *
 * Every statement that adds or reads notifications tells all replicas, on channel `pu_notifications`, whose
 * unread count changed (the user's id); NOTIFY is sent at commit, so a listener never reads too early.
 */
export class CreateNotifications1764000000000 implements MigrationInterface {
  name = 'CreateNotifications1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      event_key text NOT NULL CHECK (length(event_key) BETWEEN 1 AND 300),
      kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 60),
      case_id uuid REFERENCES cases(id),
      promise_id uuid REFERENCES promises(id),
      due_at timestamptz,
      payload jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL,
      read_at timestamptz,
      CONSTRAINT notifications_user_event_key UNIQUE (user_id, event_key)
    )`);
    // The notifications page (newest first, keyset) and the bell's unread count.
    await q.query(`CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_user_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX notifications_case_idx ON notifications (case_id) WHERE case_id IS NOT NULL`);
    await q.query(`CREATE INDEX notifications_promise_idx ON notifications (promise_id) WHERE promise_id IS NOT NULL`);

    // Statement-level with a transition table: a scan that adds thousands of rows sends one NOTIFY per person.
    await q.query(`CREATE FUNCTION notify_notifications_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('pu_notifications', u.user_id::text) FROM (SELECT DISTINCT user_id FROM changed) u;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER notifications_notify_insert AFTER INSERT ON notifications
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_notifications_change()`);
    await q.query(`CREATE TRIGGER notifications_notify_update AFTER UPDATE ON notifications
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_notifications_change()`);
    await q.query(`CREATE TRIGGER notifications_notify_delete AFTER DELETE ON notifications
      REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_notifications_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP FUNCTION notify_notifications_change()`);
  }
}
