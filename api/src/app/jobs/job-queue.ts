import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { backoffDelay, type BackoffPolicy } from '../database/backoff';
import { poolOf } from '../database/prepared-queries';

/** pg-boss's schema, created by migration 1764000010000 with every queue below. */
export const JOB_SCHEMA = 'pgboss';

/**
 * The queues the app works. pg-boss makes a table per queue, which the runtime role may not do: a new name
 * here needs a migration that calls `pgboss.create_queue` as the owner (see 1764000010000-CreateJobQueue).
 */
export const QUEUES = { reminderScan: 'reminder-scan', reportRollupCompact: 'report-rollup-compact' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const START_RETRY: BackoffPolicy = { firstMs: 1000, maxMs: 30_000 };

interface Registration {
  name: QueueName;
  handler: (jobs: PgBoss.Job<object>[]) => Promise<unknown>;
  options: PgBoss.WorkOptions;
}

/**
 * pg-boss on the app's own connection pool (so the connection breaker, the statement timeout and the pool's
 * limit apply to it as to requests), with its schema kept by the migrations (`migrate: false`). Workers run in
 * every API process unless `JOBS=false`; any process may send.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly registrations: Registration[] = [];
  private started = false;
  private stopped = false;
  private failures = 0;
  private retry?: NodeJS.Timeout;
  /** Handlers and pg-boss's own statements still under way: shutdown waits for them before the pool closes. */
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() db: DataSource,
  ) {
    const pool = poolOf(db);
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => this.track(pool.query(text, values)) },
      schema: JOB_SCHEMA,
      migrate: false,
      // Maintenance and cron belong to the processes that work jobs.
      supervise: config.jobs,
      schedule: config.jobs,
    });
    this.boss.on('error', (error) => this.logger.warn(`Job queue: ${error.message}`));
  }

  get enabled(): boolean {
    return this.config.jobs;
  }

  /** Registers a worker, started with the queue (now, if it already runs); nothing when `JOBS=false`. */
  async work<T extends object>(
    name: QueueName,
    options: PgBoss.WorkOptions,
    handler: (jobs: PgBoss.Job<T>[]) => Promise<unknown>,
  ): Promise<void> {
    const registration: Registration = {
      name,
      options,
      handler: (jobs) => this.track((handler as Registration['handler'])(jobs)),
    };
    this.registrations.push(registration);
    if (this.started) await this.boss.work(name, options, registration.handler);
  }

  /** The job's id, or null when its singleton or policy made it a duplicate of one already waiting. */
  send(name: QueueName, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
    return this.boss.send(name, data, options);
  }

  /**
   * A cron schedule (e.g. `'30 7 * * 1-5'` with `tz: 'Europe/Warsaw'`): pg-boss sends the job once per tick,
   * whichever replica's clock monitor sees it first. Stored in the database, so calling it again replaces it.
   */
  schedule(name: QueueName, cron: string, data: object = {}, options: PgBoss.ScheduleOptions = {}): Promise<void> {
    return this.boss.schedule(name, cron, data, options);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.jobs) await this.start();
  }

  /** Before the pool closes (it is TypeORM's): running jobs finish or fail, so another process retries them. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    if (this.started) {
      this.started = false;
      await this.boss
        .stop({ close: false, graceful: true, timeout: 5000, wait: true })
        .catch((error: Error) => this.logger.warn(`Job queue did not stop cleanly: ${error.message}`));
    }
    // A handler that settles makes pg-boss record it (complete or fail), which is another statement to wait for.
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.finally(() => this.running.delete(work)).catch(() => undefined);
    return work;
  }

  /** Does not fail start-up: the API serves requests while the database or the queue is away, and retries. */
  private async start(): Promise<void> {
    try {
      await this.boss.start();
      for (const r of this.registrations) await this.boss.work(r.name, r.options, r.handler);
      this.started = true;
      if (this.failures > 0) this.logger.log(`Job queue started after ${this.failures} attempts`);
    } catch (error) {
      if (this.stopped) return;
      this.failures++;
      if (this.failures === 1)
        this.logger.warn(`Job queue not started (${(error as Error).message}); retrying with backoff`);
      this.retry = setTimeout(() => void this.start(), backoffDelay(START_RETRY, this.failures)).unref();
    }
  }
}
