import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, MigrationExecutor } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { liftQueryDeadline } from './guarded-client';
import { migrationDataSourceOptions } from './database-options';

/** Arbitrary constant identifying "schema migration" among advisory locks. */
const MIGRATION_LOCK_KEY = 7_150_1510;

@Injectable()
export class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger(MigrationRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.database.runMigrations) return;
    const ownerOptions = migrationDataSourceOptions(this.config);
    if (!ownerOptions) {
      await runMigrationsLocked(this.dataSource, this.config.database.poolSize > 1);
    } else {
      const owner = await new DataSource(ownerOptions).initialize();
      try {
        await runMigrationsLocked(owner, true);
      } finally {
        await owner.destroy();
      }
    }
    this.logger.log('Database schema is up to date');
  }
}

/**
 * Several replicas may start at once on one PostgreSQL: the first takes the advisory lock and migrates,
 * the others wait and then find nothing to do. Migrations run on that one connection with the request
 * `statement_timeout` and the client-side query deadline lifted: a data migration on a large table may rightly
 * take minutes (and waiting for another replica's lock as long), and cancelling it would stop the app from
 * starting at all. A single-connection pool (embedded) has one process only, so it
 * needs no lock.
 */
export async function runMigrationsLocked(dataSource: DataSource, lock: boolean): Promise<void> {
  const runner = dataSource.createQueryRunner();
  const restoreDeadline = liftQueryDeadline(await runner.connect());
  try {
    await runner.query('SET statement_timeout = 0');
    if (lock) await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    await executor.executePendingMigrations();
  } finally {
    if (lock) await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.query('RESET statement_timeout').catch(() => undefined);
    restoreDeadline();
    await runner.release();
  }
}
