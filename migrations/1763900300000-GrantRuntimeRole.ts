import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application serves requests as a role that owns nothing: `pu_runtime`, a group role without login that
 * each deployment's login role is a member of. Migrations run as the schema owner and grant it what it needs.
 *
 * New tables get their grants without anyone remembering: the owner's default privileges give `pu_runtime`
 * SELECT, INSERT, UPDATE and DELETE (never TRUNCATE, REFERENCES or TRIGGER) on every table and sequence it
 * creates from now on. A table that must stay append-only revokes UPDATE and DELETE in the migration that
 * creates it, as `audit_log` does here; `e2e/api/database-privileges.e2e-spec.ts` fails on any table whose
 * grants differ from that rule.
 *
 * The group role is created when missing, which needs CREATEROLE; without it, a database administrator runs
 * `CREATE ROLE pu_runtime NOLOGIN` once (see the README).
 */
export class GrantRuntimeRole1763900300000 implements MigrationInterface {
  name = 'GrantRuntimeRole1763900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pu_runtime') THEN CREATE ROLE pu_runtime NOLOGIN; END IF;
    END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO pu_runtime`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO pu_runtime`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO pu_runtime`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pu_runtime`,
    );
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO pu_runtime`);
    // History is appended and read, never rewritten.
    await q.query(`REVOKE UPDATE, DELETE ON audit_log FROM pu_runtime`);
    // The runtime role reads which migrations ran (a start-up with nothing pending); it never records one.
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON migrations FROM pu_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM pu_runtime`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM pu_runtime`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM pu_runtime`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM pu_runtime`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM pu_runtime`);
  }
}
