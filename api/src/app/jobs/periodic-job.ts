import type { Logger } from '@nestjs/common';
import type { JobQueue, QueueName } from './job-queue';

/**
 * A job every working process asks for each `seconds`: pg-boss keeps one per interval (`singletonSeconds`) and
 * the queue's "stately" policy at most one waiting, so N replicas cause one run, which any of them works. A job
 * lost with its process is retried, so `run` must be idempotent.
 */
export class PeriodicJob {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly jobs: JobQueue,
    private readonly logger: Logger,
    private readonly name: QueueName,
    private readonly seconds: number,
    private readonly run: () => Promise<unknown>,
  ) {}

  async start(): Promise<void> {
    if (!this.jobs.enabled) return;
    await this.jobs.work(this.name, { batchSize: 1 }, async () => {
      await this.run();
    });
    this.timer = setInterval(() => void this.request(), this.seconds * 1000).unref();
    void this.request();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The job's id, or null when one of this interval is already queued. */
  async request(): Promise<string | null> {
    try {
      return await this.jobs.send(
        this.name,
        {},
        { singletonKey: this.name, singletonSeconds: this.seconds, expireInSeconds: Math.max(60, this.seconds * 2) },
      );
    } catch (error) {
      this.logger.warn(`${this.name} not queued: ${(error as Error).message}`);
      return null;
    }
  }
}
