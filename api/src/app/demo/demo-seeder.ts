import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DepartmentEntity } from '../departments/department.entity';
import { UserEntity } from '../users/user.entity';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS } from './demo-office';

/** Arbitrary constant identifying "demo seeding" among advisory locks. */
const DEMO_SEED_LOCK_KEY = 7_150_1511;

/** Creates the demo office, only in demo mode (never in production) and only on a database with no users. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    if (await this.db.getRepository(UserEntity).exists()) return;
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const created = await this.db.transaction(async (m) => {
      // Replicas or workers starting together on an empty database: the first creates the office.
      await m.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK_KEY]);
      if (await m.getRepository(UserEntity).exists()) return false;
      const departments = await m
        .getRepository(DepartmentEntity)
        .save(DEMO_DEPARTMENTS.map((d) => m.getRepository(DepartmentEntity).create(d)));
      const bySymbol = new Map(departments.map((d) => [d.symbol, d.id]));
      await m.getRepository(UserEntity).save(
        DEMO_USERS.map((u) =>
          m.getRepository(UserEntity).create({
            username: u.username,
            displayName: u.displayName,
            role: u.role,
            departmentId: bySymbol.get(u.department),
            passwordHash,
          }),
        ),
      );
      return true;
    });
    if (created)
      this.logger.log(
        `Demo office created: sign in as ${DEMO_USERS.map((u) => u.username).join(', ')} with password ${DEMO_PASSWORD}`,
      );
  }
}
