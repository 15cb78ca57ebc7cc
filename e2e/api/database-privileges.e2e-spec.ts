import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CLIENT, expectStatus, uniqueSubject } from './support/cases';
import { describeIf } from './support/describe-if';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Requests run as a role that owns nothing: it can append to the audit log and read it, and nothing it can do
 * rewrites history or switches the log's protections off. On PGlite every connection is the one superuser, so
 * these run only on a PostgreSQL server (DATABASE_URL).
 */
const runtimeUrl = process.env['E2E_DATABASE_URL'];
const ownerUrl = process.env['E2E_MIGRATION_DATABASE_URL'];
const describeOnServer = describeIf(
  Boolean(ownerUrl),
  'the API e2e suite runs on the embedded PGlite, which has one role: database privilege test (set DATABASE_URL)',
);

/** Per table, what the runtime role may do; every other table gets the default DML grants. */
const NARROW_GRANTS: Record<string, string[]> = {
  audit_log: ['INSERT', 'SELECT'],
  audit_chain_heads: ['SELECT'],
  // The quality report's copy of the cases, written only by the trigger on cases (as its owner).
  case_report_facts: ['SELECT'],
  // Its monthly sums, appended to by the trigger on the facts and folded by case_report_rollup_compact() (as owner).
  case_report_rollup: ['SELECT'],
  migrations: ['SELECT'],
};
const DEFAULT_GRANTS = ['DELETE', 'INSERT', 'SELECT', 'UPDATE'];

describeOnServer('database privileges of the runtime role', () => {
  let t: TestApp;
  let office: Office;
  let runtime: Client;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    runtime = new Client({ connectionString: runtimeUrl });
    await runtime.connect();
  });

  afterAll(async () => {
    await runtime?.end();
    await t?.close();
  });

  const refused = async (sql: string, params: unknown[] = []) => {
    await runtime.query('SAVEPOINT attempt').catch(() => undefined);
    await expect(runtime.query(sql, params)).rejects.toThrow(/permission denied|must be owner|must be superuser/i);
  };

  it('is neither a superuser nor the owner of any table, and the app serves requests with it', async () => {
    const { rows } = await runtime.query<{ superuser: boolean; owned: number; member: boolean }>(
      `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public'
                  AND pg_has_role(current_user, tableowner, 'USAGE')) AS owned,
              pg_has_role(current_user, 'pu_runtime', 'USAGE') AS member`,
    );
    expect(rows[0]).toEqual({ superuser: false, owned: 0, member: true });
    const [role] = await t.app.get(DataSource).query<{ role: string }[]>(`SELECT current_user AS role`);
    expect(role.role).toBe((await runtime.query<{ u: string }>(`SELECT current_user AS u`)).rows[0].u);
  });

  it('has the default DML grants on every table, and only INSERT and SELECT on the audit log', async () => {
    const { rows } = await runtime.query<{ table: string; privileges: string[] }>(
      `SELECT c.relname AS table,
              ARRAY(SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p
                     WHERE has_table_privilege('pu_runtime', c.oid, p) ORDER BY p) AS privileges
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const { table, privileges } of rows) {
      expect({ table, privileges }).toEqual({ table, privileges: NARROW_GRANTS[table] ?? DEFAULT_GRANTS });
    }
  });

  it('cannot update, delete or truncate audit rows, nor write chain heads', async () => {
    const clerk = await office.as('clerkA');
    expectStatus(
      await clerk.post('/api/cases', {
        kind: 'complaint',
        subject: uniqueSubject('Uprawnienia'),
        channel: 'letter',
        client: CLIENT,
      }),
      201,
    );
    await runtime.query('BEGIN');
    try {
      await refused(`UPDATE audit_log SET action = 'forged' WHERE id = (SELECT max(id) FROM audit_log)`);
      await runtime.query('ROLLBACK TO SAVEPOINT attempt');
      await refused(`DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`);
      await runtime.query('ROLLBACK TO SAVEPOINT attempt');
      await refused(`TRUNCATE audit_log`);
      await runtime.query('ROLLBACK TO SAVEPOINT attempt');
      await refused(`UPDATE audit_chain_heads SET seq = seq + 1`);
      await runtime.query('ROLLBACK TO SAVEPOINT attempt');
      await refused(`DELETE FROM audit_chain_heads`);
    } finally {
      await runtime.query('ROLLBACK');
    }
  });

  it.each([
    ['ALTER TABLE', `ALTER TABLE audit_log ADD COLUMN forged text`],
    ['DROP TABLE', `DROP TABLE audit_log`],
    ['DROP TABLE (another table)', `DROP TABLE cases`],
    ['DISABLE TRIGGER', `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`],
    ['DISABLE TRIGGER ALL', `ALTER TABLE audit_log DISABLE TRIGGER ALL`],
    ['DROP TRIGGER', `DROP TRIGGER audit_log_chain ON audit_log`],
    [
      'CREATE OR REPLACE the chain function',
      `CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
    ],
    [
      'CREATE OR REPLACE the trigger function',
      `CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
    ],
    ['SET session_replication_role', `SET session_replication_role = replica`],
  ])('cannot %s', async (_name, sql) => {
    await runtime.query('BEGIN');
    try {
      await refused(sql);
    } finally {
      await runtime.query('ROLLBACK');
    }
  });

  it('still appends and reads the audit log through the chain', async () => {
    const before = Number((await runtime.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log`)).rows[0].n);
    await runtime.query(
      `INSERT INTO audit_log (entity_type, entity_id, action, chain, chain_seq, prev_hash, hash)
       VALUES ('test', 'privileges', 'probe', 'forged', 99, '\\x00', '\\x00')`,
    );
    const { rows } = await runtime.query<{ chain: string; chain_seq: string; n: string }>(
      `SELECT chain, chain_seq::text, (SELECT count(*) FROM audit_log)::text AS n FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    // The trigger decides the chain, whatever the writer sends.
    expect(rows[0]).toEqual({ chain: 'test:privileges', chain_seq: '1', n: String(before + 1) });
  });

  it('in production, warns loudly when requests run with owner rights, and not with the runtime role', async () => {
    const lines: string[] = [];
    const warnings = () =>
      lines
        .map((l) => JSON.parse(l) as { level: number; msg: string })
        .filter((l) => l.level >= 40)
        .map((l) => l.msg)
        .join('\n');
    const production = (url: string) =>
      createTestApp(
        {
          DATABASE_URL: url,
          NODE_ENV: 'production',
          SESSION_SECRET: 'a-test-secret-of-at-least-thirty-two-characters',
          LOG_LEVEL: 'warn',
          MIGRATIONS_RUN: 'false',
        },
        { logTo: { write: (line) => void lines.push(line) } },
      );
    const owner = await production(ownerUrl!);
    await owner.close();
    expect(warnings()).toMatch(/SECURITY WARNING: requests run as database role "[^"]+", which (is a superuser|owns)/);
    lines.length = 0;
    const least = await production(runtimeUrl!);
    await least.close();
    expect(warnings()).not.toMatch(/SECURITY WARNING/);
  });
});
