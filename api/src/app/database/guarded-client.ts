import { Client, type ClientConfig } from 'pg';
import { DatabaseUnavailableError } from '../common/database-errors';
import type { AbandonableConnection, AttemptTicket, ConnectionBreaker } from './connection-breaker';

export interface GuardedClientConfig extends ClientConfig {
  breaker: ConnectionBreaker;
  /**
   * A query with no answer after this long means the server is frozen or cut off (it cannot be cancelled
   * server-side then): the connection is dropped and the query fails as "database unavailable". 0 = no limit.
   */
  queryDeadlineMs: number;
}

type ConnectCallback = (error: Error | null, client?: Client) => void;
type QueryCallback = (error: Error | null, result?: unknown) => void;
/**
 * pg's own query(), looked up at each call rather than once, so that whatever wraps `Client.prototype.query`
 * later (the SQL-budget test counts statements there) still sees every statement.
 */
const baseQuery = {
  apply: (client: Client, argv: unknown[]): unknown =>
    (Client.prototype.query as (this: Client, ...args: unknown[]) => unknown).apply(client, argv),
};

function isSubmittable(value: unknown): boolean {
  return typeof (value as { submit?: unknown } | null)?.submit === 'function';
}

/**
 * node-postgres's client behind the ConnectionBreaker: the pool creates these (its `Client` option), and so does
 * every connection of its own. While the breaker is open a connection attempt fails without a socket, and a
 * query on a connection already open drops that connection (it may hold a transaction that can no longer be
 * ended) and fails; a query past its deadline drops its connection and opens the breaker.
 */
export class GuardedClient extends Client implements AbandonableConnection {
  private readonly breaker: ConnectionBreaker;
  private readonly connectTimeoutMs: number;
  private deadlineMs: number;
  private pending = 0;

  constructor(config: GuardedClientConfig) {
    super(config);
    this.breaker = config.breaker;
    this.connectTimeoutMs = config.connectionTimeoutMillis ?? 0;
    this.deadlineMs = config.queryDeadlineMs;
  }

  /** For work that may rightly take long on one connection (migrations); returns a function that restores it. */
  liftQueryDeadline(): () => void {
    const previous = this.deadlineMs;
    this.deadlineMs = 0;
    return () => {
      this.deadlineMs = previous;
    };
  }

  override connect(): Promise<Client>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<Client> | void {
    const ticket = this.breaker.beginAttempt();
    if (!ticket) {
      const refused = new DatabaseUnavailableError('database unavailable: waiting before the next connection attempt');
      if (!callback) return Promise.reject(refused);
      process.nextTick(() => callback(refused));
      return;
    }
    const started = Date.now();
    if (callback) {
      super.connect((error: Error | null) => {
        this.report(ticket, error, started);
        callback(error, error ? undefined : this);
      });
      return;
    }
    return super.connect().then(
      (client) => {
        this.report(ticket, null, started);
        return client;
      },
      (error: unknown) => {
        this.report(ticket, error, started);
        throw error;
      },
    );
  }

  /**
   * Every overload of pg's `query()` (promise, callback, submittable) comes through here unchanged; the
   * parameter and return types stay those of the overloads.
   */
  override query(...args: never[]): never {
    const argv: unknown[] = args;
    if (!this.breaker.closed) {
      // Ends the connection; pg then fails this query (and any queued) with the same error.
      this.abandon(new DatabaseUnavailableError('database unavailable: connection dropped while it is away'));
      return baseQuery.apply(this, argv) as never;
    }
    if (this.deadlineMs <= 0 || isSubmittable(argv[0])) return baseQuery.apply(this, argv) as never;

    const deadline = this.deadlineMs;
    const timer = setTimeout(() => {
      const error = new DatabaseUnavailableError(`no answer from the database within ${deadline} ms`);
      this.breaker.unresponsive(error);
      this.abandon(error);
    }, deadline);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      if (--this.pending === 0) this.breaker.markBusy(this, false);
    };
    if (this.pending++ === 0) this.breaker.markBusy(this, true);

    const last = argv.length - 1;
    if (typeof argv[last] === 'function') {
      const callback = argv[last] as QueryCallback;
      argv[last] = (error: Error | null, result?: unknown) => {
        done();
        callback(error, result);
      };
      return baseQuery.apply(this, argv) as never;
    }
    const result = baseQuery.apply(this, argv);
    if (result instanceof Promise) result.then(done, done);
    else done();
    return result as never;
  }

  /** Drops the socket at once: a frozen server would never answer a polite goodbye. */
  abandon(error: Error): void {
    this.connection.stream.destroy(error);
  }

  private report(ticket: AttemptTicket, error: unknown, started: number): void {
    if (!error) return this.breaker.attemptSucceeded(ticket);
    // A connect timeout surfaces as "Connection terminated unexpectedly"; say what happened instead.
    const timedOut = this.connectTimeoutMs > 0 && Date.now() - started >= this.connectTimeoutMs;
    const reason = timedOut
      ? new DatabaseUnavailableError(`no answer to a connection attempt within ${this.connectTimeoutMs} ms`, {
          cause: error,
        })
      : error;
    this.breaker.attemptFailed(ticket, reason);
  }
}

/** Lifts the query deadline of a connection that may be a GuardedClient (TypeORM's runner hands it out untyped). */
export function liftQueryDeadline(connection: unknown): () => void {
  return connection instanceof GuardedClient ? connection.liftQueryDeadline() : () => undefined;
}
