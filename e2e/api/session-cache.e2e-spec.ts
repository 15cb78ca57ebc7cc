import type { INestApplication } from '@nestjs/common';
import { SESSION_COOKIE } from '@pu/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SessionChangeListener } from '../../api/src/app/auth/session-change-listener';
import { PreparedQueries } from '../../api/src/app/database/prepared-queries';
import { ApiClient } from './support/api-client';
import { describeIf } from './support/describe-if';
import { statusWithin, waitUntil } from './support/eventually';
import { createOffice, type Office, TEST_PASSWORD } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

// PGlite behind its socket serves one connection, so there is neither a second replica nor a listener.
const describeReplicas = describeIf(
  process.env['E2E_EMBEDDED'] !== '1',
  'Two replicas need a PostgreSQL server (set DATABASE_URL): the embedded PGlite serves one connection',
);

describeReplicas('Session cache with two replicas on one database', () => {
  let a: TestApp;
  let b: TestApp;
  let office: Office;
  let admin: ApiClient;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
    office = await createOffice(a.app);
    admin = await office.as('admin');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const me = (app: INestApplication, cookie: string) =>
    request(app.getHttpServer()).get('/api/auth/me').set('Cookie', cookie);

  /** Signs in through replica A and returns the session cookie once B has served it from its cache. */
  async function signedInThroughA(user: keyof Office['users']): Promise<{ cookie: string; client: ApiClient }> {
    const client = new ApiClient(a.app);
    const res = await client.login(office.users[user].username, TEST_PASSWORD);
    expect(res.status).toBe(200);
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'])
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
      .split(';')[0];
    await servedFromCache(b.app, cookie);
    return { cookie, client };
  }

  /** Other test files share the database, and their changes may empty the cache at any time: a few tries. */
  async function servedFromCache(app: INestApplication, cookie: string): Promise<void> {
    const queries = jest.spyOn(app.get(PreparedQueries), 'query');
    try {
      for (let i = 0; i < 5; i++) {
        queries.mockClear();
        expect((await me(app, cookie)).status).toBe(200);
        if (!queries.mock.calls.some(([sql]) => sql.includes('FROM sessions'))) return;
      }
      throw new Error('the session was never served from the cache');
    } finally {
      queries.mockRestore();
    }
  }

  it('listens on both replicas', () => {
    expect(a.app.get(SessionChangeListener).listening).toBe(true);
    expect(b.app.get(SessionChangeListener).listening).toBe(true);
  });

  it('a sign-out through A ends the session on B', async () => {
    const { cookie, client } = await signedInThroughA('clerkA');
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect(await statusWithin(() => me(b.app, cookie), 401)).toBe(401);
  });

  it('disabling a user through A ends their session on B', async () => {
    const { cookie } = await signedInThroughA('clerkB');
    const user = (await admin.get(`/api/admin/users/${office.users.clerkB.id}`)).body;
    const res = await admin.patch(
      `/api/admin/users/${user.id}`,
      { disabled: true },
      { 'If-Match': `"${user.version}"` },
    );
    expect(res.status).toBe(200);
    expect(await statusWithin(() => me(b.app, cookie), 401)).toBe(401);
  });

  it('a role change through A is in effect on B', async () => {
    const { cookie } = await signedInThroughA('clerkA2');
    const user = (await admin.get(`/api/admin/users/${office.users.clerkA2.id}`)).body;
    const res = await admin.patch(
      `/api/admin/users/${user.id}`,
      { role: 'manager' },
      { 'If-Match': `"${user.version}"` },
    );
    expect(res.status).toBe(200);
    const started = Date.now();
    while ((await me(b.app, cookie)).body.role !== 'manager' && Date.now() - started < 2000) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await me(b.app, cookie)).body.role).toBe('manager');
  });

  it('a session revoked while B is not listening is not served from its cache', async () => {
    const { cookie } = await signedInThroughA('managerB');
    const listener = b.app.get(SessionChangeListener);
    const db = a.app.get(DataSource);
    // Ends every listener of this role on this database, as a network failure or a server restart would. (Another
    // test file's app may listen here as the owner, whose backends a runtime role may not end.)
    await db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'przyjazny-urzad/pu_session_changes'
          AND usename = current_user`,
    );
    await waitUntil(() => !listener.listening);
    await db.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [office.users.managerB.id]);
    // The notification went to no one: B must ask the database, whether or not it has reconnected by now.
    expect((await me(b.app, cookie)).status).toBe(401);
    await waitUntil(() => listener.listening, 15_000);
    await signedInThroughA('managerA');
  });
});
