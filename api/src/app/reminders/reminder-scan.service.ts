import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { reminderThresholds } from '@pu/workflow';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { liftQueryDeadline } from '../database/guarded-client';
import { NotificationSignals } from '../notifications/notification-signals';
import { insertDueReminders } from './reminders.queries';

/** A scan over a million cases takes well under a second; this only stops one that hangs on a lock. */
const SCAN_TIMEOUT = '60s';

export interface ScanResult {
  at: Date;
  added: number;
  people: number;
  ms: number;
}

/**
 * Finds what is coming due and what has passed, and notifies each person once per event. The working-day
 * arithmetic is done here, from the Polish calendar of libs/workflow, into the few instants the statement
 * compares with; PostgreSQL needs no holiday table. Safe to run anywhere, any number of times at once.
 */
@Injectable()
export class ReminderScan {
  private readonly logger = new Logger('Reminders');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly signals: NotificationSignals,
  ) {}

  async scan(): Promise<ScanResult> {
    const started = performance.now();
    const now = this.clock.now();
    const thresholds = reminderThresholds(now, this.config.reminders);
    const runner = this.db.createQueryRunner();
    // The statement is one transaction: a process stopped part-way leaves nothing behind for the next scan to skip.
    const restoreDeadline = liftQueryDeadline(await runner.connect());
    try {
      await runner.startTransaction();
      await runner.query(`SELECT set_config('statement_timeout', $1, true)`, [SCAN_TIMEOUT]);
      const rows = await insertDueReminders(runner.manager, thresholds);
      await runner.commitTransaction();
      this.signals.changedHere(rows.map((r) => r.user_id));
      const result = {
        at: now,
        added: rows.reduce((sum, r) => sum + r.added, 0),
        people: rows.length,
        ms: Math.round(performance.now() - started),
      };
      if (result.added > 0)
        this.logger.log(`Reminder scan: ${result.added} notifications for ${result.people} people in ${result.ms} ms`);
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      restoreDeadline();
      await runner.release();
    }
  }
}
