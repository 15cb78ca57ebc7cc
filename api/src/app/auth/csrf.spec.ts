import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@pu/contracts';
import type { FastifyRequest } from 'fastify';
import { CsrfTokens } from './csrf';

const SECRET = 'a-session-secret-of-at-least-32-characters';

const post = (cookies: Record<string, string>, header?: string) =>
  ({
    method: 'POST',
    cookies,
    headers: header === undefined ? {} : { [CSRF_HEADER.toLowerCase()]: header },
  }) as unknown as FastifyRequest;

describe('CsrfTokens', () => {
  const tokens = new CsrfTokens(SECRET, false);

  it('binds a token to one session under one secret', () => {
    const a = tokens.forSession('session-a')!;
    expect(tokens.forSession('session-a')).toBe(a);
    expect(tokens.forSession('session-b')).not.toBe(a);
    expect(new CsrfTokens(`${SECRET}-other`, false).forSession('session-a')).not.toBe(a);
    expect(tokens.forSession(undefined)).toBeNull();
  });

  it("with a session, accepts only the session's token, whatever the cookie says", () => {
    const bound = tokens.forSession('session-a')!;
    expect(() => tokens.assertValid(post({ [SESSION_COOKIE]: 'session-a' }, bound))).not.toThrow();
    const planted = post({ [SESSION_COOKIE]: 'session-a', [CSRF_COOKIE]: 'planted' }, 'planted');
    expect(() => tokens.assertValid(planted)).toThrow(/nie należy do tej sesji/);
    const other = tokens.forSession('session-b')!;
    expect(() => tokens.assertValid(post({ [SESSION_COOKIE]: 'session-a', [CSRF_COOKIE]: other }, other))).toThrow();
  });

  it('without a session, checks that the header repeats the cookie', () => {
    expect(() => tokens.assertValid(post({ [CSRF_COOKIE]: 'random-token' }, 'random-token'))).not.toThrow();
    expect(() => tokens.assertValid(post({ [CSRF_COOKIE]: 'random-token' }, 'random-tokem'))).toThrow();
    expect(() => tokens.assertValid(post({ [CSRF_COOKIE]: 'random-token' }))).toThrow();
    expect(() => tokens.assertValid(post({}, 'random-token'))).toThrow();
  });

  it('lets reads through untouched', () => {
    expect(() =>
      tokens.assertValid({ method: 'GET', cookies: {}, headers: {} } as unknown as FastifyRequest),
    ).not.toThrow();
  });
});
