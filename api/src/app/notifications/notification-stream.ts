import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/domain-error';
import { ConnectionBreaker } from '../database/connection-breaker';
import { NotificationInbox } from './notification-inbox.service';
import { NotificationSignals } from './notification-signals';

/** Comment lines keep proxies and the socket timeout from closing an idle stream. */
const KEEPALIVE_MS = 15_000;
/** A stream ends after this long and the browser reconnects, which checks the session again. */
const MAX_LIFETIME_MS = 5 * 60_000;
/** Several changes in a burst (a scan, "mark all read") are one count query. */
const COALESCE_MS = 100;
/** What the browser waits before it reconnects after a stream ends. */
const RETRY_MS = 3_000;

/**
 * Server-sent events of one user's unread count: `event: unread`, `data: {"unread": n}` on opening and after
 * every change any replica makes. A stream holds no database connection of its own (the process shares one
 * LISTEN, NotificationSignals). It is refused with 503 while the breaker is open or nothing is heard, and ended
 * when that happens later, so the SPA falls back to polling instead of trusting a silent stream.
 */
@Injectable()
export class NotificationStream implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly open = new Set<() => void>();

  constructor(
    private readonly inbox: NotificationInbox,
    private readonly signals: NotificationSignals,
    private readonly breaker: ConnectionBreaker,
  ) {}

  get openStreams(): number {
    return this.open.size;
  }

  /** The HTTP server waits for open connections on close: end the streams first. */
  beforeApplicationShutdown(): void {
    for (const end of [...this.open]) end();
  }

  async serve(userId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (this.breaker.refusing || !this.signals.live)
      throw new DomainError('DATABASE_UNAVAILABLE', {
        pl: 'Powiadomienia na żywo są chwilowo niedostępne; liczba odświeża się co chwilę.',
        en: 'Live notifications are unavailable for a moment; the count refreshes periodically.',
      });
    const first = await this.inbox.unread(userId);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    raw.write(`retry: ${RETRY_MS}\n\n`);
    const send = (unread: number) => raw.write(`event: unread\ndata: ${JSON.stringify({ unread })}\n\n`);
    send(first);

    let pending: NodeJS.Timeout | undefined;
    let ended = false;
    const refresh = () => {
      pending = undefined;
      this.inbox.unread(userId).then(
        (n) => !ended && send(n),
        () => end(),
      );
    };
    const unsubscribe = this.signals.subscribe(userId, (event) => {
      if (event === 'closed') return end();
      pending ??= setTimeout(refresh, COALESCE_MS);
    });
    const keepalive = setInterval(() => raw.write(`: keepalive\n\n`), KEEPALIVE_MS);
    const lifetime = setTimeout(() => end(), MAX_LIFETIME_MS);
    const end = () => {
      if (ended) return;
      ended = true;
      unsubscribe();
      clearTimeout(pending);
      clearInterval(keepalive);
      clearTimeout(lifetime);
      this.open.delete(end);
      raw.end();
    };
    this.open.add(end);
    request.raw.on('close', end);
    raw.on('error', (error) => {
      this.logger.debug(`Notification stream: ${error.message}`);
      end();
    });
  }
}
