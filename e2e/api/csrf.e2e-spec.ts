import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@pu/contracts';
import request, { type Response } from 'supertest';
import { ApiClient } from './support/api-client';
import { caseRequest } from './support/cases';
import { createOffice, type Office, TEST_PASSWORD } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

function cookieValue(res: Response, name: string): string | undefined {
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`));
  return cookie?.split(';')[0].slice(name.length + 1);
}

describe('CSRF token bound to the session', () => {
  let t: TestApp;
  let office: Office;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
  });
  afterAll(() => t.close());

  /** A request carrying exactly the given cookies and CSRF header, as an attacker could arrange them. */
  const createCaseWith = (cookies: Record<string, string>, header: string) =>
    request(t.app.getHttpServer())
      .post('/api/cases')
      .set(
        'Cookie',
        Object.entries(cookies)
          .map(([name, value]) => `${name}=${value}`)
          .join('; '),
      )
      .set(CSRF_HEADER, header)
      .send(caseRequest('complaint'));

  /** Signs in with a CSRF cookie chosen beforehand (planted) and returns the session token and the token issued. */
  async function signInWithPlanted(username: string, planted: string): Promise<{ session: string; issued: string }> {
    const res = await request(t.app.getHttpServer())
      .post('/api/auth/login')
      .set('Cookie', `${CSRF_COOKIE}=${planted}`)
      .set(CSRF_HEADER, planted)
      .send({ username, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    return { session: cookieValue(res, SESSION_COOKIE)!, issued: cookieValue(res, CSRF_COOKIE)! };
  }

  it('replaces a token planted before sign-in, refuses it after sign-in with a clear message, and accepts the new one', async () => {
    const planted = 'planted-by-someone-else-0123456789';
    const { session, issued } = await signInWithPlanted(office.users.clerkA.username, planted);
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);

    const refused = await createCaseWith({ [SESSION_COOKIE]: session, [CSRF_COOKIE]: planted }, planted);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'CSRF_TOKEN_INVALID' });
    expect(refused.body.message).toMatch(/nie należy do tej sesji/);

    const accepted = await createCaseWith({ [SESSION_COOKIE]: session, [CSRF_COOKIE]: issued }, issued);
    expect(accepted.status).toBe(201);
  });

  it("refuses session A's token in session B", async () => {
    const a = await signInWithPlanted(office.users.clerkA.username, 'anonymous-token-a');
    const b = await signInWithPlanted(office.users.clerkA2.username, 'anonymous-token-b');
    expect(a.issued).not.toBe(b.issued);
    const crossed = await createCaseWith({ [SESSION_COOKIE]: b.session, [CSRF_COOKIE]: a.issued }, a.issued);
    expect(crossed.status).toBe(403);
    expect(crossed.body.code).toBe('CSRF_TOKEN_INVALID');
    expect((await createCaseWith({ [SESSION_COOKIE]: b.session, [CSRF_COOKIE]: b.issued }, b.issued)).status).toBe(201);
  });

  it('gives a new token at every sign-in, also for the same user in the same browser', async () => {
    const client = new ApiClient(t.app);
    const before = await client.currentCsrfToken();
    const first = cookieValue(await client.login(office.users.managerA.username, TEST_PASSWORD), CSRF_COOKIE);
    const second = cookieValue(await client.login(office.users.managerA.username, TEST_PASSWORD), CSRF_COOKIE);
    expect(new Set([before, first, second]).size).toBe(3);
    expect((await client.post('/api/cases', caseRequest('refusal'))).status).toBe(201);
  });

  it('rotates the token at sign-out', async () => {
    const client = await office.as('clerkB');
    const sessionToken = await client.currentCsrfToken();
    const out = await client.post('/api/auth/logout');
    expect(out.status).toBe(204);
    const after = cookieValue(out, CSRF_COOKIE);
    expect(after).toBeDefined();
    expect(after).not.toBe(sessionToken);
    // Signing in again works with the token given at sign-out.
    expect((await client.login(office.users.clerkB.username, TEST_PASSWORD)).status).toBe(200);
  });

  it("answers a refusal within a session with the session's token, so the SPA's one retry succeeds", async () => {
    const { session, issued } = await signInWithPlanted(office.users.quality.username, 'stale-before-sign-in');
    const refused = await createCaseWith(
      { [SESSION_COOKIE]: session, [CSRF_COOKIE]: 'stale-before-sign-in' },
      'stale-before-sign-in',
    );
    expect(refused.status).toBe(403);
    expect(cookieValue(refused, CSRF_COOKIE)).toBe(issued);
    // A browser holding a token, right or wrong, gets no new one on a read.
    const read = await request(t.app.getHttpServer())
      .get('/api/health')
      .set('Cookie', `${SESSION_COOKIE}=${session}; ${CSRF_COOKIE}=${issued}`);
    expect(cookieValue(read, CSRF_COOKIE)).toBeUndefined();
    // One without gets the session's.
    const fresh = await request(t.app.getHttpServer()).get('/api/health').set('Cookie', `${SESSION_COOKIE}=${session}`);
    expect(cookieValue(fresh, CSRF_COOKIE)).toBe(issued);
  });

  it('still refuses a state change without the header, with or without a session', async () => {
    const client = await office.as('admin');
    const res = await client.raw().post('/api/admin/departments').send({ symbol: 'CSRF', name: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_TOKEN_INVALID');
    const anonymous = await request(t.app.getHttpServer())
      .post('/api/auth/login')
      .set('Cookie', `${CSRF_COOKIE}=abc`)
      .send({ username: 'x', password: 'y' });
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.code).toBe('CSRF_TOKEN_INVALID');
  });
});
