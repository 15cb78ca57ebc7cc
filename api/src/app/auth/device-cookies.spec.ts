import type { FastifyReply } from 'fastify';
import { DeviceCookies } from './device-cookies';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const NOW = Date.UTC(2026, 0, 5, 9, 0) / 1000;
const DAY = 24 * 3_600;

/** Collects what `renew` sets, as Fastify's reply would send it. */
function captured(devices: DeviceCookies, cookie: string | undefined, userId: string, now = NOW) {
  const set: { value: string; options: Record<string, unknown> }[] = [];
  const reply = {
    setCookie: (_name: string, value: string, options: Record<string, unknown>) => set.push({ value, options }),
  } as unknown as FastifyReply;
  devices.renew(reply, cookie, userId, now);
  return set[0];
}

describe('DeviceCookies', () => {
  const devices = new DeviceCookies(SECRET, true);

  it('trusts a cookie it issued for the user it names, and for no one else', () => {
    const { value, options } = captured(devices, undefined, 'user-a');
    expect(devices.trustedFor(value, 'user-a', NOW + 60)).toMatchObject({ userId: 'user-a', issuedAt: NOW });
    expect(devices.trustedFor(value, 'user-b', NOW + 60)).toBeNull();
    expect(options).toMatchObject({ httpOnly: true, sameSite: 'strict', secure: true, path: '/api/auth/login' });
  });

  it('refuses a cookie signed with another secret, altered, or past its lifetime', () => {
    const { value } = captured(devices, undefined, 'user-a');
    expect(new DeviceCookies(`${SECRET}-other`, true).trustedFor(value, 'user-a', NOW)).toBeNull();
    const [userId, issuedAt, nonce, signature] = value.split('.');
    expect(devices.trustedFor(`${userId}.${Number(issuedAt) + 1}.${nonce}.${signature}`, 'user-a', NOW)).toBeNull();
    expect(devices.trustedFor(`${userId}.${issuedAt}.${nonce}x.${signature}`, 'user-a', NOW)).toBeNull();
    expect(devices.trustedFor(value, 'user-a', NOW + 179 * DAY)).not.toBeNull();
    expect(devices.trustedFor(value, 'user-a', NOW + 180 * DAY)).toBeNull();
  });

  it('gives a new nonce at every sign-in and keeps the other users of the computer, at most five', () => {
    let cookie = captured(devices, undefined, 'user-a').value;
    const first = devices.trustedFor(cookie, 'user-a', NOW)!;
    for (const user of ['user-b', 'user-c', 'user-d', 'user-e', 'user-a'])
      cookie = captured(devices, cookie, user).value;
    expect(devices.trustedFor(cookie, 'user-a', NOW)!.nonce).not.toBe(first.nonce);
    for (const user of ['user-b', 'user-c', 'user-d', 'user-e'])
      expect(devices.trustedFor(cookie, user, NOW)).not.toBeNull();
    cookie = captured(devices, cookie, 'user-f').value;
    // The least recently signed in (user-b) gives way.
    expect(devices.trustedFor(cookie, 'user-b', NOW)).toBeNull();
    expect(devices.trustedFor(cookie, 'user-f', NOW)).not.toBeNull();
  });

  it('ignores what is not its own format, however long', () => {
    for (const junk of ['', 'x', 'a.b.c', 'a.b.c.d.e', '~~~~', 'x'.repeat(5_000)]) {
      expect(devices.trustedFor(junk, 'user-a', NOW)).toBeNull();
    }
  });
});
