import type { Role } from '@pu/contracts';
import type { EntityManager } from 'typeorm';
import type { PreparedQueries } from '../database/prepared-queries';

/** What sign-in needs to know about an account. */
export interface CredentialsRow {
  id: string;
  password_hash: string;
  disabled: boolean;
}

export async function selectCredentials(db: EntityManager, username: string): Promise<CredentialsRow | undefined> {
  const rows: CredentialsRow[] = await db.query(
    `SELECT id, password_hash, disabled FROM users WHERE username = $1 LIMIT 1`,
    [username],
  );
  return rows[0];
}

// --- Sessions -------------------------------------------------------------------------------------------

export interface NewSession {
  tokenHash: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(db: EntityManager, s: NewSession): Promise<void> {
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $3, $4, $5, $6)`,
    [s.tokenHash, s.userId, s.createdAt, s.expiresAt, s.ip, s.userAgent],
  );
}

/** A live session with its user, as the session check reads it. */
export interface LiveSessionRow {
  token_hash: string;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  department_id: string;
  department_symbol: string;
  department_name: string;
}

/**
 * The session check of (almost) every request, so a prepared statement: live means not revoked, not idle for
 * `idleSeconds`, not past its absolute end, all as of `now`, and its user enabled.
 */
export async function selectLiveSession(
  prepared: PreparedQueries,
  tokenHash: string,
  idleSeconds: number,
  now: Date,
): Promise<LiveSessionRow | undefined> {
  const rows = await prepared.query<LiveSessionRow>(
    `SELECT s.token_hash, s.last_seen_at, s.expires_at, u.id AS user_id, u.username, u.display_name, u.role,
            d.id AS department_id, d.symbol AS department_symbol, d.name AS department_name
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN departments d ON d.id = u.department_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $3
        AND s.last_seen_at > $3::timestamptz - make_interval(secs => $2) AND NOT u.disabled`,
    [tokenHash, idleSeconds, now],
  );
  return rows[0];
}

export async function touchSession(db: EntityManager, tokenHash: string, at: Date): Promise<void> {
  await db.query(`UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1`, [tokenHash, at]);
}

// revoked_at is a record of when; only whether it is set is ever read, so PostgreSQL's own time will do.
export async function revokeSession(db: EntityManager, tokenHash: string): Promise<void> {
  await db.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash]);
}

export async function revokeSessionsOfUser(db: EntityManager, userId: string): Promise<void> {
  await db.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
}

// --- Sign-in throttling ---------------------------------------------------------------------------------

export async function anyLocked(db: EntityManager, keys: string[], now: Date): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM login_throttle WHERE key = ANY($1) AND locked_until > $2 LIMIT 1`,
    [keys, now],
  );
  return rows.length > 0;
}

/**
 * Counts one failure in the key's window of `windowSeconds` (a new window once it is over), locking the key
 * for `lockSeconds` when the count reaches `limit` within the window.
 */
export async function countFailure(
  db: EntityManager,
  key: string,
  rule: { windowSeconds: number; limit: number; lockSeconds: number },
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, 1, $5::timestamptz)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN login_throttle.window_started_at < $5::timestamptz - make_interval(secs => $2) THEN 1 ELSE login_throttle.failures + 1 END,
       window_started_at = CASE WHEN login_throttle.window_started_at < $5::timestamptz - make_interval(secs => $2) THEN $5::timestamptz ELSE login_throttle.window_started_at END,
       locked_until = CASE WHEN login_throttle.window_started_at >= $5::timestamptz - make_interval(secs => $2) AND login_throttle.failures + 1 >= $3
                           THEN $5::timestamptz + make_interval(secs => $4) ELSE login_throttle.locked_until END`,
    [key, rule.windowSeconds, rule.limit, rule.lockSeconds, now],
  );
}

export async function clearFailures(db: EntityManager, key: string): Promise<void> {
  await db.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
}
