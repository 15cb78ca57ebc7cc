import type { INestApplication } from '@nestjs/common';
import type { Role } from '@pu/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../../api/src/app/auth/password-hasher';
import { DepartmentEntity } from '../../../api/src/app/departments/department.entity';
import { UserEntity } from '../../../api/src/app/users/user.entity';
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
  departments: { a: DepartmentEntity; b: DepartmentEntity };
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
  const db = app.get(DataSource);
  const passwordHash = await app.get(PasswordHasher).hash(TEST_PASSWORD);
  const deps = db.getRepository(DepartmentEntity);
  const a = await deps.save(deps.create({ symbol: `A${letters()}`, name: 'Wydział testowy A' }));
  const b = await deps.save(deps.create({ symbol: `B${letters()}`, name: 'Wydział testowy B' }));
  const tag = suffix();
  const spec: Record<keyof Office['users'], [Role, DepartmentEntity]> = {
    clerkA: ['clerk', a],
    clerkA2: ['clerk', a],
    managerA: ['manager', a],
    clerkB: ['clerk', b],
    managerB: ['manager', b],
    quality: ['quality', a],
    admin: ['admin', a],
  };
  const users = {} as Office['users'];
  for (const [key, [role, dep]] of Object.entries(spec) as [keyof Office['users'], [Role, DepartmentEntity]][]) {
    const username = `${key.toLowerCase()}-${tag}`;
    const saved = await db
      .getRepository(UserEntity)
      .save(
        db
          .getRepository(UserEntity)
          .create({ username, displayName: `${key} ${tag}`, role, departmentId: dep.id, passwordHash }),
      );
    users[key] = { id: saved.id, username, role, departmentId: dep.id };
  }
  return { departments: { a, b }, users, as: (user) => signedIn(app, users[user].username, TEST_PASSWORD) };
}
