import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PreparedQueries } from '../database/prepared-queries';
import type { SessionUser } from './session-user';
import type { Role } from '@pu/contracts';

/** Writing last_seen_at on every request would double the writes; a minute's precision is enough for a 30-minute idle limit. */
const TOUCH_AFTER_MS = 60_000;

interface SessionRow {
  token_hash: string;
  last_seen_at: Date;
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  department_id: string;
  department_symbol: string;
  department_name: string;
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prepared: PreparedQueries,
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
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.absoluteMs);
    await this.db.query(
      `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $3, $4, $5, $6)`,
      [this.hash(token), userId, now, expiresAt, ip, userAgent?.slice(0, 300) ?? null],
    );
    return { token, expiresAt };
  }

  /** One query: the session must be live (not revoked, not idle, not past its absolute end) and its user enabled. */
  async resolve(token: string): Promise<SessionUser | null> {
    const tokenHash = this.hash(token);
    const rows = await this.prepared.query<SessionRow>(
      `SELECT s.token_hash, s.last_seen_at, u.id AS user_id, u.username, u.display_name, u.role,
              d.id AS department_id, d.symbol AS department_symbol, d.name AS department_name
         FROM sessions s JOIN users u ON u.id = s.user_id JOIN departments d ON d.id = u.department_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(secs => $2) AND NOT u.disabled`,
      [tokenHash, this.idleMs / 1000],
    );
    const row = rows[0];
    if (!row) return null;
    let lastSeen = new Date(row.last_seen_at);
    if (Date.now() - lastSeen.getTime() > TOUCH_AFTER_MS) {
      lastSeen = new Date();
      await this.db.query(`UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1`, [tokenHash, lastSeen]);
    }
    return {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      department: { id: row.department_id, symbol: row.department_symbol, name: row.department_name },
      sessionTokenHash: tokenHash,
      idleExpiresAt: new Date(lastSeen.getTime() + this.idleMs),
    };
  }

  async revokeToken(token: string): Promise<void> {
    await this.db.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [
      this.hash(token),
    ]);
  }

  async revokeAllOfUser(userId: string, manager = this.db.manager): Promise<void> {
    await manager.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }
}
