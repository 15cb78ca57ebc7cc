import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { NotificationEvent, NotificationRow } from './notification-event';
import { NotificationSignals } from './notification-signals';
import { insertNotifications } from './notifications.queries';

/**
 * The one way a notification is created. Takes the caller's EntityManager, so a notification commits with the
 * change that caused it (an assignment, say), or not at all. The table's trigger sends
 * `pg_notify('pu_notifications', user_id)` at commit for each person who got one.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly clock: Clock,
    private readonly signals: NotificationSignals,
  ) {}

  /** The rows that are new; an event already stored for that person is skipped (UNIQUE (user_id, event_key)). */
  async notify(manager: EntityManager, events: NotificationEvent[]): Promise<NotificationRow[]> {
    const rows = await insertNotifications(manager, events, this.clock.now());
    // Without LISTEN (one embedded process) the streams hear it from here; the count is read after the commit.
    this.signals.changedHere(rows.map((r) => r.user_id));
    return rows;
  }
}
