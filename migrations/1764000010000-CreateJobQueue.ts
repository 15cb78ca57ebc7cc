import PgBoss from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** pg-boss keeps its tables in a schema of its own; `JOB_SCHEMA` in the API's job queue names the same one. */
const SCHEMA = 'pgboss';

/**
 * The job queue (pg-boss) on the same PostgreSQL, created here by the schema owner, so the runtime role keeps
 * owning nothing: it gets the same DML on pg-boss's tables as on ours and starts pg-boss with `migrate: false`.
 *
 * pg-boss makes a table (a partition of `job`) per queue, which is DDL: every queue the app works is created
 * here too; pg-boss's own `create_queue` is then a no-op for the runtime role. A new queue, or a pg-boss
 * release with a new schema version, comes with a new migration (`PgBoss.getMigrationPlans`).
 *
 * pg-boss's script comes wrapped in its own BEGIN … COMMIT; it runs here inside the migration's transaction
 * instead, so the schema, the grants and the queues land together or not at all.
 */
export class CreateJobQueue1764000010000 implements MigrationInterface {
  name = 'CreateJobQueue1764000010000';

  async up(q: QueryRunner): Promise<void> {
    const [{ installed }] = (await q.query(`SELECT to_regclass($1) IS NOT NULL AS installed`, [
      `${SCHEMA}.version`,
    ])) as { installed: boolean }[];
    if (!installed) await q.query(withoutTransaction(PgBoss.getConstructionPlans(SCHEMA)));

    await q.query(`GRANT USAGE ON SCHEMA ${SCHEMA} TO pu_runtime`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pu_runtime`,
    );
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${SCHEMA} GRANT USAGE, SELECT ON SEQUENCES TO pu_runtime`);

    // pg-boss's cron hand-off queue (used by `schedule`), and the reminder scan: at most one waiting and one
    // running ("stately"), so however many replicas ask for a scan, scans never pile up.
    await q.query(`SELECT ${SCHEMA}.create_queue($1, $2)`, ['__pgboss__send-it', { policy: 'standard' }]);
    await q.query(`SELECT ${SCHEMA}.create_queue($1, $2)`, [
      'reminder-scan',
      { policy: 'stately', retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 600 },
    ]);

    // After the queues, so their partitions are covered as well as every table made before.
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${SCHEMA} TO pu_runtime`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${SCHEMA} TO pu_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${SCHEMA} REVOKE ALL ON SEQUENCES FROM pu_runtime`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${SCHEMA} REVOKE ALL ON TABLES FROM pu_runtime`);
    await q.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
  }
}

/** The statements of a pg-boss script without the BEGIN and COMMIT around them. */
function withoutTransaction(script: string): string {
  const match = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/.exec(script);
  if (!match) throw new Error('pg-boss construction script is not wrapped in BEGIN … COMMIT as expected');
  return match[1];
}
