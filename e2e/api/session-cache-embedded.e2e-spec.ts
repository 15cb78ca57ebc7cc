import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app/app.module';
import { SessionChangeListener } from '../../api/src/app/auth/session-change-listener';
import type { SessionUser } from '../../api/src/app/auth/session-user';
import { SessionsService } from '../../api/src/app/auth/sessions.service';
import type { Actor } from '../../api/src/app/common/actor';
import { loadConfig } from '../../api/src/app/config/app-config';
import { PreparedQueries } from '../../api/src/app/database/prepared-queries';
import { DepartmentsService } from '../../api/src/app/departments/departments.service';
import { UsersService } from '../../api/src/app/users/users.service';
import { describeIf } from './support/describe-if';

// PGlite loads Node's modules with import(), which Jest allows only under this flag; npm test sets it for this file.
const vmModules = `${process.env['NODE_OPTIONS'] ?? ''} ${process.execArgv.join(' ')}`.includes(
  '--experimental-vm-modules',
);

/**
 * Without DATABASE_URL the app owns an in-process PGlite: no other process can change it and no listener is
 * opened, so the cache relies on the app's own evictions. Driven through the services: no HTTP server needed.
 */
describeIf(
  vmModules,
  'In-process PGlite needs NODE_OPTIONS=--experimental-vm-modules (npm test runs this file in a step of its own)',
)('Session cache on the embedded database', () => {
  let dataDir: string;
  let app: INestApplicationContext;
  let sessions: SessionsService;
  let users: UsersService;
  let departmentId: string;
  let admin: Actor;
  let serial = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pu-embedded-'));
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: '0', DATA_DIR: dataDir });
    expect(config.session.cache).toBe('local');
    app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false, abortOnError: false });
    sessions = app.get(SessionsService);
    users = app.get(UsersService);
    const [department] = await app
      .get(DataSource)
      .query<{ id: string }[]>(`INSERT INTO departments (symbol, name) VALUES ('EMB', 'Wydział') RETURNING id`);
    departmentId = department.id;
    const adminUser = await signIn('admin');
    admin = { userId: adminUser.user.id, name: adminUser.user.displayName, requestId: null, user: adminUser.user };
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function signIn(role = 'clerk'): Promise<{ token: string; user: SessionUser }> {
    const [row] = await app.get(DataSource).query<{ id: string }[]>(
      `INSERT INTO users (username, display_name, password_hash, role, department_id)
       VALUES ($1, 'Jan Kowalski', 'not-a-hash', $2, $3) RETURNING id`,
      [`user-${++serial}`, role, departmentId],
    );
    const { token } = await sessions.create(row.id, null, null);
    const user = await sessions.resolve(token);
    return { token, user: user! };
  }

  const version = async (userId: string) => (await users.get(userId)).version;

  it('opens no listener and serves a resolved session from memory', async () => {
    expect(app.get(SessionChangeListener).listening).toBe(false);
    const { token } = await signIn();
    const queries = jest.spyOn(app.get(PreparedQueries), 'query');
    try {
      expect(await sessions.resolve(token)).not.toBeNull();
      expect(queries).not.toHaveBeenCalled();
    } finally {
      queries.mockRestore();
    }
  });

  it('a sign-out ends the session at once', async () => {
    const { token } = await signIn();
    await sessions.revokeToken(token);
    expect(await sessions.resolve(token)).toBeNull();
  });

  it('disabling a user or resetting their password ends their sessions at once', async () => {
    const disabled = await signIn();
    await users.update(disabled.user.id, await version(disabled.user.id), { disabled: true }, admin);
    expect(await sessions.resolve(disabled.token)).toBeNull();
    const reset = await signIn();
    await users.resetPassword(reset.user.id, 'Zupelnie-nowe-haslo-3', admin);
    expect(await sessions.resolve(reset.token)).toBeNull();
  });

  it('a new role and a renamed department are in effect at once', async () => {
    const { token, user } = await signIn();
    await users.update(user.id, await version(user.id), { role: 'manager' }, admin);
    expect((await sessions.resolve(token))?.role).toBe('manager');
    const departments = app.get(DepartmentsService);
    await departments.update(departmentId, (await departments.get(departmentId)).version, { name: 'Nowa' }, admin);
    expect((await sessions.resolve(token))?.department.name).toBe('Nowa');
  });
});
