import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';

/**
 * The embedded PostgreSQL (PGlite, WASM) used when no DATABASE_URL is given: the product runs on a machine
 * with only Node. Data stays in `dataDir` across restarts. Loaded lazily so a server deployment never loads WASM.
 */
export interface EmbeddedPostgres {
  pglite: PGlite;
  /** node-postgres connection options that talk to PGlite in-process (no socket). */
  pgConfig: { connection: unknown };
  close(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const pglite = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  const pgConfig = createPgConfig(pglite);
  return {
    pglite,
    pgConfig: { connection: pgConfig.connection },
    close: () => pglite.close(),
  };
}
