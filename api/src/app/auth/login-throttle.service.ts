import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';

const WINDOW_SECONDS = 15 * 60;
const LOCK_SECONDS = 15 * 60;
/** Per account: slows guessing one password; per address: slows spraying many accounts. */
const LIMITS = { user: 5, ip: 30 } as const;

export type ThrottleKey = { kind: keyof typeof LIMITS; value: string };

/** Failed sign-ins counted in PostgreSQL, so the limit holds across replicas. */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async assertNotLocked(keys: ThrottleKey[]): Promise<void> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM login_throttle WHERE key = ANY($1) AND locked_until > $2 LIMIT 1`,
      [keys.map(this.keyOf), this.clock.now()],
    );
    if (rows.length > 0) {
      throw new DomainError(
        'TOO_MANY_ATTEMPTS',
        'Zbyt wiele nieudanych prób logowania. Odczekaj 15 minut albo poproś administratora o pomoc.',
      );
    }
  }

  async recordFailure(keys: ThrottleKey[]): Promise<void> {
    const now = this.clock.now();
    for (const key of keys) {
      await this.db.query(
        `INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, 1, $5::timestamptz)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_throttle.window_started_at < $5::timestamptz - make_interval(secs => $2) THEN 1 ELSE login_throttle.failures + 1 END,
           window_started_at = CASE WHEN login_throttle.window_started_at < $5::timestamptz - make_interval(secs => $2) THEN $5::timestamptz ELSE login_throttle.window_started_at END,
           locked_until = CASE WHEN login_throttle.window_started_at >= $5::timestamptz - make_interval(secs => $2) AND login_throttle.failures + 1 >= $3
                               THEN $5::timestamptz + make_interval(secs => $4) ELSE login_throttle.locked_until END`,
        [this.keyOf(key), WINDOW_SECONDS, LIMITS[key.kind], LOCK_SECONDS, now],
      );
    }
  }

  async clear(key: ThrottleKey): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE key = $1`, [this.keyOf(key)]);
  }

  private readonly keyOf = (key: ThrottleKey) => `${key.kind}:${key.value}`;
}
