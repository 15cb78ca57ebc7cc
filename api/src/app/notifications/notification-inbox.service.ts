import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationPage } from '@pu/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { NotificationListQueryDto } from './dto/notification-list.dto';
import { decodeCursor, encodeCursor, toNotificationResponse } from './notification-mapper';
import { NotificationSignals } from './notification-signals';
import { countUnread, markAllRead, markRead, selectNotifications } from './notifications.queries';

/** A person's own notifications: nobody reads or marks another's. */
@Injectable()
export class NotificationInbox {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly signals: NotificationSignals,
  ) {}

  async list(userId: string, q: NotificationListQueryDto): Promise<NotificationPage> {
    const limit = q.limit ?? 30;
    const before = q.before ? decodeCursor(q.before) : undefined;
    if (before === null)
      throw new DomainError('INVALID_CURSOR', {
        pl: 'Nieprawidłowy kursor strony: wróć do pierwszej strony powiadomień.',
        en: 'Invalid page cursor: go back to the first page of notifications.',
      });
    const rows = await selectNotifications(this.db.manager, userId, {
      limit: limit + 1,
      unreadOnly: q.unread ?? false,
      before,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map(toNotificationResponse),
      unread: await countUnread(this.db.manager, userId),
      ...(rows.length > limit ? { nextCursor: encodeCursor(page[page.length - 1]) } : {}),
    };
  }

  unread(userId: string): Promise<number> {
    return countUnread(this.db.manager, userId);
  }

  async markRead(userId: string, id: string): Promise<void> {
    if (!(await markRead(this.db.manager, userId, id, this.clock.now())))
      throw new DomainError('NOT_FOUND', { pl: 'Nie ma takiego powiadomienia.', en: 'No such notification.' });
    this.signals.changedHere([userId]);
  }

  async markAllRead(userId: string): Promise<number> {
    const marked = await markAllRead(this.db.manager, userId, this.clock.now());
    if (marked > 0) this.signals.changedHere([userId]);
    return marked;
  }
}
