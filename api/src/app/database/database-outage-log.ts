import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { unavailableReason } from '../common/database-errors';

const INTERVAL_MS = 10_000;

/**
 * Requests refused because the database is away, logged once per interval with a count rather than once per
 * request: an outage under load would otherwise write a line (or a stack) for every request.
 */
@Injectable()
export class DatabaseOutageLog implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private refused = 0;
  private lastReason = '';
  private timer?: NodeJS.Timeout;

  /** One request answered 503 because of `error`. */
  refusedRequest(error: unknown): void {
    this.lastReason = unavailableReason(error);
    if (this.timer) {
      this.refused++;
      return;
    }
    this.logger.warn(`Database unavailable (${this.lastReason}): request refused with 503`);
    this.timer = setInterval(() => this.flush(), INTERVAL_MS).unref();
  }

  onApplicationShutdown(): void {
    this.flush();
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private flush(): void {
    if (this.refused === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    this.logger.warn(
      `Database unavailable, ${this.refused} requests refused in the last ${INTERVAL_MS / 1000} s (${this.lastReason})`,
    );
    this.refused = 0;
  }
}
