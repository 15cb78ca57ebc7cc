import type { AppConfig } from '../config/app-config';
import type { SessionUser } from './session-user';

const MAX_ENTRIES = 10_000;
/** Bounds how long a change that no eviction reported (none is expected) could go unseen. */
const MAX_AGE_MS = 60_000;

/** A session as the database last confirmed it, with what is needed to re-check its limits without asking again. */
export interface CachedSession {
  user: Omit<SessionUser, 'idleExpiresAt'>;
  lastSeenAt: number;
  /** The session's absolute end. */
  expiresAt: number;
  /** When the database was asked: the entry is trusted for `maxAgeMs` from then. */
  checkedAt: number;
}

export interface SessionCacheLimits {
  maxEntries: number;
  maxAgeMs: number;
  idleMs: number;
}

/**
 * Resolved sessions by token hash, so most requests skip the session query. An entry past any limit is
 * dropped rather than judged, so only the database ever refuses a session.
 *
 * Every eviction starts a new generation, and a resolve stores its row only if no eviction happened since it
 * began reading: otherwise a read that started before a revocation committed could put the old row back.
 */
export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();
  private generation = 0;
  private usable = false;

  constructor(private readonly limits: SessionCacheLimits) {}

  get size(): number {
    return this.entries.size;
  }

  get isOpen(): boolean {
    return this.usable;
  }

  /** Starts serving from an empty cache: whatever was cached before may have missed evictions. */
  open(): void {
    this.forgetAll();
    this.usable = true;
  }

  /** Stops serving (no eviction can be trusted to arrive) until `open` again. */
  close(): void {
    this.usable = false;
    this.forgetAll();
  }

  /** Taken before reading the database; see `store`. */
  ticket(): number {
    return this.generation;
  }

  get(tokenHash: string, now: number): CachedSession | undefined {
    if (!this.usable) return undefined;
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    const { maxAgeMs, idleMs } = this.limits;
    if (now - entry.checkedAt >= maxAgeMs || now - entry.lastSeenAt >= idleMs || now >= entry.expiresAt) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  /** Keeps the entry unless the cache is closed or anything was evicted since `ticket` was taken. */
  store(tokenHash: string, entry: CachedSession, ticket: number): void {
    if (!this.usable || ticket !== this.generation) return;
    this.entries.delete(tokenHash);
    if (this.entries.size >= this.limits.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, entry);
  }

  /** Records a "touch" written to the database, so the idle limit counts from it. */
  seen(tokenHash: string, at: number): void {
    const entry = this.entries.get(tokenHash);
    if (entry && entry.lastSeenAt < at) entry.lastSeenAt = at;
  }

  forgetToken(tokenHash: string): void {
    this.generation++;
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: string): void {
    this.generation++;
    for (const [tokenHash, entry] of this.entries) {
      if (entry.user.id === userId) this.entries.delete(tokenHash);
    }
  }

  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }
}

export function createSessionCache(config: AppConfig): SessionCache {
  const cache = new SessionCache({
    maxEntries: MAX_ENTRIES,
    maxAgeMs: MAX_AGE_MS,
    idleMs: config.session.idleMinutes * 60_000,
  });
  // A `notified` cache opens when SessionChangeListener starts listening.
  if (config.session.cache === 'local') cache.open();
  return cache;
}
