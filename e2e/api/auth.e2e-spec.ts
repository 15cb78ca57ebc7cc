import { SESSION_COOKIE } from '@pu/contracts';
import { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { statusWithin } from './support/eventually';
import { createOffice, type Office, TEST_PASSWORD } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

describe('Sign-in and sessions', () => {
  let t: TestApp;
  let office: Office;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
  });
  afterAll(() => t.close());

  it('signs in each role and answers /me', async () => {
    for (const key of ['clerkA', 'managerA', 'quality', 'admin'] as const) {
      const client = await office.as(key);
      const me = await client.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ username: office.users[key].username, role: office.users[key].role });
    }
  });

  it('sets an HttpOnly, SameSite=Strict session cookie with at least 128 random bits', async () => {
    const res = await new ApiClient(t.app).login(office.users.clerkA.username, TEST_PASSWORD);
    const cookie = ([] as string[]).concat(res.headers['set-cookie']).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const token = cookie!.split(';')[0].split('=')[1];
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const wrong = await new ApiClient(t.app).login(office.users.clerkA2.username, 'wrong-password-1');
    const unknown = await new ApiClient(t.app).login(`nobody-${Date.now()}`, 'wrong-password-1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('takes similar time whether the user exists or not', async () => {
    const time = async (username: string) => {
      const started = process.hrtime.bigint();
      await new ApiClient(t.app).login(username, 'wrong-password-2');
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(office.users.managerB.username));
      unknown.push(await time(`ghost-${i}-${Date.now()}`));
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[1];
    // Both paths verify an argon2id hash; a missing verification would be several times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
  });

  it('locks an account after repeated failures, with the same answer for a user that does not exist', async () => {
    const ghost = `ghost-lock-${Date.now()}`;
    for (let i = 0; i < 5; i++) {
      await new ApiClient(t.app).login(office.users.managerB.username, `bad-${i}-password`);
      await new ApiClient(t.app).login(ghost, `bad-${i}-password`);
    }
    const locked = await new ApiClient(t.app).login(office.users.managerB.username, TEST_PASSWORD);
    const lockedGhost = await new ApiClient(t.app).login(ghost, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(lockedGhost.status).toBe(429);
    expect(locked.body).toEqual(lockedGhost.body);
  });

  it('rotates the session at sign-in and revokes it server-side at sign-out', async () => {
    const client = await office.as('clerkA2');
    const before = await client.get('/api/auth/me');
    expect(before.status).toBe(200);
    const stolen = ([] as string[]).concat(
      (await client.login(office.users.clerkA2.username, TEST_PASSWORD)).headers['set-cookie'],
    );
    const token = stolen.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0];
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    // Replaying the cookie after sign-out must fail: the session is gone on the server, not just in the browser.
    const replay = await new ApiClient(t.app).raw().get('/api/auth/me').set('Cookie', token);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('UNAUTHENTICATED');
  });

  it('ends an idle session after the idle timeout', async () => {
    const client = await office.as('clerkB');
    await t.app
      .get(DataSource)
      .query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [
        office.users.clerkB.id,
      ]);
    // Changed behind the app's back: a cached session is evicted when the trigger's notification arrives.
    expect(await statusWithin(() => client.get('/api/auth/me'), 401)).toBe(401);
  });

  it('ends a session at its absolute limit even when active', async () => {
    const client = await office.as('quality');
    await t.app
      .get(DataSource)
      .query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
        office.users.quality.id,
      ]);
    expect(await statusWithin(() => client.get('/api/auth/me'), 401)).toBe(401);
  });

  it('honours a session revoked directly in the database', async () => {
    const client = await office.as('managerA');
    expect((await client.get('/api/auth/me')).status).toBe(200);
    await t.app
      .get(DataSource)
      .query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
        office.users.managerA.id,
      ]);
    expect(await statusWithin(() => client.get('/api/auth/me'), 401)).toBe(401);
  });

  it('rejects a state change without the CSRF header', async () => {
    const client = await office.as('admin');
    const res = await client.raw().post('/api/admin/departments').send({ symbol: 'CSRF', name: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('answers 401 without a session and 403 for the wrong role', async () => {
    expect((await new ApiClient(t.app).get('/api/admin/users')).status).toBe(401);
    const clerk = await office.as('clerkA');
    const res = await clerk.get('/api/admin/users');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  // Last in this file: it moves the app's clock past every session's idle limit.
  it('ends an idle session once the clock passes the idle timeout, cached or not', async () => {
    const client = await office.as('clerkA2');
    expect((await client.get('/api/auth/me')).status).toBe(200);
    t.clock.advance((t.config.session.idleMinutes - 1) * 60_000);
    // Still within the limit: the request touches the session, so the limit starts again from here.
    expect((await client.get('/api/auth/me')).status).toBe(200);
    t.clock.advance((t.config.session.idleMinutes - 1) * 60_000);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    t.clock.advance(t.config.session.idleMinutes * 60_000 + 1_000);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });
});
