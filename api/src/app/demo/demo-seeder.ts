import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { insertDepartment } from '../departments/departments.queries';
import { hasUsers, insertUser } from '../users/users.queries';
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
    if (await hasUsers(this.db.manager)) return;
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const created = await this.db.transaction(async (m) => {
      // Replicas or workers starting together on an empty database: the first creates the office.
      await m.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK_KEY]);
      if (await hasUsers(m)) return false;
      const bySymbol = new Map<string, string>();
      for (const d of DEMO_DEPARTMENTS) bySymbol.set(d.symbol, (await insertDepartment(m, d)).id);
      for (const u of DEMO_USERS) {
        const departmentId = bySymbol.get(u.department);
        if (!departmentId) throw new Error(`Demo user ${u.username} names an unknown department ${u.department}`);
        await insertUser(m, {
          username: u.username,
          displayName: u.displayName,
          email: u.email,
          role: u.role,
          departmentId,
          passwordHash,
        });
      }
      return true;
    });
    if (created)
      this.logger.log(
        `Demo office created: sign in as ${DEMO_USERS.map((u) => u.username).join(', ')} with password ${DEMO_PASSWORD}`,
      );
  }
}
