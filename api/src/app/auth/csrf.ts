import { CSRF_COOKIE, CSRF_HEADER } from '@pu/contracts';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../common/domain-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit CSRF token: a readable cookie the SPA echoes in a header (Angular's HttpClient does this by
 * default). Together with the SameSite=Strict session cookie, a cross-site form can neither read nor send it.
 */
export function issueCsrfCookie(secure: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    const cookies = req.cookies as Record<string, string | undefined>;
    if (!cookies[CSRF_COOKIE]) {
      const token = randomBytes(24).toString('base64url');
      res.cookie(CSRF_COOKIE, token, { sameSite: 'strict', secure, httpOnly: false, path: '/' });
    }
    next();
  };
}

export function assertCsrf(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const cookie = (req.cookies as Record<string, string | undefined>)[CSRF_COOKIE];
  const header = req.get(CSRF_HEADER);
  if (
    !cookie ||
    !header ||
    cookie.length !== header.length ||
    !timingSafeEqual(Buffer.from(cookie), Buffer.from(header))
  ) {
    throw new DomainError(
      'CSRF_TOKEN_INVALID',
      `Brak lub nieprawidłowy token ochrony CSRF: odśwież stronę i spróbuj ponownie (nagłówek ${CSRF_HEADER} musi powtarzać ciasteczko ${CSRF_COOKIE}).`,
    );
  }
}
