import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Client } from 'pg';
import { unavailableReason } from '../common/database-errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { backoffDelay, type BackoffPolicy } from '../database/backoff';
import { ConnectionBreaker } from '../database/connection-breaker';
import { dedicatedClientConfig } from '../database/database-options';
import { GuardedClient } from '../database/guarded-client';

/** Sent by the notifications table's triggers (migration 1764000000000) at commit, with the user's id. */
const CHANNEL = 'pu_notifications';
const RETRY: BackoffPolicy = { firstMs: 250, maxMs: 10_000 };
const HEARTBEAT_MS = 15_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;

/** What a subscriber hears: a change of the user's notifications, or that the feed stopped (fall back to polling). */
export type SignalListener = (event: 'changed' | 'closed') => void;

/**
 * Tells this process's open notification streams whose notifications changed, on any replica: one LISTEN
 * connection for the whole process, fed by the table's triggers. Where LISTEN cannot work (the embedded
 * database, a transaction-mode pooler: the setups the session cache runs `local` or `off` in), this process's
 * own writers report their changes with `changedHere`, which is complete for a single process; with several
 * replicas and no LISTEN the SPA's polling is what keeps the others in step.
 */
@Injectable()
export class NotificationSignals implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly subscribers = new Map<string, Set<SignalListener>>();
  private readonly mode: 'notified' | 'local';
  private client: Client | null = null;
  private connected = false;
  private stopped = false;
  private failures = 0;
  private retry?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly breaker: ConnectionBreaker,
  ) {
    this.mode = config.session.cache === 'notified' ? 'notified' : 'local';
  }

  /** Whether a stream opened now would hear every change it should. */
  get live(): boolean {
    return this.mode === 'local' || this.connected;
  }

  subscribe(userId: string, listener: SignalListener): () => void {
    let set = this.subscribers.get(userId);
    if (!set) this.subscribers.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.subscribers.delete(userId);
    };
  }

  /** After this process committed a change for these users; LISTEN delivers it too when it runs. */
  changedHere(userIds: Iterable<string>): void {
    if (this.mode !== 'local') return;
    for (const id of new Set(userIds)) this.emit(id, 'changed');
  }

  async onModuleInit(): Promise<void> {
    if (this.mode === 'notified') await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    clearInterval(this.heartbeat);
    this.closeAll();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** Every open stream is told to end (its client falls back to polling, then reconnects). */
  closeAll(): void {
    for (const [userId] of this.subscribers) this.emit(userId, 'closed');
  }

  private emit(userId: string, event: 'changed' | 'closed'): void {
    for (const listener of [...(this.subscribers.get(userId) ?? [])]) listener(event);
  }

  private async connect(): Promise<void> {
    const client: Client = new GuardedClient(dedicatedClientConfig(this.config, this.breaker, CHANNEL));
    this.client = client;
    client.on('notification', (message) => message.payload && this.emit(message.payload, 'changed'));
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
    this.connected = true;
    this.heartbeat = setInterval(() => void this.check(client), HEARTBEAT_MS).unref();
    if (this.failures > 0) this.logger.log(`Listening for notifications again after ${this.failures} attempts`);
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

  /** While it is down, streams are closed and refused: a stream that hears nothing would look like no news. */
  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.connected = false;
    clearInterval(this.heartbeat);
    client.removeAllListeners('notification');
    void client.end().catch(() => undefined);
    this.closeAll();
    if (this.stopped) return;
    this.failures++;
    if (this.failures === 1)
      this.logger.warn(`Not listening for notifications (${unavailableReason(error)}); live updates off, retrying`);
    this.retry = setTimeout(() => void this.connect(), backoffDelay(RETRY, this.failures)).unref();
  }
}
