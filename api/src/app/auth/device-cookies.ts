import { API_PREFIX, ROUTES } from '@pu/contracts';
import type { FastifyReply } from 'fastify';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that has signed a
 * user in holds a signed token naming that user. Sign-in from it is throttled per token, not by the account's
 * or the address's lock for unknown clients, so guessing from other machines behind the office's one address
 * cannot lock it out.
 */
export const DEVICE_COOKIE = 'pu_device';

/** Sent with sign-in requests only: nothing else reads it. */
const COOKIE_PATH = `/${API_PREFIX}/${ROUTES.auth.login}`;
const LIFETIME_SECONDS = 180 * 24 * 3_600;
/** Several people may share one office computer; each keeps their own entry, the most recent first. */
const MAX_ENTRIES = 5;
/** Far above MAX_ENTRIES well-formed entries (about 110 characters each); anything longer is not ours. */
const MAX_COOKIE_LENGTH = 1_000;

/** One user's entry: `nonce` names it in the throttle table and changes at every successful sign-in. */
export interface DeviceEntry {
  userId: string;
  issuedAt: number;
  nonce: string;
}

export class DeviceCookies {
  private readonly key: Buffer;

  /** A key of its own, derived from the session secret, shared by every replica. */
  constructor(
    sessionSecret: string,
    private readonly secure: boolean,
  ) {
    this.key = createHmac('sha256', sessionSecret).update('pu-device-cookie-v1').digest();
  }

  /** The valid, unexpired entry for `userId` in the cookie, if any. `now` in epoch seconds. */
  trustedFor(cookie: string | undefined, userId: string, now: number): DeviceEntry | null {
    return this.entries(cookie, now).find((entry) => entry.userId === userId) ?? null;
  }

  /** Sets the cookie with a fresh entry for `userId` first and the other users' valid entries after it. */
  renew(reply: FastifyReply, cookie: string | undefined, userId: string, now: number): void {
    const fresh: DeviceEntry = { userId, issuedAt: now, nonce: randomBytes(16).toString('base64url') };
    const others = this.entries(cookie, now).filter((entry) => entry.userId !== userId);
    const value = [fresh, ...others]
      .slice(0, MAX_ENTRIES)
      .map((entry) => this.encode(entry))
      .join('~');
    reply.setCookie(DEVICE_COOKIE, value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.secure,
      path: COOKIE_PATH,
      maxAge: LIFETIME_SECONDS,
    });
  }

  private entries(cookie: string | undefined, now: number): DeviceEntry[] {
    if (!cookie || cookie.length > MAX_COOKIE_LENGTH) return [];
    return (
      cookie
        .split('~', MAX_ENTRIES)
        .map((text) => this.decode(text))
        // Only the age is checked: every entry was signed here, so one "from the future" only means another
        // replica's clock is a little ahead.
        .filter((entry): entry is DeviceEntry => entry !== null && now - entry.issuedAt < LIFETIME_SECONDS)
    );
  }

  private encode(entry: DeviceEntry): string {
    const payload = `${entry.userId}.${entry.issuedAt}.${entry.nonce}`;
    return `${payload}.${this.sign(payload)}`;
  }

  private decode(text: string): DeviceEntry | null {
    const parts = text.split('.');
    if (parts.length !== 4) return null;
    const [userId, issuedAt, nonce, signature] = parts;
    const expected = this.sign(`${userId}.${issuedAt}.${nonce}`);
    if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
      return null;
    }
    return { userId, issuedAt: Number(issuedAt), nonce };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
