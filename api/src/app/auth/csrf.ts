import { CSRF_COOKIE, CSRF_HEADER } from '@pu/contracts';
import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../common/domain-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit CSRF token: a readable cookie the SPA echoes in a header (Angular's HttpClient does this by
 * default). Together with the SameSite=Strict session cookie, a cross-site form can neither read nor send it.
 * Registered after @fastify/cookie, whose hook parses the cookies this one reads.
 */
const issueCsrfCookie: FastifyPluginCallback<{ secure: boolean }> = (fastify, { secure }, done) => {
  fastify.addHook('onRequest', (request, reply, next) => {
    if (!request.cookies[CSRF_COOKIE]) {
      const token = randomBytes(24).toString('base64url');
      reply.setCookie(CSRF_COOKIE, token, { sameSite: 'strict', secure, httpOnly: false, path: '/' });
    }
    next();
  });
  done();
};
// fastify-plugin: a plugin's hooks reach the whole app, not just routes registered inside it.
export const csrfCookiePlugin = fp(issueCsrfCookie, { name: 'pu-csrf-cookie', dependencies: ['@fastify/cookie'] });

export function assertCsrf(req: FastifyRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  const cookie = req.cookies[CSRF_COOKIE];
  const header = req.headers[CSRF_HEADER.toLowerCase()];
  if (
    !cookie ||
    typeof header !== 'string' ||
    cookie.length !== header.length ||
    !timingSafeEqual(Buffer.from(cookie), Buffer.from(header))
  ) {
    throw new DomainError(
      'CSRF_TOKEN_INVALID',
      `Brak lub nieprawidłowy token ochrony CSRF: odśwież stronę i spróbuj ponownie (nagłówek ${CSRF_HEADER} musi powtarzać ciasteczko ${CSRF_COOKIE}).`,
    );
  }
}
