import { Logger } from '@nestjs/common';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { DatabaseUnavailableError, unavailableReason } from '../common/database-errors';

/** Short enough that the app is back within a few seconds of the database; long enough to be a few tries a second. */
export const RECONNECT_BACKOFF: BackoffPolicy = { firstMs: 250, maxMs: 2000 };

/** A connection whose work the breaker may cut off when it learns the database has gone. */
export interface AbandonableConnection {
  abandon(error: Error): void;
}

/** Whether a connection attempt may go out, and whether it is the one probe of an open breaker. */
export interface AttemptTicket {
  probe: boolean;
}

/**
 * A circuit breaker in front of every connection to PostgreSQL. While the database answers it is closed and
 * passes everything. The first failed connection attempt, or a query left unanswered, opens it: from then on
 * connection attempts and queries fail at once (503) instead of each request opening a socket of its own, and
 * after a backoff interval (exponential, capped, jittered) one probe connection at a time may try again. The
 * first connection that succeeds closes it.
 *
 * `now` is the one place this reads the time.
 */
export class ConnectionBreaker {
  private readonly logger = new Logger('Database');
  /** Consecutive failed rounds; 0 while closed. */
  private failures = 0;
  private retryAt = 0;
  private probing = false;
  private openedAt = 0;
  private attemptsWhileOpen = 0;
  private readonly busy = new Set<AbandonableConnection>();
  /** Connection attempts that went out to the server, and those refused without trying. */
  readonly stats = { attempts: 0, refused: 0 };

  constructor(
    private readonly policy: BackoffPolicy = RECONNECT_BACKOFF,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  get closed(): boolean {
    return this.failures === 0;
  }

  /** Open and not letting a probe through right now: what readiness reports. */
  get refusing(): boolean {
    return !this.closed && (this.probing || this.now() < this.retryAt);
  }

  /** Seconds until the next probe may go out, for `Retry-After`. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.retryAt - this.now()) / 1000));
  }

  /** A ticket for a connection attempt, or null to refuse it without touching the network. */
  beginAttempt(): AttemptTicket | null {
    if (this.closed) {
      this.stats.attempts++;
      return { probe: false };
    }
    if (this.refusing) {
      this.stats.refused++;
      return null;
    }
    this.probing = true;
    this.stats.attempts++;
    this.attemptsWhileOpen++;
    return { probe: true };
  }

  attemptSucceeded(ticket: AttemptTicket): void {
    if (ticket.probe) this.probing = false;
    if (this.closed) return;
    const seconds = ((this.now() - this.openedAt) / 1000).toFixed(1);
    this.logger.log(
      `Database reachable again after ${seconds} s; ${this.attemptsWhileOpen} connection attempts while it was away`,
    );
    this.failures = 0;
    this.probing = false;
  }

  /** An attempt that began before the breaker opened adds nothing new; a failed probe lengthens the wait. */
  attemptFailed(ticket: AttemptTicket, error: unknown): void {
    if (ticket.probe) this.probing = false;
    if (!this.closed && !ticket.probe) return;
    this.fail(error);
  }

  /** A query got no answer in time: the server is frozen or cut off, though it may still accept connections. */
  unresponsive(error: unknown): void {
    if (this.closed) this.fail(error);
  }

  /** Connections with work outstanding, cut off when the breaker opens so they do not wait for their deadline. */
  markBusy(connection: AbandonableConnection, busy: boolean): void {
    if (busy) this.busy.add(connection);
    else this.busy.delete(connection);
  }

  private fail(error: unknown): void {
    const opening = this.closed;
    this.failures++;
    this.retryAt = this.now() + backoffDelay(this.policy, this.failures, this.random);
    if (!opening) return;
    this.openedAt = this.now();
    this.attemptsWhileOpen = 0;
    this.logger.warn(
      `Database unavailable (${unavailableReason(error)}); answering 503 and retrying one connection at a time, ` +
        `at most every ${this.policy.maxMs} ms`,
    );
    const cutOff = new DatabaseUnavailableError('connection cut off: the database stopped answering', { cause: error });
    for (const connection of [...this.busy]) connection.abandon(cutOff);
    this.busy.clear();
  }
}
