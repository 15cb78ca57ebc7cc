import { message } from '@pu/workflow';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@pu/contracts';
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../common/domain-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF tokens: a readable cookie the SPA echoes in a header (Angular's HttpClient does this by default).
 * Together with the SameSite=Strict session cookie, a cross-site form can neither read nor send it.
 *
 * Without a session the token is random and checked by double submit (header equals cookie): that is all the
 * sign-in form needs. With a session the token is an HMAC of the session token, so it is replaced at sign-in
 * and sign-out, and a value planted before sign-in, or taken from another session, is refused.
 */
export class CsrfTokens {
  private readonly key: Buffer;

  /** A key of its own, derived from the session secret, so a CSRF token is never a session-token hash. */
  constructor(
    sessionSecret: string,
    private readonly secure: boolean,
  ) {
    this.key = createHmac('sha256', sessionSecret).update('pu-csrf-token-v1').digest();
  }

  /** The token that belongs to a session, or null without one. */
  forSession(sessionToken: string | undefined): string | null {
    return sessionToken ? createHmac('sha256', this.key).update(sessionToken).digest('base64url') : null;
  }

  /** Sets the cookie for the session the reply leaves the browser with (null: signed out). */
  issue(reply: FastifyReply, sessionToken: string | null): void {
    this.write(reply, this.forSession(sessionToken ?? undefined));
  }

  /** `bound` null: a random token for a browser without a session. */
  write(reply: FastifyReply, bound: string | null): void {
    const token = bound ?? randomBytes(24).toString('base64url');
    // @fastify/cookie keeps one Set-Cookie per name and path, so this replaces one set earlier in the request.
    reply.setCookie(CSRF_COOKIE, token, { sameSite: 'strict', secure: this.secure, httpOnly: false, path: '/' });
  }

  /**
   * A refusal within a session carries the session's token, so the browser that holds the session cookie (and
   * only it can read the answer) retries once with it; the SPA does that invisibly.
   */
  assertValid(req: FastifyRequest, reply: FastifyReply): void {
    if (SAFE_METHODS.has(req.method)) return;
    const header = req.headers[CSRF_HEADER.toLowerCase()];
    const bound = this.forSession(req.cookies[SESSION_COOKIE]);
    const expected = bound ?? req.cookies[CSRF_COOKIE];
    if (!expected || typeof header !== 'string' || !sameText(expected, header)) {
      if (bound && req.cookies[CSRF_COOKIE] !== bound) this.write(reply, bound);
      throw new DomainError(
        'CSRF_TOKEN_INVALID',
        bound
          ? message('auth.csrfForeign', { header: CSRF_HEADER, cookie: CSRF_COOKIE })
          : message('auth.csrfMissing', { header: CSRF_HEADER, cookie: CSRF_COOKIE }),
      );
    }
  }
}

function sameText(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Gives a browser without a token one: bound to its session if it has one, else random. A token that is
 * present is not checked here, which would cost an HMAC on every read; `assertValid` repairs a wrong one.
 * Registered after @fastify/cookie, whose hook parses the cookies this one reads.
 */
const issueCsrfCookie: FastifyPluginCallback<{ tokens: CsrfTokens }> = (fastify, { tokens }, done) => {
  fastify.addHook('onRequest', (request, reply, next) => {
    if (!request.cookies[CSRF_COOKIE]) tokens.issue(reply, request.cookies[SESSION_COOKIE] ?? null);
    next();
  });
  done();
};
// fastify-plugin: a plugin's hooks reach the whole app, not just routes registered inside it.
export const csrfCookiePlugin = fp(issueCsrfCookie, { name: 'pu-csrf-cookie', dependencies: ['@fastify/cookie'] });
