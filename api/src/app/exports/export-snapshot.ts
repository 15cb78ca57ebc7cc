import type { Client } from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource, QueryRunner } from 'typeorm';
import { liftQueryDeadline } from '../database/guarded-client';

/**
 * A download reads the whole period: longer than a request's 3 s statement timeout. A cursor's statement stays
 * open while the client reads, so this bounds the whole download; a client that leaves ends it sooner.
 */
export const EXPORT_STATEMENT_TIMEOUT = '30min';
/** How long a download may stall (its client reading nothing) before the server gives up on it. */
export const EXPORT_IDLE_LIMIT = '2min';
/** Rows fetched per round trip: large enough to keep the round trips few, small enough to keep memory flat. */
const CURSOR_BATCH = 250;

/**
 * One connection of the pool held for one export: a read-only REPEATABLE READ transaction, so every statement
 * of the file (the row count, the rows, the totals) sees the same data, with the statement timeout and the
 * client-side query deadline lifted as `AuditVerificationService` does. Rows come through a server-side cursor
 * (pg-query-stream), a batch at a time as the file's reader asks for them. `close()` may be called any number
 * of times from anywhere (the end of the rows, an error, the client leaving): it stops a cursor still open,
 * ends the transaction and gives the connection back.
 */
export class ExportSnapshot {
  private closing: Promise<void> | null = null;
  private active: QueryStream | null = null;

  private constructor(
    private readonly runner: QueryRunner,
    private readonly client: Client,
    private readonly restoreDeadline: () => void,
    private readonly onClosed: () => void,
  ) {}

  /** `onClosed` runs once the connection is back in the pool (an export slot given back, say). */
  static async open(db: DataSource, onClosed: () => void = () => undefined): Promise<ExportSnapshot> {
    const runner = db.createQueryRunner();
    const client = (await runner.connect()) as Client;
    const restore = liftQueryDeadline(client);
    const snapshot = new ExportSnapshot(runner, client, restore, onClosed);
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // All local to the transaction. A client that stops reading altogether leaves the cursor idle: after
      // IDLE_LIMIT the server ends the session, and with it the download, instead of holding a connection for
      // good. The name tells an export apart in pg_stat_activity while it runs.
      await runner.query(
        `SELECT set_config('statement_timeout', $1, true),
                set_config('idle_in_transaction_session_timeout', $2, true),
                set_config('application_name', current_setting('application_name') || '/export', true)`,
        [EXPORT_STATEMENT_TIMEOUT, EXPORT_IDLE_LIMIT],
      );
    } catch (error) {
      await snapshot.close();
      throw error;
    }
    return snapshot;
  }

  get closed(): boolean {
    return this.closing !== null;
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    if (this.closing) throw new Error('export snapshot already closed');
    return (await this.runner.query(sql, params as unknown[])) as T[];
  }

  /** The rows of `sql` as they are fetched; breaking out of the loop (or close()) closes the cursor. */
  async *stream<T>(sql: string, params: readonly unknown[] = []): AsyncGenerator<T> {
    if (this.closing) throw new Error('export snapshot already closed');
    const stream = new QueryStream(sql, params as unknown[], { batchSize: CURSOR_BATCH });
    this.active = stream;
    this.client.query(stream);
    try {
      for await (const row of stream) yield row as T;
    } finally {
      this.active = null;
      if (!stream.destroyed) stream.destroy();
    }
  }

  close(): Promise<void> {
    this.closing ??= this.release();
    return this.closing;
  }

  private async release(): Promise<void> {
    try {
      const cursor = this.active;
      if (cursor && !cursor.destroyed) {
        // The cursor's Close must reach the server before the ROLLBACK that follows it on this connection.
        await new Promise<void>((resolve) => {
          cursor.once('close', () => resolve());
          cursor.destroy();
        });
      }
      if (this.runner.connection.isInitialized && !this.runner.isReleased) {
        await this.runner.query('ROLLBACK').catch(() => undefined);
      }
    } finally {
      this.restoreDeadline();
      await this.runner.release().catch(() => undefined);
      this.onClosed();
    }
  }
}
