import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The role requests run as should own nothing and be no superuser: an owner can disable the audit log's
 * triggers or drop it. A single URL (the embedded database, a developer's machine) still starts; in
 * production it is said loudly.
 */
@Injectable()
export class DatabaseRoleCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('DatabaseRole');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.env !== 'production') return;
    const rights = await ownerRights(this.db);
    if (!rights) return;
    this.logger.warn(
      `SECURITY WARNING: requests run as database role "${rights.role}", which ${rights.reason}. It can rewrite or ` +
        'drop the audit log. Give DATABASE_URL a role that owns nothing (a member of pu_runtime) and the owner ' +
        'to MIGRATION_DATABASE_URL (see the README, "Database roles").',
    );
  }
}

/** Why the current role has more than the runtime rights, or null when it has only those. */
export async function ownerRights(db: DataSource): Promise<{ role: string; reason: string } | null> {
  const [row] = await db.query<{ role: string; superuser: boolean; owned: number }[]>(
    `SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public'
                AND pg_has_role(current_user, tableowner, 'USAGE')) AS owned`,
  );
  if (!row) return null;
  if (row.superuser) return { role: row.role, reason: 'is a superuser' };
  if (row.owned > 0) return { role: row.role, reason: `owns ${row.owned} of the application's tables` };
  return null;
}
