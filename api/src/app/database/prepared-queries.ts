import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Read statements that run on almost every request (the session check, the case list) as named prepared
 * statements. PostgreSQL then plans each once per connection instead of on every call; measured on the
 * one-million-case benchmark, planning was most of the database's time for these statements.
 *
 * Off (`DB_PREPARED_STATEMENTS=false`, and always for the embedded PostgreSQL) where connections share one
 * backend session, as PGlite's do and a transaction-mode pooler's may: a statement prepared by one connection
 * would clash with the next one's. Off, a statement runs as any other through TypeORM.
 *
 * The one place that goes beneath TypeORM: its query API has no way to name a statement, so this takes node-postgres's
 * pool from TypeORM's PostgreSQL driver (the same pool, so the same connections, limits and timeouts).
 */
@Injectable()
export class PreparedQueries {
  private readonly names = new Map<string, string>();
  private readonly pool: Pool | null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pool = config.database.preparedStatements ? poolOf(db) : null;
  }

  get preparing(): boolean {
    return this.pool !== null;
  }

  async query<Row>(text: string, values: unknown[]): Promise<Row[]> {
    if (!this.pool) return this.db.query<Row[]>(text, values);
    const result = await this.pool.query({ name: this.nameOf(text), text, values });
    return result.rows as Row[];
  }

  /** The name follows from the text, so one statement text always maps to one prepared statement. */
  nameOf(text: string): string {
    let name = this.names.get(text);
    if (!name) {
      name = `pu_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
      if (this.names.size < 10_000) this.names.set(text, name);
    }
    return name;
  }
}

/** node-postgres's pool behind a DataSource; fails at start-up, not on a request, if TypeORM stops exposing it. */
export function poolOf(db: DataSource): Pool {
  // PostgresDriver#master: public in TypeORM's PostgreSQL driver, though not part of the Driver interface.
  const pool: unknown = db.driver.options.type === 'postgres' ? Reflect.get(db.driver, 'master') : undefined;
  if (!isPool(pool)) throw new Error('Prepared statements need TypeORM’s PostgreSQL driver and its node-postgres pool');
  return pool;
}

function isPool(value: unknown): value is Pool {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Pool>).query === 'function' &&
    typeof (value as Partial<Pool>).connect === 'function'
  );
}
