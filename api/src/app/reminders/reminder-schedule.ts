import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobQueue, QUEUES } from '../jobs/job-queue';
import { ReminderScan } from './reminder-scan.service';

/**
 * Every working process asks for a scan each REMINDER_SCAN_SECONDS; pg-boss keeps one job per interval
 * (`singletonSeconds`) and the queue's "stately" policy at most one waiting, so N replicas cause one scan, which
 * any of them runs. A job lost with its process is retried: the scan is idempotent.
 */
@Injectable()
export class ReminderSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly reminders: ReminderScan,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.jobs.enabled) return;
    await this.jobs.work(QUEUES.reminderScan, { batchSize: 1 }, async () => {
      await this.reminders.scan();
    });
    this.timer = setInterval(() => void this.requestScan(), this.config.reminders.scanSeconds * 1000).unref();
    void this.requestScan();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The job's id, or null when a scan of this interval is already queued. */
  async requestScan(): Promise<string | null> {
    const seconds = this.config.reminders.scanSeconds;
    try {
      return await this.jobs.send(
        QUEUES.reminderScan,
        {},
        { singletonKey: 'scan', singletonSeconds: seconds, expireInSeconds: Math.max(60, seconds * 2) },
      );
    } catch (error) {
      this.logger.warn(`Reminder scan not queued: ${(error as Error).message}`);
      return null;
    }
  }
}
