import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@pu/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfTokens } from './csrf';

const SECRET = 'a-session-secret-of-at-least-32-characters';

const post = (cookies: Record<string, string>, header?: string) =>
  ({
    method: 'POST',
    cookies,
    headers: header === undefined ? {} : { [CSRF_HEADER.toLowerCase()]: header },
  }) as unknown as FastifyRequest;

/** Records the CSRF cookie a refusal sets, as Fastify's reply would send it. */
function replyRecorder() {
  const set: string[] = [];
  const reply = { setCookie: (_name: string, value: string) => set.push(value) } as unknown as FastifyReply;
  return { reply, set };
}

describe('CsrfTokens', () => {
  const tokens = new CsrfTokens(SECRET, false);
  const check = (req: FastifyRequest) => tokens.assertValid(req, replyRecorder().reply);

  it('binds a token to one session under one secret', () => {
    const a = tokens.forSession('session-a')!;
    expect(tokens.forSession('session-a')).toBe(a);
    expect(tokens.forSession('session-b')).not.toBe(a);
    expect(new CsrfTokens(`${SECRET}-other`, false).forSession('session-a')).not.toBe(a);
    expect(tokens.forSession(undefined)).toBeNull();
  });

  it("with a session, accepts only the session's token, whatever the cookie says", () => {
    const bound = tokens.forSession('session-a')!;
    expect(() => check(post({ [SESSION_COOKIE]: 'session-a' }, bound))).not.toThrow();
    const planted = post({ [SESSION_COOKIE]: 'session-a', [CSRF_COOKIE]: 'planted' }, 'planted');
    expect(() => check(planted)).toThrow(/nie należy do tej sesji/);
    const other = tokens.forSession('session-b')!;
    expect(() => check(post({ [SESSION_COOKIE]: 'session-a', [CSRF_COOKIE]: other }, other))).toThrow();
  });

  it("gives the session's token with a refusal within the session, so the browser can retry once", () => {
    const { reply, set } = replyRecorder();
    const planted = post({ [SESSION_COOKIE]: 'session-a', [CSRF_COOKIE]: 'planted' }, 'planted');
    expect(() => tokens.assertValid(planted, reply)).toThrow();
    expect(set).toEqual([tokens.forSession('session-a')]);
    const anonymous = replyRecorder();
    expect(() => tokens.assertValid(post({ [CSRF_COOKIE]: 'a' }, 'b'), anonymous.reply)).toThrow();
    expect(anonymous.set).toEqual([]);
  });

  it('without a session, checks that the header repeats the cookie', () => {
    expect(() => check(post({ [CSRF_COOKIE]: 'random-token' }, 'random-token'))).not.toThrow();
    expect(() => check(post({ [CSRF_COOKIE]: 'random-token' }, 'random-tokem'))).toThrow();
    expect(() => check(post({ [CSRF_COOKIE]: 'random-token' }))).toThrow();
    expect(() => check(post({}, 'random-token'))).toThrow();
  });

  it('lets reads through untouched', () => {
    expect(() => check({ method: 'GET', cookies: {}, headers: {} } as unknown as FastifyRequest)).not.toThrow();
  });
});
