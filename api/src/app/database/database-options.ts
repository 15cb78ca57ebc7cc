import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { ClientConfig } from 'pg';
import type { AppConfig } from '../config/app-config';
import { ALL_MIGRATIONS } from '@pu/migrations';
import { ENTITIES } from './entities';
import type { EmbeddedPostgres } from './embedded-postgres';

/** Fail fast when the server is unreachable so requests answer 503 quickly instead of hanging. */
const CONNECT_TIMEOUT_MS = 2000;
const STATEMENT_TIMEOUT_MS = 15000;
const APPLICATION_NAME = 'przyjazny-urzad';

export function typeOrmOptions(config: AppConfig, embedded: EmbeddedPostgres | null): TypeOrmModuleOptions {
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
          extra: { ...pool, statement_timeout: STATEMENT_TIMEOUT_MS, application_name: APPLICATION_NAME },
        }),
    entities: ENTITIES,
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
export function dedicatedClientConfig(config: AppConfig, purpose: string): ClientConfig {
  return {
    connectionString: config.database.url ?? undefined,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    // Tells it apart in pg_stat_activity.
    application_name: `${APPLICATION_NAME}/${purpose}`,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}
