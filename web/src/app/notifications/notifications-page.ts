import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NOTIFICATION_KINDS, type NotificationResponse } from '@pu/contracts';
import { Language } from '../i18n/language';
import { Notifier } from '../shared/notifier';
import { PuDateTimePipe, formatDateTime } from '../shared/date-time';
import { NotificationsApi } from './notifications-api';
import { UnreadCount } from './unread-count';

const KNOWN_KINDS: ReadonlySet<string> = new Set(NOTIFICATION_KINDS);

const ICONS: Record<string, string> = {
  case_overdue: 'event_busy',
  inform_overdue: 'event_busy',
  promise_broken: 'event_busy',
  assigned: 'assignment_ind',
};

/** `/powiadomienia`: the signed-in user's notifications, newest first; each opens its case. */
@Component({
  selector: 'pu-notifications-page',
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, PuDateTimePipe],
  templateUrl: './notifications-page.html',
  styleUrl: './notifications-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApi);
  private readonly unreadCount = inject(UnreadCount);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).lang;

  protected readonly items = signal<NotificationResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly unread = computed(() => this.unreadCount.unread() ?? 0);
  protected readonly busy = signal(false);

  constructor() {
    this.load();
    // A reminder that arrives while the page is open is shown too: the live count going up reloads the first page.
    let last: number | null = null;
    effect(() => {
      const n = this.unreadCount.unread();
      if (last !== null && n !== null && n > last) this.load();
      last = n;
    });
  }

  protected load(before?: string): void {
    this.loading.set(!before);
    this.failed.set(false);
    this.api.list({ before }).subscribe({
      next: (page) => {
        this.items.update((list) => (before ? [...list, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor ?? null);
        this.loading.set(false);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }

  protected more(): void {
    const cursor = this.nextCursor();
    if (cursor) this.load(cursor);
  }

  protected text(n: NotificationResponse): string {
    const key = KNOWN_KINDS.has(n.kind) ? n.kind : 'other';
    return this.transloco.translate(`notifications.kinds.${key}`, {
      reference: n.payload.caseReference ?? '',
      due: formatDateTime(n.dueAt, this.lang()),
      promise: n.payload.promiseDescription ?? '',
    });
  }

  protected icon(n: NotificationResponse): string {
    return ICONS[n.kind] ?? (n.promiseId ? 'handshake' : 'schedule');
  }

  protected link(n: NotificationResponse): string[] | null {
    return n.caseId ? ['/sprawy', n.caseId] : null;
  }

  protected markRead(n: NotificationResponse): void {
    if (n.readAt) return;
    this.api.markRead(n.id).subscribe({
      next: () => {
        this.items.update((list) => list.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)));
        this.unreadCount.refresh();
      },
      error: () => undefined,
    });
  }

  protected markAllRead(): void {
    this.busy.set(true);
    this.api.markAllRead().subscribe({
      next: ({ marked }) => {
        const at = new Date().toISOString();
        this.items.update((list) => list.map((x) => (x.readAt ? x : { ...x, readAt: at })));
        this.unreadCount.refresh();
        this.busy.set(false);
        this.notifier.success(this.transloco.translate('notifications.allMarked', { count: marked }));
      },
      error: () => this.busy.set(false),
    });
  }
}
