import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../../../api/src/app/app.module';
import { loadConfig, type AppConfig } from '../../../api/src/app/config/app-config';
import { configureApp, createHttpAdapter } from '../../../api/src/app/configure-app';
import { createAppLogger } from '../../../api/src/app/logging/app-logger';
import { TestClock } from './test-clock';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** The app's clock: `clock.advance(ms)` lets time pass without waiting. */
  clock: TestClock;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Receives the app's log lines (JSON, one per call) instead of stdout. */
  logTo?: { write(line: string): void };
}

/** Boots the real AppModule with the real HTTP pipeline (filters, pipes, guards, CSRF) on the run's database. */
export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = env['DATABASE_URL'] ?? process.env['E2E_DATABASE_URL'];
  if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: run through e2e/api/jest.config.ts');
  // A test that brings its own database (an outage cluster, say) runs with that one role.
  const migrationUrl = env['DATABASE_URL'] ? undefined : process.env['E2E_MIGRATION_DATABASE_URL'];
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'silent',
    DEMO: '0',
    DATABASE_URL: databaseUrl,
    ...(migrationUrl ? { MIGRATION_DATABASE_URL: migrationUrl } : {}),
    DB_POOL_SIZE: process.env['E2E_DB_POOL_SIZE'] ?? '10',
    // PGlite behind its socket server has one backend session for every connection.
    DB_PREPARED_STATEMENTS: process.env['E2E_EMBEDDED'] === '1' ? 'false' : 'true',
    WEB_DIST: '/nonexistent',
    ...env,
  });
  const clock = new TestClock();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, clock),
    createHttpAdapter(config),
    // A failing start-up rejects here with its error instead of ending the Jest worker without a word.
    { logger: false, abortOnError: false },
  );
  await configureApp(app, config, createAppLogger(config.logLevel, options.logTo));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, config, clock, close: () => app.close() };
}
