import type { AuditVerification } from '@pu/contracts';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { ApiClient } from './support/api-client';
import { CaseFlow, CLIENT, expectStatus } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

type Sql = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Columns of an entry, enough to put a deleted one back exactly as it was (as text: no µs or digit lost). */
const ENTRY_COLUMNS =
  'id, at, actor_id, actor_name, entity_type, entity_id, case_id, action, before, after, request_id, chain, chain_seq, prev_hash, hash';
const ENTRY_COLUMNS_AS_TEXT = ENTRY_COLUMNS.split(', ')
  .map((c) => (['at', 'before', 'after'].includes(c) ? `${c}::text AS ${c}` : c))
  .join(', ');

/** An entry's hash as the chain's trigger computes it, with `action` replaced: what a forger who knows it writes. */
const entryHash = (action: string) =>
  `sha256(prev_hash || int8send(chain_seq) || convert_to(jsonb_build_array(id,
     to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor_id, actor_name, entity_type, entity_id,
     case_id, ${action}, before, after, request_id, chain)::text, 'UTF8'))`;

/**
 * The audit log's hash chains: a database superuser who switches the triggers off and edits, deletes or inserts
 * entries is found out by GET /api/audit/verify, which names the first broken link. Each tampering is undone
 * afterwards, so the log verifies again.
 */
describe('Tamper-evident audit log', () => {
  let t: TestApp;
  let office: Office;
  let clerk: ApiClient;
  let quality: ApiClient;
  let superuser: { run(fn: (sql: Sql) => Promise<void>): Promise<void>; close(): Promise<void> };

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    clerk = await office.as('clerkA');
    quality = await office.as('quality');
    superuser = await connectAsSuperuser(t);
  });
  afterAll(async () => {
    await superuser?.close();
    await t?.close();
  });

  const verify = async (): Promise<AuditVerification> =>
    expectStatus(await quality.get('/api/audit/verify'), 200).body as AuditVerification;

  /** A case whose chain holds create, update, a read of personal data and a promise: four entries. */
  async function chainedCase(): Promise<{ chain: string; entries: { id: string; seq: number }[] }> {
    const flow = await CaseFlow.create(clerk, 'complaint', { client: { ...CLIENT } });
    expectStatus(await flow.update({ subject: 'Skarga – „poprawiony” temat\nz nową linią\t😀' }), 200);
    expectStatus(await clerk.get(flow.path), 200);
    expectStatus(await clerk.post(`${flow.path}/promises`, { description: 'Oddzwonię jutro', channel: 'phone' }), 201);
    const chain = `case:${flow.id}`;
    let entries: { id: string; seq: number }[] = [];
    await superuser.run(async (sql) => {
      entries = (await sql(
        `SELECT id::text AS id, chain_seq::int AS seq FROM audit_log WHERE chain = $1 ORDER BY chain_seq`,
        [chain],
      )) as { id: string; seq: number }[];
    });
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    return { chain, entries };
  }

  it('is answered to the quality officer only', async () => {
    await CaseFlow.create(clerk, 'complaint');
    for (const role of ['clerkA', 'managerA', 'admin'] as const) {
      expectStatus(await (await office.as(role)).get('/api/audit/verify'), 403);
    }
    const result = await verify();
    expect(result).toMatchObject({ ok: true, firstBreak: null });
    expect(result.entries).toBeGreaterThan(0);
    expect(result.chains).toBeGreaterThan(0);
    expect(result.headsDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps one unbroken chain per case under concurrent writes to it', async () => {
    const flow = await CaseFlow.create(clerk, 'complaint', { client: { ...CLIENT } });
    const reads = await Promise.all(Array.from({ length: 8 }, () => clerk.get(flow.path)));
    for (const r of reads) expectStatus(r, 200);
    await superuser.run(async (sql) => {
      const rows = await sql(`SELECT chain_seq::int AS seq FROM audit_log WHERE chain = $1 ORDER BY chain_seq`, [
        `case:${flow.id}`,
      ]);
      expect(rows.map((r) => r['seq'])).toEqual(Array.from({ length: 9 }, (_, i) => i + 1));
    });
    expect((await verify()).ok).toBe(true);
  });

  it('finds an entry edited after it was written', async () => {
    const { chain, entries } = await chainedCase();
    let original: unknown;
    await superuser.run(async (sql) => {
      original = (await sql(`SELECT after::text AS after FROM audit_log WHERE id = $1`, [entries[1].id]))[0]['after'];
      await sql(`UPDATE audit_log SET after = jsonb_set(after, '{subject}', '"Inny temat"') WHERE id = $1`, [
        entries[1].id,
      ]);
    });
    expect((await verify()).firstBreak).toMatchObject({ chain, entryId: entries[1].id, seq: 2, problem: 'altered' });
    await superuser.run(async (sql) => {
      await sql(`UPDATE audit_log SET after = $2::jsonb WHERE id = $1`, [entries[1].id, original]);
    });
    expect((await verify()).ok).toBe(true);
  });

  it('finds an entry edited together with its hash, through the next link', async () => {
    const { chain, entries } = await chainedCase();
    let saved: Record<string, unknown> = {};
    await superuser.run(async (sql) => {
      saved = (await sql(`SELECT action, hash FROM audit_log WHERE id = $1`, [entries[0].id]))[0];
      await sql(`UPDATE audit_log SET action = 'forged', hash = ${entryHash("'forged'")} WHERE id = $1`, [
        entries[0].id,
      ]);
    });
    expect((await verify()).firstBreak).toMatchObject({ chain, entryId: entries[1].id, seq: 2, problem: 'unlinked' });
    await superuser.run(async (sql) => {
      await sql(`UPDATE audit_log SET action = $2, hash = $3 WHERE id = $1`, [
        entries[0].id,
        saved['action'],
        saved['hash'],
      ]);
    });
    expect((await verify()).ok).toBe(true);
  });

  it.each([
    ['an entry in the middle', 1],
    ['the newest entry', 3],
  ])('finds %s deleted', async (_name, index) => {
    const { chain, entries } = await chainedCase();
    const deleted = entries[index];
    let saved: Record<string, unknown> = {};
    await superuser.run(async (sql) => {
      saved = (await sql(`SELECT ${ENTRY_COLUMNS_AS_TEXT} FROM audit_log WHERE id = $1`, [deleted.id]))[0];
      await sql(`DELETE FROM audit_log WHERE id = $1`, [deleted.id]);
    });
    const next = entries[index + 1] ?? entries[index - 1];
    expect((await verify()).firstBreak).toMatchObject({
      chain,
      entryId: next.id,
      seq: deleted.seq,
      problem: 'missing',
    });
    await superuser.run(async (sql) => {
      const columns = ENTRY_COLUMNS.split(', ');
      await sql(
        `INSERT INTO audit_log (${ENTRY_COLUMNS}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map((c) => saved[c]),
      );
    });
    expect((await verify()).ok).toBe(true);
  });

  it('finds an entry inserted into the middle of a chain', async () => {
    const { chain, entries } = await chainedCase();
    let forgedId = '';
    await superuser.run(async (sql) => {
      forgedId = String(
        (
          await sql(
            `INSERT INTO audit_log (actor_id, actor_name, entity_type, entity_id, case_id, action, before, after, request_id,
                                    chain, chain_seq, prev_hash, hash)
             SELECT actor_id, actor_name, entity_type, entity_id, case_id, 'update', NULL, '{"subject": "Dopisane"}', NULL,
                    chain, chain_seq, prev_hash, hash FROM audit_log WHERE id = $1
             RETURNING id::text AS id`,
            [entries[2].id],
          )
        )[0]['id'],
      );
    });
    expect((await verify()).firstBreak).toMatchObject({ chain, entryId: forgedId, seq: 3, problem: 'inserted' });
    await superuser.run(async (sql) => void (await sql(`DELETE FROM audit_log WHERE id = $1`, [forgedId])));
    expect((await verify()).ok).toBe(true);
  });

  it('finds an entry appended with a correctly computed hash, by the chain head kept apart', async () => {
    const { chain, entries } = await chainedCase();
    const last = entries[3];
    let forgedId = '';
    await superuser.run(async (sql) => {
      const [row] = await sql(
        `INSERT INTO audit_log (at, entity_type, entity_id, case_id, action, chain, chain_seq, prev_hash, hash)
         SELECT at, entity_type, entity_id, case_id, 'forged', chain, chain_seq + 1, hash, '\\x00' FROM audit_log
          WHERE id = $1 RETURNING id::text AS id`,
        [last.id],
      );
      forgedId = String(row['id']);
      await sql(`UPDATE audit_log SET hash = ${entryHash('action')} WHERE id = $1`, [forgedId]);
    });
    expect((await verify()).firstBreak).toMatchObject({ chain, entryId: forgedId, seq: 5, problem: 'inserted' });
    await superuser.run(async (sql) => void (await sql(`DELETE FROM audit_log WHERE id = $1`, [forgedId])));
    expect((await verify()).ok).toBe(true);
  });
});

/**
 * Changes behind the application's back, with every trigger off. On a server: the owner's connection, which
 * must be a superuser (as the local PostgreSQL's postgres is). On PGlite every connection is the superuser, and
 * the app's one connection is shared, so the setting is local to each change's transaction.
 */
async function connectAsSuperuser(t: TestApp) {
  const ownerUrl = process.env['E2E_MIGRATION_DATABASE_URL'];
  let query: Sql;
  let transaction: (fn: (sql: Sql) => Promise<void>) => Promise<void>;
  let close = (): Promise<void> => Promise.resolve();
  if (ownerUrl) {
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    query = async (sql, params) => (await client.query<Record<string, unknown>>(sql, params)).rows;
    transaction = async (fn) => {
      await client.query('BEGIN');
      try {
        await fn(query);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    };
    close = async () => void (await client.end());
  } else {
    const db = t.app.get(DataSource);
    query = (sql, params) => db.query<Record<string, unknown>[]>(sql, params);
    transaction = (fn) => db.transaction((m) => fn((sql, params) => m.query<Record<string, unknown>[]>(sql, params)));
  }
  const [role] = await query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`);
  if (!role?.['rolsuper'])
    throw new Error('The tampering test needs MIGRATION_DATABASE_URL (or DATABASE_URL) to be a superuser');
  return {
    run: (fn: (sql: Sql) => Promise<void>) =>
      transaction(async (sql) => {
        await sql(`SET LOCAL session_replication_role = replica`);
        await fn(sql);
      }),
    close,
  };
}
