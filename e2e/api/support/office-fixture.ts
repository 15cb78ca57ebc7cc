import type { INestApplication } from '@nestjs/common';
import type { Role } from '@pu/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../../api/src/app/auth/password-hasher';
import { type DepartmentRow, insertDepartment } from '../../../api/src/app/departments/departments.queries';
import { insertUser } from '../../../api/src/app/users/users.queries';
import { ApiClient, signedIn } from './api-client';

export const TEST_PASSWORD = 'Test-haslo-12345';

export interface OfficeUser {
  id: string;
  username: string;
  role: Role;
  departmentId: string;
}

export interface Office {
  /** Two departments, so every test can also try the other department's objects. */
  departments: { a: DepartmentRow; b: DepartmentRow };
  users: Record<'clerkA' | 'clerkA2' | 'managerA' | 'clerkB' | 'managerB' | 'quality' | 'admin', OfficeUser>;
  as(user: keyof Office['users']): Promise<ApiClient>;
}

const suffix = () => randomBytes(3).toString('hex');
const letters = () =>
  Array.from(randomBytes(4))
    .map((b) => String.fromCharCode(65 + (b % 26)))
    .join('');

/** A small office of its own for each test file, with unique names so files never collide. */
export async function createOffice(app: INestApplication): Promise<Office> {
  const db = app.get(DataSource).manager;
  const passwordHash = await app.get(PasswordHasher).hash(TEST_PASSWORD);
  const a = await insertDepartment(db, { symbol: `A${letters()}`, name: 'Wydział testowy A' });
  const b = await insertDepartment(db, { symbol: `B${letters()}`, name: 'Wydział testowy B' });
  const tag = suffix();
  const spec: Record<keyof Office['users'], [Role, DepartmentRow]> = {
    clerkA: ['clerk', a],
    clerkA2: ['clerk', a],
    managerA: ['manager', a],
    clerkB: ['clerk', b],
    managerB: ['manager', b],
    quality: ['quality', a],
    admin: ['admin', a],
  };
  const users = {} as Office['users'];
  for (const [key, [role, dep]] of Object.entries(spec) as [keyof Office['users'], [Role, DepartmentRow]][]) {
    const username = `${key.toLowerCase()}-${tag}`;
    const id = await insertUser(db, {
      username,
      displayName: `${key} ${tag}`,
      email: null,
      role,
      departmentId: dep.id,
      passwordHash,
    });
    users[key] = { id, username, role, departmentId: dep.id };
  }
  return { departments: { a, b }, users, as: (user) => signedIn(app, users[user].username, TEST_PASSWORD) };
}
