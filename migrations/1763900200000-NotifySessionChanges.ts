import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every replica caches resolved sessions in memory; these triggers tell all of them, on channel
 * `pu_session_changes`, what to forget: `token:<token_hash>`, `user:<user id>` or `all`. NOTIFY is sent at
 * commit and not at all on rollback, so a replica never forgets too early to see the change.
 */
export class NotifySessionChanges1763900200000 implements MigrationInterface {
  name = 'NotifySessionChanges1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('pu_session_changes', 'token:' || OLD.token_hash);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION notify_user_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('pu_session_changes', 'user:' || OLD.id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION notify_all_sessions_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('pu_session_changes', 'all');
        RETURN NULL;
      END $$`);
    // Not when last_seen_at only moves forward: that is the app's own once-a-minute touch, which takes nothing
    // away, and a NOTIFY would serialize those commits on the notification queue's lock.
    await q.query(`CREATE TRIGGER sessions_notify_update AFTER UPDATE ON sessions FOR EACH ROW
      WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
        OR NEW.last_seen_at < OLD.last_seen_at OR OLD.user_id IS DISTINCT FROM NEW.user_id
        OR OLD.token_hash IS DISTINCT FROM NEW.token_hash)
      EXECUTE FUNCTION notify_session_change()`);
    await q.query(`CREATE TRIGGER sessions_notify_delete AFTER DELETE ON sessions
      FOR EACH ROW EXECUTE FUNCTION notify_session_change()`);
    await q.query(`CREATE TRIGGER users_notify_change AFTER UPDATE OR DELETE ON users
      FOR EACH ROW EXECUTE FUNCTION notify_user_change()`);
    // A department's symbol and name are in every cached session of its users; changes are rare, so all go.
    await q.query(`CREATE TRIGGER departments_notify_change AFTER UPDATE OR DELETE ON departments
      FOR EACH STATEMENT EXECUTE FUNCTION notify_all_sessions_change()`);
    for (const table of ['sessions', 'users', 'departments']) {
      await q.query(`CREATE TRIGGER ${table}_notify_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION notify_all_sessions_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['sessions', 'users', 'departments']) {
      await q.query(`DROP TRIGGER ${table}_notify_truncate ON ${table}`);
    }
    await q.query(`DROP TRIGGER departments_notify_change ON departments`);
    await q.query(`DROP TRIGGER users_notify_change ON users`);
    await q.query(`DROP TRIGGER sessions_notify_delete ON sessions`);
    await q.query(`DROP TRIGGER sessions_notify_update ON sessions`);
    await q.query(`DROP FUNCTION notify_all_sessions_change()`);
    await q.query(`DROP FUNCTION notify_user_change()`);
    await q.query(`DROP FUNCTION notify_session_change()`);
  }
}
