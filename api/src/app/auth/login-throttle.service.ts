import { message } from '@pu/workflow';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { anyLocked, clearFailures, countFailure } from './auth.queries';

const WINDOW_SECONDS = 15 * 60;
const LOCK_SECONDS = 15 * 60;
/**
 * For clients without a device cookie, per account (slows guessing one password) and per address (slows
 * spraying many accounts). For a browser with a device cookie of the user, per that cookie only: failures
 * elsewhere never lock it, and a stolen cookie buys no more guesses than an account has.
 */
const LIMITS = { user: 5, ip: 30, device: 5 } as const;

export type ThrottleKey = { kind: keyof typeof LIMITS; value: string };

/** Failed sign-ins counted in PostgreSQL, so the limit holds across replicas. */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async assertNotLocked(keys: ThrottleKey[]): Promise<void> {
    if (await anyLocked(this.db.manager, keys.map(this.keyOf), this.clock.now())) {
      throw new DomainError('TOO_MANY_ATTEMPTS', message('auth.throttled'));
    }
  }

  async recordFailure(keys: ThrottleKey[]): Promise<void> {
    const now = this.clock.now();
    for (const key of keys) {
      await countFailure(
        this.db.manager,
        this.keyOf(key),
        { windowSeconds: WINDOW_SECONDS, limit: LIMITS[key.kind], lockSeconds: LOCK_SECONDS },
        now,
      );
    }
  }

  async clear(key: ThrottleKey): Promise<void> {
    await clearFailures(this.db.manager, this.keyOf(key));
  }

  private readonly keyOf = (key: ThrottleKey) => `${key.kind}:${key.value}`;
}
