import type { Response } from 'supertest';
import { DEVICE_COOKIE } from '../../api/src/app/auth/device-cookies';
import { ApiClient } from './support/api-client';
import { createOffice, type Office, TEST_PASSWORD } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/** One address per test, so the address locks of one test never reach another (or another file's). */
let addressCounter = 0;
const freshAddress = () => `198.51.${process.pid % 250}.${++addressCounter}`;
const ADDRESS_LIMIT = 30;

function cookieOf(res: Response, name: string): string | undefined {
  return ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`));
}

/** What a client can tell apart: status, body and whether a device cookie came back. */
const pick = (res: Response) => ({
  status: res.status,
  body: res.body as unknown,
  deviceCookie: cookieOf(res, DEVICE_COOKIE) !== undefined,
});

describe('Sign-in throttling with device cookies', () => {
  let t: TestApp;
  let office: Office;

  beforeAll(async () => {
    // Behind one trusted proxy the client address comes from X-Forwarded-For, as behind the office's load balancer.
    t = await createTestApp({ TRUST_PROXY: '1' });
    office = await createOffice(t.app);
  });
  afterAll(() => t.close());

  /** A browser in the office: its own cookies, the office's one public address. */
  const browser = (address: string) => {
    const client = new ApiClient(t.app);
    const from = { 'X-Forwarded-For': address };
    return {
      client,
      signIn: (username: string, password = TEST_PASSWORD) => client.login(username, password, from),
    };
  };

  /** Failures for many names from machines without cookies, until the address is locked (four at a time). */
  async function lockAddress(address: string): Promise<void> {
    for (let i = 0; i < ADDRESS_LIMIT + 2; i += 4) {
      const batch = [0, 1, 2, 3].map((j) => browser(address).signIn(`sprayed-${i + j}-${address}`, 'guessed-password'));
      const statuses = (await Promise.all(batch)).map((res) => res.status);
      expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    }
  }

  it('issues an HttpOnly, SameSite=Strict device cookie sent to the sign-in endpoint only', async () => {
    const res = await browser(freshAddress()).signIn(office.users.clerkA.username);
    expect(res.status).toBe(200);
    const cookie = cookieOf(res, DEVICE_COOKIE);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/login/i);
    expect(cookie).toMatch(/Max-Age=\d{7,}/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  describe('from an office address locked by 30+ failures', () => {
    const address = freshAddress();
    let trusted: ReturnType<typeof browser>;
    let shared: ReturnType<typeof browser>;
    let adminCookie: string;

    beforeAll(async () => {
      // Browsers in the office that signed in before the attack.
      trusted = browser(address);
      expect((await trusted.signIn(office.users.clerkA.username)).status).toBe(200);
      expect((await trusted.client.post('/api/auth/logout')).status).toBe(204);
      shared = browser(address);
      expect((await shared.signIn(office.users.clerkB.username)).status).toBe(200);
      expect((await shared.signIn(office.users.managerB.username)).status).toBe(200);
      const admin = await browser(address).signIn(office.users.admin.username);
      adminCookie = cookieOf(admin, DEVICE_COOKIE)!
        .split(';')[0]
        .slice(DEVICE_COOKIE.length + 1);
      await lockAddress(address);
    });

    it('refuses a browser without a device cookie, even with the right password', async () => {
      const stranger = await browser(address).signIn(office.users.clerkA.username);
      expect(stranger.status).toBe(429);
      expect(stranger.body.code).toBe('TOO_MANY_ATTEMPTS');
    });

    it('lets a browser that signed the user in before sign in again', async () => {
      expect((await trusted.signIn(office.users.clerkA.username)).status).toBe(200);
      expect((await trusted.client.get('/api/auth/me')).body.username).toBe(office.users.clerkA.username);
    });

    it('does not let a device cookie for one user help another user', async () => {
      expect((await trusted.signIn(office.users.managerA.username)).status).toBe(429);
      expect((await trusted.signIn(office.users.clerkA.username)).status).toBe(200);
    });

    it('keeps the entries of several users who share one computer', async () => {
      expect((await shared.signIn(office.users.clerkB.username)).status).toBe(200);
      expect((await shared.signIn(office.users.managerB.username)).status).toBe(200);
    });

    it('ignores a forged or altered device cookie', async () => {
      const [userId, issuedAt, nonce, signature] = adminCookie.split('.');
      const forged = [
        `${userId}.${issuedAt}.${nonce}.${signature.slice(0, -2)}AA`,
        `${userId}.${Number(issuedAt) + 1}.${nonce}.${signature}`,
        `${office.users.managerA.id}.${issuedAt}.${nonce}.${signature}`,
        'x'.repeat(5_000),
      ];
      for (const cookie of [adminCookie, ...forged]) {
        const attempt = await new ApiClient(t.app)
          .raw()
          .post('/api/auth/login')
          .set('X-Forwarded-For', address)
          .set('Cookie', `${DEVICE_COOKIE}=${cookie}; XSRF-TOKEN=t`)
          .set('X-XSRF-TOKEN', 't')
          .send({ username: office.users.admin.username, password: TEST_PASSWORD });
        // The genuine cookie (tried first) signs in; every altered one is an unknown client at a locked address.
        expect(attempt.status).toBe(cookie === adminCookie ? 200 : 429);
      }
    });

    it('answers alike for a known and an unknown user, with a device cookie or without', async () => {
      const ghost = `ghost-${Date.now()}`;
      const lockedKnown = pick(await trusted.signIn(office.users.managerA.username));
      expect(lockedKnown).toEqual({
        status: 429,
        body: expect.objectContaining({ code: 'TOO_MANY_ATTEMPTS' }),
        deviceCookie: false,
      });
      expect(pick(await trusted.signIn(ghost))).toEqual(lockedKnown);
      expect(pick(await browser(address).signIn(ghost))).toEqual(lockedKnown);
      expect(pick(await browser(address).signIn(office.users.managerA.username))).toEqual(lockedKnown);
    });
  });

  it("limits a device cookie's own failures, without locking the account for other browsers", async () => {
    const trusted = browser(freshAddress());
    expect((await trusted.signIn(office.users.quality.username)).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      expect((await trusted.signIn(office.users.quality.username, `wrong-${i}-password`)).status).toBe(401);
    }
    const locked = await trusted.signIn(office.users.quality.username);
    expect(locked.status).toBe(429);
    // The failures were this cookie's: a browser elsewhere signs in to the account as before.
    expect((await browser(freshAddress()).signIn(office.users.quality.username)).status).toBe(200);
  });

  it('answers a wrong password alike whether the user exists or not, from a browser with a device cookie', async () => {
    const trusted = browser(freshAddress());
    expect((await trusted.signIn(office.users.clerkA2.username)).status).toBe(200);
    const ghost = `ghost-${Date.now()}`;
    const wrongTrusted = pick(await trusted.signIn(office.users.clerkA2.username, 'wrong-password-1'));
    const wrongKnown = pick(await trusted.signIn(office.users.managerA.username, 'wrong-password-1'));
    const wrongUnknown = pick(await trusted.signIn(ghost, 'wrong-password-1'));
    expect(wrongKnown).toEqual({
      status: 401,
      body: expect.objectContaining({ code: 'INVALID_CREDENTIALS' }),
      deviceCookie: false,
    });
    expect(wrongUnknown).toEqual(wrongKnown);
    expect(wrongTrusted).toEqual(wrongKnown);
  });

  it("takes similar time for the device cookie's user and an unknown user", async () => {
    const trusted = browser(freshAddress());
    expect((await trusted.signIn(office.users.clerkB.username)).status).toBe(200);
    const time = async (username: string) => {
      const started = process.hrtime.bigint();
      await trusted.signIn(username, 'wrong-password-3');
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(office.users.clerkB.username));
      unknown.push(await time(`ghost-timing-${i}-${Date.now()}`));
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[1];
    // Both paths verify an argon2id hash; a missing verification would be several times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
    expect(median(known)).toBeGreaterThan(median(unknown) / 3);
  });
});
