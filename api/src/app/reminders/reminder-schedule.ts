import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobQueue, QUEUES } from '../jobs/job-queue';
import { PeriodicJob } from '../jobs/periodic-job';
import { ReminderScan } from './reminder-scan.service';

/** A reminder scan each REMINDER_SCAN_SECONDS, one per interval whatever the number of replicas. */
@Injectable()
export class ReminderSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(@Inject(APP_CONFIG) config: AppConfig, jobs: JobQueue, reminders: ReminderScan) {
    this.job = new PeriodicJob(jobs, new Logger('Reminders'), QUEUES.reminderScan, config.reminders.scanSeconds, () =>
      reminders.scan(),
    );
  }

  onApplicationBootstrap(): Promise<void> {
    return this.job.start();
  }

  beforeApplicationShutdown(): void {
    this.job.stop();
  }

  /** The job's id, or null when a scan of this interval is already queued. */
  requestScan(): Promise<string | null> {
    return this.job.request();
  }
}
