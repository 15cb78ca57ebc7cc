import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ALL_MIGRATIONS } from '@pu/migrations';
import type { ConnectionBreaker } from './connection-breaker';
import type { EmbeddedPostgres } from './embedded-postgres';
import { GuardedClient, type GuardedClientConfig } from './guarded-client';

/**
 * Against a server that is gone or frozen, a request answers 503 within about 4 s instead of hanging: a new
 * connection gets 2 s (also the longest wait for a free one in the pool); a query the server leaves unanswered
 * is given up client-side after 4 s. The server cancels a merely slow statement first, at 3 s: that is an error
 * of the request, not an outage.
 */
const CONNECT_TIMEOUT_MS = 2000;
const STATEMENT_TIMEOUT_MS = 3000;
const QUERY_DEADLINE_MS = 4000;
const APPLICATION_NAME = 'przyjazny-urzad';

export function typeOrmOptions(
  config: AppConfig,
  embedded: EmbeddedPostgres | null,
  breaker: ConnectionBreaker,
): TypeOrmModuleOptions {
  const pool = {
    max: config.database.poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30000,
  };
  return {
    type: 'postgres',
    ...(embedded
      ? { extra: { ...embedded.pgConfig, ...pool } }
      : {
          url: config.database.url ?? undefined,
          extra: {
            ...pool,
            // The pool makes its connections with this class (pg-pool's `Client` option), passing it these options.
            Client: GuardedClient,
            breaker,
            queryDeadlineMs: QUERY_DEADLINE_MS,
            statement_timeout: STATEMENT_TIMEOUT_MS,
            application_name: APPLICATION_NAME,
          },
        }),
    // No entities: every feature writes its SQL in its own <feature>.queries.ts (README, "Where things are").
    entities: [],
    migrations: ALL_MIGRATIONS,
    // Migrations are run by MigrationRunner under an advisory lock, so replicas starting together don't race.
    migrationsRun: false,
    synchronize: false,
    retryAttempts: 10,
    retryDelay: 1000,
    // TypeORM's own logger prints query parameters (password hashes, clients' data); errors reach our filter instead.
    logging: false,
  };
}

/**
 * A connection of its own, outside the pool, to the same server (LISTEN holds its session for good). TCP
 * keepalive stops a firewall from silently dropping it while no notification comes.
 */
export function dedicatedClientConfig(
  config: AppConfig,
  breaker: ConnectionBreaker,
  purpose: string,
): GuardedClientConfig {
  return {
    connectionString: config.database.url ?? undefined,
    breaker,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    queryDeadlineMs: QUERY_DEADLINE_MS,
    // Tells it apart in pg_stat_activity.
    application_name: `${APPLICATION_NAME}/${purpose}`,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

/**
 * The schema owner's connection (`MIGRATION_DATABASE_URL`), used only to migrate at start-up and closed after:
 * requests run as `DATABASE_URL`'s role, which owns nothing. One connection, no statement timeout (a data
 * migration may rightly take minutes).
 */
export function migrationDataSourceOptions(config: AppConfig): DataSourceOptions | null {
  if (!config.database.migrationUrl) return null;
  return {
    type: 'postgres',
    url: config.database.migrationUrl,
    extra: { max: 1, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: `${APPLICATION_NAME}/migrations` },
    migrations: ALL_MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  };
}
