import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { insertDeliveries, type NewDelivery, type SkipReason } from './email-deliveries.queries';
import { notificationEmail } from './email-templates';
import { mailLinks } from './mail-links';
import { selectUnmailedNotifications, type UnmailedNotificationRow } from './notification-emails.queries';

/** A notification older than this when e-mail first sees it (SMTP was off, the workers were) is not mailed late. */
const WINDOW_MS = 24 * 3_600_000;
const BATCH = 500;

/** Why a user gets no e-mail of their own for a notification; null: they do. */
export function skipReason(row: Pick<UnmailedNotificationRow, 'disabled' | 'email' | 'email_mode'>): SkipReason | null {
  if (row.disabled) return 'user_disabled';
  if (row.email_mode === 'off') return 'email_off';
  if (row.email_mode === 'digest') return 'digest_only';
  if (!row.email) return 'no_address';
  return null;
}

/**
 * Turns new notifications into e-mail rows: one per notification (a notification is already one person and one
 * event), pending for those who want each e-mail, skipped with the reason for the others. The row's unique
 * `notification_id` is the promise of "one e-mail per person per event" across replicas.
 */
@Injectable()
export class NotificationEmails {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many e-mail rows were recorded. */
  async enqueueNew(): Promise<number> {
    const links = mailLinks(this.config.mail.publicUrl);
    let recorded = 0;
    for (;;) {
      const now = this.clock.now();
      const rows = await selectUnmailedNotifications(this.db.manager, new Date(now.getTime() - WINDOW_MS), BATCH);
      const deliveries = rows.map((row): NewDelivery => {
        const reason = skipReason(row);
        const email = reason
          ? { subject: '', text: '' }
          : notificationEmail(
              {
                kind: row.kind,
                caseReference: row.case_reference,
                caseKind: row.case_kind,
                dueAt: row.due_at?.toISOString() ?? null,
                link: row.case_id ? links.case(row.case_id) : links.home,
                settingsLink: links.settings,
              },
              row.language,
            );
        return {
          dedupeKey: `notification:${row.id}`,
          kind: 'notification',
          userId: row.user_id,
          notificationId: row.id,
          digestDay: null,
          skipReason: reason,
          recipient: reason ? null : row.email,
          language: row.language,
          subject: email.subject,
          body: email.text,
          messageId: links.messageId(randomUUID()),
        };
      });
      recorded += await insertDeliveries(this.db.manager, deliveries, now);
      if (rows.length < BATCH) return recorded;
    }
  }
}
