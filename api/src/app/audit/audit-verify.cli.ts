// `npm run audit:verify`: walks every hash chain of the audit log and names the first broken link. Read only;
// any role that may read the log will do. DATABASE_URL, or without it the embedded database in DATA_DIR
// (default ./data; stop the app first, PGlite has one owner at a time).
// Exit code 0: the log holds; 1: a link is broken; 2: the check could not run.
import { resolve } from 'node:path';
import { Client } from 'pg';
import { type QueryFn, verifyAuditChain } from './audit-chain-verifier';

async function withDatabase<T>(fn: (query: QueryFn) => Promise<T>): Promise<T> {
  const url = process.env['DATABASE_URL'];
  if (url) {
    const client = new Client({ connectionString: url, application_name: 'przyjazny-urzad/audit-verify' });
    await client.connect();
    try {
      // One snapshot: entries written meanwhile never look like a broken chain.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      return await fn(async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[]);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const dataDir = resolve(process.env['DATA_DIR'] ?? 'data');
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  try {
    return await fn(async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows);
  } finally {
    await db.close();
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const result = await withDatabase((query) => verifyAuditChain(query, new Date()));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `Audit log: ${result.entries.toLocaleString('en-US')} entries in ${result.chains.toLocaleString('en-US')} chains, checked in ${seconds} s`,
  );
  console.log(`Heads digest: ${result.headsDigest} (keep it outside the database to compare later)`);
  if (!result.firstBreak) {
    console.log('✔ Every chain holds.');
    return 0;
  }
  const b = result.firstBreak;
  console.error(`✘ First broken link: chain ${b.chain}, entry ${b.entryId ?? '—'}, seq ${b.seq ?? '—'} (${b.problem})`);
  console.error(`  ${b.message}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
