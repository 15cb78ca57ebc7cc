import type { Logger } from '@nestjs/common';
import type { Client } from 'pg';
import { unavailableReason } from '../common/database-errors';
import type { AppConfig } from '../config/app-config';
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { ConnectionBreaker } from './connection-breaker';
import { dedicatedClientConfig } from './database-options';
import { GuardedClient } from './guarded-client';

/** A dead connection can look alive for minutes; a query that does not come back shows it. */
const HEARTBEAT_MS = 15_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;

export interface ListenOptions {
  channel: string;
  retry: BackoffPolicy;
  logger: Logger;
  notification(payload: string | undefined): void;
  /** The connection is up and listening: from now on every notification on the channel is heard. */
  up?(): void;
  /** The connection is gone: what was sent on the channel meanwhile is lost. */
  down(): void;
  /** Logged once when the connection is first lost, not on every failed retry. */
  lostWarning(reason: string): string;
  /** Logged when it is back after `attempts` failed ones. */
  backMessage(attempts: number): string;
}

/**
 * One LISTEN connection of its own (through the breaker), watched by a heartbeat and reconnected with backoff
 * whenever it is lost, until `stop`.
 */
export class ListenConnection {
  /** Connecting or connected; null while waiting to retry and after stop. */
  private client: Client | null = null;
  private listening = false;
  private stopped = false;
  private failures = 0;
  private retry?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly breaker: ConnectionBreaker,
    private readonly options: ListenOptions,
  ) {}

  get connected(): boolean {
    return this.client !== null && this.listening;
  }

  /** Resolves after the first attempt, whether or not it succeeded: later ones run in the background. */
  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { channel } = this.options;
    const client: Client = new GuardedClient(dedicatedClientConfig(this.config, this.breaker, channel));
    this.client = client;
    client.on('notification', (message) => this.options.notification(message.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    this.listening = true;
    this.options.up?.();
    this.heartbeat = setInterval(() => void this.check(client), HEARTBEAT_MS).unref();
    if (this.failures > 0) this.options.logger.log(this.options.backMessage(this.failures));
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

  /** Each connection is lost once: its 'error', 'end' and failed queries may all report it. */
  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.listening = false;
    clearInterval(this.heartbeat);
    client.removeAllListeners('notification');
    void client.end().catch(() => undefined);
    this.options.down();
    if (this.stopped) return;
    this.failures++;
    if (this.failures === 1) this.options.logger.warn(this.options.lostWarning(unavailableReason(error)));
    this.retry = setTimeout(() => void this.connect(), backoffDelay(this.options.retry, this.failures)).unref();
  }
}
