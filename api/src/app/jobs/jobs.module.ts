import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue';

/** The job queue on the app's PostgreSQL (pg-boss). */
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
