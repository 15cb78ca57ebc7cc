import { Inject, Injectable } from '@nestjs/common';
import { message } from '@pu/workflow';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** What a refused download is told to wait: a register download of a year takes about a minute on 1,000,000 cases. */
export const EXPORTS_RETRY_AFTER_SECONDS = 30;

/**
 * How many register downloads run at once in this process (EXPORTS_AT_ONCE). Each holds a pool connection for as
 * long as its client reads; unbounded, a few managers downloading at once would leave the counter's requests
 * waiting for a connection. One more is refused at once (429 with Retry-After) rather than queued, so the clerk
 * sees why and nothing holds a request open.
 */
@Injectable()
export class ExportSlots {
  private running = 0;
  private readonly limit: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limit = config.exportsAtOnce;
  }

  /** A slot, or EXPORTS_BUSY; the returned function gives it back, and only once however often it is called. */
  take(): () => void {
    if (this.running >= this.limit) {
      const retryAfterSeconds = EXPORTS_RETRY_AFTER_SECONDS;
      throw new DomainError(
        'EXPORTS_BUSY',
        message('http.exportsBusy', { limit: this.limit, retryAfterSeconds }),
        undefined,
        {
          retryAfterSeconds,
        },
      );
    }
    this.running++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.running--;
    };
  }
}
