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
 * would clash with the next one's.
 */
@Injectable()
export class PreparedQueries {
  private readonly names = new Map<string, string>();
  private readonly pool: Pool | null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pool = config.database.preparedStatements ? (db.driver as unknown as { master: Pool }).master : null;
  }

  async query<Row>(text: string, values: unknown[]): Promise<Row[]> {
    if (!this.pool) return this.db.query<Row[]>(text, values);
    const result = await this.pool.query({ name: this.nameOf(text), text, values });
    return result.rows as Row[];
  }

  /** The name follows from the text, so one statement text always maps to one prepared statement. */
  private nameOf(text: string): string {
    let name = this.names.get(text);
    if (!name) {
      name = `pu_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
      if (this.names.size < 10_000) this.names.set(text, name);
    }
    return name;
  }
}
