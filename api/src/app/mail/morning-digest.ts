import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { endOfWarsawDay, type LocalDate } from '@pu/workflow';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { liftQueryDeadline } from '../database/guarded-client';
import { digestDayDue } from './digest-schedule';
import { insertDeliveries, type NewDelivery } from './email-deliveries.queries';
import { digestEmail, type DigestItem } from './email-templates';
import { mailLinks } from './mail-links';
import {
  digestDayDone,
  recordDigestDay,
  selectDigestItems,
  selectDigestRecipients,
  selectDigestTotals,
  type DigestItemRow,
} from './morning-digest.queries';

/** A digest lists at most this many lines (overdue first); the rest is one link to the list away. */
export const DIGEST_MAX_ITEMS = 50;
/** A background statement over every open case: longer than a request's 3 s. */
const DIGEST_STATEMENT_TIMEOUT = '60s';
/** The digest's one statement ranks and counts in memory, not on disk. */
const DIGEST_WORK_MEM = '64MB';

/**
 * The morning digest: on each working morning, once the Warsaw clock passes DIGEST_AT, one e-mail per person of
 * everything due that day and overdue. `email_deliveries` is unique on (user, day), so a person gets one digest
 * a day however many replicas build it and however often; `digest_days` lets later rounds skip the work.
 */
@Injectable()
export class MorningDigest {
  private readonly logger = new Logger(MorningDigest.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Builds this morning's digests if they are due and not yet built; returns how many were recorded. */
  async buildIfDue(): Promise<number> {
    const now = this.clock.now();
    const day = digestDayDue(now, this.config.mail.digestAtMinutes);
    if (!day || (await digestDayDone(this.db.manager, day))) return 0;
    return this.build(day, now);
  }

  async build(day: LocalDate, now: Date): Promise<number> {
    const runner = this.db.createQueryRunner();
    const restoreDeadline = liftQueryDeadline(await runner.connect());
    try {
      await runner.query(`SELECT set_config('statement_timeout', $1, false), set_config('work_mem', $2, false)`, [
        DIGEST_STATEMENT_TIMEOUT,
        DIGEST_WORK_MEM,
      ]);
      const m = runner.manager;
      const recipients = await selectDigestRecipients(m);
      const userIds = recipients.map((r) => r.id);
      const items = await selectDigestItems(m, userIds, now, endOfWarsawDay(day), DIGEST_MAX_ITEMS);
      const totals = new Map(
        (await selectDigestTotals(m, userIds, now, endOfWarsawDay(day))).map((t) => [t.user_id, t.total]),
      );
      const byUser = new Map<string, Omit<DigestItemRow, 'total'>[]>();
      for (const item of items) byUser.set(item.user_id, [...(byUser.get(item.user_id) ?? []), item]);
      const links = mailLinks(this.config.mail.publicUrl);
      const deliveries: NewDelivery[] = [];
      for (const r of recipients) {
        const mine = byUser.get(r.id);
        if (!mine?.length) continue;
        const email = digestEmail(
          {
            day,
            items: mine.map((i): DigestItem => ({
              what: i.what,
              caseReference: i.reference,
              caseKind: i.case_kind,
              dueAt: i.due_at.toISOString(),
              overdue: i.overdue,
              link: links.case(i.case_id),
            })),
            total: totals.get(r.id) ?? mine.length,
            listLink: links.cases,
            settingsLink: links.settings,
          },
          r.language,
        );
        deliveries.push({
          dedupeKey: `digest:${r.id}:${day}`,
          kind: 'digest',
          userId: r.id,
          notificationId: null,
          digestDay: day,
          skipReason: null,
          recipient: r.email,
          language: r.language,
          subject: email.subject,
          body: email.text,
          messageId: links.messageId(randomUUID()),
        });
      }
      const recorded = await insertDeliveries(m, deliveries, now);
      await recordDigestDay(m, day, deliveries.length, this.clock.now());
      if (recorded > 0) this.logger.log(`Morning digest ${day}: ${recorded} e-mails recorded`);
      return recorded;
    } finally {
      await runner.query(`RESET statement_timeout`).catch(() => undefined);
      await runner.query(`RESET work_mem`).catch(() => undefined);
      restoreDeadline();
      await runner.release();
    }
  }
}
