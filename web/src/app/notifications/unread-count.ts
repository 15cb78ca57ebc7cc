import { DestroyRef, Injectable, effect, inject, signal } from '@angular/core';
import { Session } from '../auth/session';
import { NotificationsApi } from './notifications-api';

/** While the stream is down, the count is fetched this often… */
export const POLL_MS = 30_000;
/** …and the stream tried again after this long. */
const STREAM_RETRY_MS = 120_000;

/**
 * The signed-in user's unread count, live: a server-sent event stream while it works (any replica serves
 * it), polling when it does not (a proxy that buffers, the database away, an old browser). Runs only while
 * someone is signed in.
 */
@Injectable({ providedIn: 'root' })
export class UnreadCount {
  private readonly api = inject(NotificationsApi);
  private readonly session = inject(Session);
  private readonly count = signal<number | null>(null);
  private source: EventSource | null = null;
  private poller?: ReturnType<typeof setInterval>;
  private retry?: ReturnType<typeof setTimeout>;

  /** null until first known. */
  readonly unread = this.count.asReadonly();
  /** Whether the count arrives by the stream (true) or by polling. */
  readonly live = signal(false);

  constructor() {
    effect(() => (this.session.user() ? this.start() : this.stop()));
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** After this page changed the count itself (mark read), without waiting for the stream. */
  refresh(): void {
    this.api.unread().subscribe({ next: (r) => this.count.set(r.unread), error: () => undefined });
  }

  private start(): void {
    if (this.source || this.poller) return;
    if (typeof EventSource === 'undefined') return this.poll();
    const source = new EventSource(this.api.streamUrl(), { withCredentials: true });
    this.source = source;
    source.addEventListener('unread', (e) => {
      this.live.set(true);
      this.count.set((JSON.parse((e as MessageEvent<string>).data) as { unread: number }).unread);
    });
    // A stream the server ended on purpose reconnects by itself; one refused (503, 401) closes: poll instead.
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) this.fallBack();
    };
  }

  private fallBack(): void {
    this.source?.close();
    this.source = null;
    this.live.set(false);
    this.poll();
    this.retry = setTimeout(() => {
      this.stopPolling();
      if (this.session.user()) this.start();
    }, STREAM_RETRY_MS);
  }

  private poll(): void {
    this.refresh();
    this.poller = setInterval(() => this.refresh(), POLL_MS);
  }

  private stopPolling(): void {
    clearInterval(this.poller);
    this.poller = undefined;
  }

  private stop(): void {
    this.source?.close();
    this.source = null;
    this.stopPolling();
    clearTimeout(this.retry);
    this.live.set(false);
    this.count.set(null);
  }
}
