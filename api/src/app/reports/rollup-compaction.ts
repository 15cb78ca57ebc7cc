import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobQueue, QUEUES } from '../jobs/job-queue';
import { PeriodicJob } from '../jobs/periodic-job';

/**
 * Folds the rows that case writes append to the report's monthly sums into one per key, each
 * REPORT_ROLLUP_COMPACT_SECONDS (migration 1764001000000): the report is exact without it, only slower to
 * read as the appended rows pile up.
 */
@Injectable()
export class RollupCompaction implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReportRollup');
  private readonly job: PeriodicJob;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    jobs: JobQueue,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.job = new PeriodicJob(jobs, this.logger, QUEUES.reportRollupCompact, config.reportRollupCompactSeconds, () =>
      this.compact(),
    );
  }

  onApplicationBootstrap(): Promise<void> {
    return this.job.start();
  }

  beforeApplicationShutdown(): void {
    this.job.stop();
  }

  /** How many appended rows were folded (0 when another process is compacting). */
  async compact(): Promise<number> {
    const [{ folded }] = await this.db.query<
      Array<{
        folded: number;
      }>
    >(`SELECT case_report_rollup_compact() AS folded`);
    if (folded > 0) this.logger.debug(`Folded ${folded} rows into the report's monthly sums`);
    return folded;
  }
}
