import type { EmailMode, UserLanguage } from '@pu/contracts';
import type { EntityManager } from 'typeorm';

export interface AccountSettingsRow {
  email: string | null;
  email_mode: EmailMode;
  language: UserLanguage;
  version: number;
}

export async function selectAccountSettings(
  db: EntityManager,
  userId: string,
): Promise<AccountSettingsRow | undefined> {
  const rows: AccountSettingsRow[] = await db.query(
    `SELECT email, email_mode, language, version FROM users WHERE id = $1`,
    [userId],
  );
  return rows[0];
}

export interface AccountSettingsChange {
  emailMode?: EmailMode;
  language?: UserLanguage;
}

/** False when `version` is no longer current. The user row's version: an administrator's edit also moves it. */
export async function updateAccountSettings(
  db: EntityManager,
  userId: string,
  version: number,
  change: AccountSettingsChange,
): Promise<boolean> {
  const [, affected]: [unknown[], number] = await db.query(
    `UPDATE users SET email_mode = COALESCE($3, email_mode), language = COALESCE($4, language), version = version + 1
      WHERE id = $1 AND version = $2`,
    [userId, version, change.emailMode ?? null, change.language ?? null],
  );
  return affected === 1;
}
