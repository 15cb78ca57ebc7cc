import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from './index';

/**
 * DataSource for the TypeORM CLI (`npm run migration:run|revert`): the schema owner's MIGRATION_DATABASE_URL, else
 * DATABASE_URL, or the embedded database in DATA_DIR (default ./data) when neither is set — stop the app first,
 * PGlite has one owner at a time.
 */
async function createDataSource(): Promise<DataSource> {
  const common = {
    type: 'postgres' as const,
    migrations: ALL_MIGRATIONS,
    synchronize: false,
  };
  const url = process.env['MIGRATION_DATABASE_URL'] || process.env['DATABASE_URL'];
  if (url) return new DataSource({ ...common, url });
  const dataDir = resolve(process.env['DATA_DIR'] ?? 'data');
  mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const pglite = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  return new DataSource({ ...common, extra: { connection: createPgConfig(pglite).connection, max: 1 } });
}

export default createDataSource();
