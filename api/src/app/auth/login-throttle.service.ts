import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';

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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async assertNotLocked(keys: ThrottleKey[]): Promise<void> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM login_throttle WHERE key = ANY($1) AND locked_until > now() LIMIT 1`,
      [keys.map(this.keyOf)],
    );
    if (rows.length > 0) {
      throw new DomainError(
        'TOO_MANY_ATTEMPTS',
        'Zbyt wiele nieudanych prób logowania. Odczekaj 15 minut albo poproś administratora o pomoc.',
      );
    }
  }

  async recordFailure(keys: ThrottleKey[]): Promise<void> {
    for (const key of keys) {
      await this.db.query(
        `INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_throttle.window_started_at < now() - make_interval(secs => $2) THEN 1 ELSE login_throttle.failures + 1 END,
           window_started_at = CASE WHEN login_throttle.window_started_at < now() - make_interval(secs => $2) THEN now() ELSE login_throttle.window_started_at END,
           locked_until = CASE WHEN login_throttle.window_started_at >= now() - make_interval(secs => $2) AND login_throttle.failures + 1 >= $3
                               THEN now() + make_interval(secs => $4) ELSE login_throttle.locked_until END`,
        [this.keyOf(key), WINDOW_SECONDS, LIMITS[key.kind], LOCK_SECONDS],
      );
    }
  }

  async clear(key: ThrottleKey): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE key = $1`, [this.keyOf(key)]);
  }

  private readonly keyOf = (key: ThrottleKey) => `${key.kind}:${key.value}`;
}
