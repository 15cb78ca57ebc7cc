import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ConnectionBreaker } from './connection-breaker';
import { DatabaseOutageLog } from './database-outage-log';
import { typeOrmOptions } from './database-options';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { DatabaseRoleCheck } from './database-role-check';
import { MigrationRunner } from './migration-runner';
import { PreparedQueries } from './prepared-queries';

export const EMBEDDED_POSTGRES = Symbol('EMBEDDED_POSTGRES');

@Global()
@Module({
  providers: [
    {
      provide: EMBEDDED_POSTGRES,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.database.url ? null : startEmbeddedPostgres(config.database.dataDir)),
    },
  ],
  exports: [EMBEDDED_POSTGRES],
})
class EmbeddedPostgresModule implements OnApplicationShutdown {
  constructor(@Inject(EMBEDDED_POSTGRES) private readonly embedded: EmbeddedPostgres | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.close();
  }
}

/** One breaker for every connection of the process to PostgreSQL (see ConnectionBreaker). */
@Global()
@Module({
  providers: [{ provide: ConnectionBreaker, useFactory: () => new ConnectionBreaker() }, DatabaseOutageLog],
  exports: [ConnectionBreaker, DatabaseOutageLog],
})
class ConnectionGuardModule {}

@Global()
@Module({
  imports: [
    EmbeddedPostgresModule,
    ConnectionGuardModule,
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG, EMBEDDED_POSTGRES, ConnectionBreaker],
      useFactory: typeOrmOptions,
    }),
  ],
  providers: [MigrationRunner, DatabaseRoleCheck, PreparedQueries],
  exports: [PreparedQueries],
})
export class DatabaseModule {}
