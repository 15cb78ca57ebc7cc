import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Client } from 'pg';
import { unavailableReason } from '../common/database-errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { backoffDelay, type BackoffPolicy } from '../database/backoff';
import { ConnectionBreaker } from '../database/connection-breaker';
import { dedicatedClientConfig } from '../database/database-options';
import { GuardedClient } from '../database/guarded-client';
import { SessionCache } from './session-cache';

/** Sent by the triggers of migration 1763900200000 when they commit. */
const CHANNEL = 'pu_session_changes';
/** Without it the cache is merely off, so this may wait longer than the request pool's breaker. */
const RETRY: BackoffPolicy = { firstMs: 250, maxMs: 10_000 };
/** A dead connection can look alive for minutes; a query that does not come back shows it. */
const HEARTBEAT_MS = 15_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;

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
  private readonly logger = new Logger(SessionChangeListener.name);
  /** Connecting or connected; null while waiting to retry and after shutdown. */
  private client: Client | null = null;
  private stopped = false;
  private failures = 0;
  private retry?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: SessionCache,
    private readonly breaker: ConnectionBreaker,
  ) {}

  get listening(): boolean {
    return this.client !== null && this.cache.isOpen;
  }

  /** Waits for the first attempt only, so the app starts (without the cache) even when it fails. */
  async onModuleInit(): Promise<void> {
    if (this.config.session.cache === 'notified') await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    clearInterval(this.heartbeat);
    this.cache.close();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client: Client = new GuardedClient(dedicatedClientConfig(this.config, this.breaker, CHANNEL));
    this.client = client;
    client.on('notification', (message) => applySessionChange(this.cache, message.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    this.cache.open();
    this.heartbeat = setInterval(() => void this.check(client), HEARTBEAT_MS).unref();
    if (this.failures > 0)
      this.logger.log(`Listening for session changes again after ${this.failures} attempts; session cache back on`);
    this.failures = 0;
  }

  private async check(client: Client): Promise<void> {
    const timeout = setTimeout(
      () => this.lost(client, new Error(`no answer within ${HEARTBEAT_TIMEOUT_MS} ms`)),
      HEARTBEAT_TIMEOUT_MS,
    ).unref();
    try {
      await client.query('SELECT 1');
    } catch (error) {
      this.lost(client, error);
    } finally {
      clearTimeout(timeout);
    }
  }

  /**
   * Each connection is lost once: its 'error', 'end' and failed queries may all report it. Logged when it is
   * first lost, not on every failed retry: while the database is away that would be a line every few seconds.
   */
  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.cache.close();
    clearInterval(this.heartbeat);
    client.removeAllListeners('notification');
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.failures++;
    const delay = backoffDelay(RETRY, this.failures);
    if (this.failures === 1)
      this.logger.warn(
        `Not listening for session changes (${unavailableReason(error)}); session cache off until it reconnects ` +
          `(retrying with backoff up to ${RETRY.maxMs / 1000} s)`,
      );
    this.retry = setTimeout(() => void this.connect(), delay).unref();
  }
}
