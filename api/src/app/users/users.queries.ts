import type { EmailMode, Role, UserLanguage } from '@pu/contracts';
import type { EntityManager } from 'typeorm';

/** A `users` row with its department, as this feature's statements return it (never the password hash). */
export interface UserRow {
  id: string;
  /** Stored lower-case; sign-in is case-insensitive. */
  username: string;
  display_name: string;
  email: string | null;
  email_mode: EmailMode;
  language: UserLanguage;
  role: Role;
  department_id: string;
  department_symbol: string;
  department_name: string;
  disabled: boolean;
  version: number;
  created_at: Date;
}

const SELECT_USERS = `SELECT u.id, u.username, u.display_name, u.email, u.email_mode, u.language, u.role, u.department_id,
    d.symbol AS department_symbol, d.name AS department_name, u.disabled, u.version, u.created_at
  FROM users u JOIN departments d ON d.id = u.department_id`;

export function selectUsers(db: EntityManager): Promise<UserRow[]> {
  return db.query(`${SELECT_USERS} ORDER BY u.username`);
}

export async function selectUser(db: EntityManager, id: string): Promise<UserRow | undefined> {
  const rows: UserRow[] = await db.query(`${SELECT_USERS} WHERE u.id = $1`, [id]);
  return rows[0];
}

export interface NewUser {
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  departmentId: string;
  passwordHash: string;
}

export async function insertUser(db: EntityManager, user: NewUser): Promise<string> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO users (username, display_name, email, role, department_id, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [user.username, user.displayName, user.email, user.role, user.departmentId, user.passwordHash],
  );
  return rows[0].id;
}

export interface UserChange {
  displayName?: string;
  email?: string | null;
  role?: Role;
  departmentId?: string;
  disabled?: boolean;
}

const CHANGE_COLUMNS = {
  displayName: 'display_name',
  email: 'email',
  role: 'role',
  departmentId: 'department_id',
  disabled: 'disabled',
} as const satisfies Record<keyof UserChange, string>;

/** False when `version` is no longer current (or the user does not exist). */
export async function updateUser(db: EntityManager, id: string, version: number, change: UserChange): Promise<boolean> {
  const values: unknown[] = [id, version];
  const assignments = (Object.keys(CHANGE_COLUMNS) as (keyof UserChange)[])
    .filter((field) => change[field] !== undefined)
    .map((field) => `${CHANGE_COLUMNS[field]} = $${values.push(change[field])}`);
  const [, affected]: [unknown[], number] = await db.query(
    `UPDATE users SET ${[...assignments, 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2`,
    values,
  );
  return affected === 1;
}

/** False when there is no such user. */
export async function updatePassword(db: EntityManager, id: string, passwordHash: string): Promise<boolean> {
  const [, affected]: [unknown[], number] = await db.query(
    `UPDATE users SET password_hash = $2, version = version + 1 WHERE id = $1`,
    [id, passwordHash],
  );
  return affected === 1;
}

export async function hasUsers(db: EntityManager): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM users LIMIT 1`);
  return rows.length > 0;
}
