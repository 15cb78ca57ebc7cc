import { Client } from 'pg';
import { ensureRuntimeLogin, E2E_RUNTIME_LOGIN } from './runtime-role';

declare global {
  var __PU_E2E_TEARDOWN__: (() => Promise<void>) | undefined;
}

/**
 * One fresh database per run. With DATABASE_URL: a new database on that server, dropped afterwards, so a
 * run never touches the data already there. Without it: an in-memory PGlite served over a local socket.
 *
 * On a server the app runs as production does: migrations as the owner (MIGRATION_DATABASE_URL, else
 * DATABASE_URL's role), requests as a role that owns nothing (DATABASE_URL's role when both are given, else a
 * login role this setup creates as a member of pu_runtime).
 */
export default async function globalSetup(): Promise<void> {
  const runtimeBase = process.env['DATABASE_URL'];
  const ownerBase = process.env['MIGRATION_DATABASE_URL'] ?? runtimeBase;
  if (ownerBase && runtimeBase) {
    const name = `pu_e2e_${Date.now()}_${process.pid}`;
    const admin = new Client({ connectionString: ownerBase });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      if (!process.env['MIGRATION_DATABASE_URL']) await ensureRuntimeLogin(admin);
    } finally {
      await admin.end();
    }
    const onDatabase = (base: string) => {
      const url = new URL(base);
      url.pathname = `/${name}`;
      return url;
    };
    const runtime = onDatabase(runtimeBase);
    if (!process.env['MIGRATION_DATABASE_URL']) {
      runtime.username = E2E_RUNTIME_LOGIN.name;
      runtime.password = E2E_RUNTIME_LOGIN.password;
    }
    process.env['E2E_DATABASE_URL'] = runtime.toString();
    process.env['E2E_MIGRATION_DATABASE_URL'] = onDatabase(ownerBase).toString();
    process.env['E2E_DB_POOL_SIZE'] = '10';
    globalThis.__PU_E2E_TEARDOWN__ = async () => {
      const client = new Client({ connectionString: ownerBase });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
    return;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create({ extensions: { pg_trgm } });
  const port = 15_432 + (process.pid % 1000);
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1' });
  await server.start();
  process.env['E2E_DATABASE_URL'] = `postgres://postgres@127.0.0.1:${port}/postgres`;
  // PGlite serves one connection at a time.
  process.env['E2E_DB_POOL_SIZE'] = '1';
  process.env['E2E_EMBEDDED'] = '1';
  globalThis.__PU_E2E_TEARDOWN__ = async () => {
    await server.stop();
    await db.close();
  };
}
