import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PreparedQueries } from '../database/prepared-queries';
import { insertSession, revokeSession, revokeSessionsOfUser, selectLiveSession, touchSession } from './auth.queries';
import { SessionCache, type CachedSession } from './session-cache';
import type { SessionUser } from './session-user';

/** Writing last_seen_at on every request would double the writes; a minute's precision is enough for a 30-minute idle limit. */
const TOUCH_AFTER_MS = 60_000;

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prepared: PreparedQueries,
    private readonly cache: SessionCache,
    private readonly clock: Clock,
  ) {}

  private hash(token: string): string {
    return createHmac('sha256', this.config.session.secret).update(token).digest('hex');
  }

  get idleMs(): number {
    return this.config.session.idleMinutes * 60_000;
  }

  get absoluteMs(): number {
    return this.config.session.absoluteHours * 3_600_000;
  }

  /** 256 random bits, returned once for the cookie; the database keeps only its keyed hash. */
  async create(
    userId: string,
    ip: string | null,
    userAgent: string | null,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.absoluteMs);
    await insertSession(this.db.manager, {
      tokenHash: this.hash(token),
      userId,
      createdAt: now,
      expiresAt,
      ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { token, expiresAt };
  }

  /**
   * From the cache when it holds the session (its limits re-checked here), else one query: the session must
   * be live (not revoked, not idle, not past its absolute end) and its user enabled.
   */
  async resolve(token: string): Promise<SessionUser | null> {
    const tokenHash = this.hash(token);
    const startedAt = this.clock.now();
    const cached = this.cache.get(tokenHash, startedAt.getTime());
    if (cached) return this.touch(tokenHash, cached);
    const ticket = this.cache.ticket();
    const row = await selectLiveSession(this.prepared, tokenHash, this.idleMs / 1000, startedAt);
    if (!row) return null;
    const entry: CachedSession = {
      user: {
        id: row.user_id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        department: { id: row.department_id, symbol: row.department_symbol, name: row.department_name },
        sessionTokenHash: tokenHash,
      },
      lastSeenAt: new Date(row.last_seen_at).getTime(),
      expiresAt: new Date(row.expires_at).getTime(),
      checkedAt: startedAt.getTime(),
    };
    this.cache.store(tokenHash, entry, ticket);
    return this.touch(tokenHash, entry);
  }

  private async touch(tokenHash: string, session: CachedSession): Promise<SessionUser> {
    let lastSeen = session.lastSeenAt;
    const now = this.clock.now().getTime();
    if (now - lastSeen > TOUCH_AFTER_MS) {
      lastSeen = now;
      await touchSession(this.db.manager, tokenHash, new Date(now));
      this.cache.seen(tokenHash, now);
    }
    // Copies, so a request cannot change what the next one is served; spelt out, because a rest/spread copy
    // took V8's slow generic path and showed in the list's profile.
    const { id, username, displayName, role, department, sessionTokenHash } = session.user;
    return {
      id,
      username,
      displayName,
      role,
      department: { id: department.id, symbol: department.symbol, name: department.name },
      sessionTokenHash,
      idleExpiresAt: new Date(lastSeen + this.idleMs),
    };
  }

  async revokeToken(token: string): Promise<void> {
    const tokenHash = this.hash(token);
    await revokeSession(this.db.manager, tokenHash);
    this.cache.forgetToken(tokenHash);
  }

  /** Inside a transaction, call `forgetUser` again once it has committed: until then others still read the old rows. */
  async revokeAllOfUser(userId: string, manager = this.db.manager): Promise<void> {
    await revokeSessionsOfUser(manager, userId);
    this.cache.forgetUser(userId);
  }

  /** After a committed change to the user (role, department, name, password, disabled). */
  forgetUser(userId: string): void {
    this.cache.forgetUser(userId);
  }

  /** After a committed change to a department, whose name and symbol every cached session carries. */
  forgetAll(): void {
    this.cache.forgetAll();
  }
}
