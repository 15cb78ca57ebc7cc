import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { BackoffPolicy } from '../database/backoff';
import { ConnectionBreaker } from '../database/connection-breaker';
import { ListenConnection } from '../database/listen-connection';

/** Sent by the notifications table's triggers (migration 1764000000000) at commit, with the user's id. */
const CHANNEL = 'pu_notifications';
const RETRY: BackoffPolicy = { firstMs: 250, maxMs: 10_000 };

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
  private readonly subscribers = new Map<string, Set<SignalListener>>();
  private readonly mode: 'notified' | 'local';
  private readonly connection: ListenConnection;

  constructor(@Inject(APP_CONFIG) config: AppConfig, breaker: ConnectionBreaker) {
    this.mode = config.session.cache === 'notified' ? 'notified' : 'local';
    this.connection = new ListenConnection(config, breaker, {
      channel: CHANNEL,
      retry: RETRY,
      logger: new Logger('Notifications'),
      notification: (userId) => {
        if (userId) this.emit(userId, 'changed');
      },
      // While it is down, streams are closed and refused: a stream that hears nothing would look like no news.
      down: () => this.closeAll(),
      lostWarning: (reason) => `Not listening for notifications (${reason}); live updates off, retrying`,
      backMessage: (attempts) => `Listening for notifications again after ${attempts} attempts`,
    });
  }

  /** Whether a stream opened now would hear every change it should. */
  get live(): boolean {
    return this.mode === 'local' || this.connection.connected;
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
    if (this.mode === 'notified') await this.connection.start();
  }

  async onApplicationShutdown(): Promise<void> {
    const stopped = this.connection.stop();
    this.closeAll();
    await stopped;
  }

  /** Every open stream is told to end (its client falls back to polling, then reconnects). */
  closeAll(): void {
    for (const [userId] of this.subscribers) this.emit(userId, 'closed');
  }

  private emit(userId: string, event: 'changed' | 'closed'): void {
    for (const listener of [...(this.subscribers.get(userId) ?? [])]) listener(event);
  }
}
