import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { BackoffPolicy } from '../database/backoff';
import { ConnectionBreaker } from '../database/connection-breaker';
import { ListenConnection } from '../database/listen-connection';
import { SessionCache } from './session-cache';

/** Sent by the triggers of migration 1763900200000 when they commit. */
const CHANNEL = 'pu_session_changes';
/** Without it the cache is merely off, so this may wait longer than the request pool's breaker. */
const RETRY: BackoffPolicy = { firstMs: 250, maxMs: 10_000 };

/** Applies one notification: `token:<hash>`, `user:<id>` or `all`; anything else clears, to be safe. */
export function applySessionChange(cache: SessionCache, payload = ''): void {
  const separator = payload.indexOf(':');
  const kind = separator < 0 ? payload : payload.slice(0, separator);
  const key = separator < 0 ? '' : payload.slice(separator + 1);
  if (kind === 'token' && key) cache.forgetToken(key);
  else if (kind === 'user' && key) cache.forgetUser(key);
  else cache.forgetAll();
}

/**
 * Hears the session, user and department changes that any replica commits, and evicts them from this
 * process's SessionCache. The cache is open only while this connection is up and listening: a change made
 * while it is down would never be heard.
 */
@Injectable()
export class SessionChangeListener implements OnModuleInit, OnApplicationShutdown {
  private readonly connection: ListenConnection;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: SessionCache,
    breaker: ConnectionBreaker,
  ) {
    this.connection = new ListenConnection(config, breaker, {
      channel: CHANNEL,
      retry: RETRY,
      logger: new Logger(SessionChangeListener.name),
      notification: (payload) => applySessionChange(cache, payload),
      up: () => cache.open(),
      down: () => cache.close(),
      lostWarning: (reason) =>
        `Not listening for session changes (${reason}); session cache off until it reconnects ` +
        `(retrying with backoff up to ${RETRY.maxMs / 1000} s)`,
      backMessage: (attempts) =>
        `Listening for session changes again after ${attempts} attempts; session cache back on`,
    });
  }

  get listening(): boolean {
    return this.connection.connected && this.cache.isOpen;
  }

  /** Waits for the first attempt only, so the app starts (without the cache) even when it fails. */
  async onModuleInit(): Promise<void> {
    if (this.config.session.cache === 'notified') await this.connection.start();
  }

  async onApplicationShutdown(): Promise<void> {
    const stopped = this.connection.stop();
    this.cache.close();
    await stopped;
  }
}
