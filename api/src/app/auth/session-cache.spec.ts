import { type CachedSession, SessionCache } from './session-cache';
import { applySessionChange } from './session-change-listener';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0);

const session = (userId: string, over: Partial<CachedSession> = {}): CachedSession => ({
  user: {
    id: userId,
    username: `u-${userId}`,
    displayName: 'Jan Kowalski',
    role: 'clerk',
    department: { id: 'd1', symbol: 'SO', name: 'Wydział Spraw Obywatelskich' },
    sessionTokenHash: `hash-${userId}`,
  },
  lastSeenAt: T0,
  expiresAt: T0 + 10 * 60 * MINUTE,
  checkedAt: T0,
  ...over,
});

const openCache = (limits: Partial<{ maxEntries: number; maxAgeMs: number; idleMs: number }> = {}) => {
  const cache = new SessionCache({ maxEntries: 100, maxAgeMs: MINUTE, idleMs: 30 * MINUTE, ...limits });
  cache.open();
  return cache;
};

describe('SessionCache', () => {
  it('serves a stored session until its maximum age, then asks again', () => {
    const cache = openCache();
    cache.store('a', session('u1'), cache.ticket());
    expect(cache.get('a', T0 + MINUTE - 1)?.user.id).toBe('u1');
    expect(cache.get('a', T0 + MINUTE)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops a session past its idle limit or its absolute end, leaving the verdict to the database', () => {
    const cache = openCache({ maxAgeMs: 60 * MINUTE });
    cache.store('idle', session('u1', { lastSeenAt: T0 - 29 * MINUTE }), cache.ticket());
    cache.store('ending', session('u2', { expiresAt: T0 + 5_000 }), cache.ticket());
    expect(cache.get('idle', T0)).toBeDefined();
    expect(cache.get('idle', T0 + MINUTE)).toBeUndefined();
    expect(cache.get('ending', T0 + 4_999)).toBeDefined();
    expect(cache.get('ending', T0 + 5_000)).toBeUndefined();
  });

  it('counts the idle limit from the last touch', () => {
    const cache = openCache({ maxAgeMs: 60 * MINUTE });
    cache.store('a', session('u1'), cache.ticket());
    cache.seen('a', T0 + 20 * MINUTE);
    expect(cache.get('a', T0 + 45 * MINUTE)?.lastSeenAt).toBe(T0 + 20 * MINUTE);
    cache.seen('a', T0);
    expect(cache.get('a', T0 + 45 * MINUTE)?.lastSeenAt).toBe(T0 + 20 * MINUTE);
  });

  it('evicts the oldest entry when full', () => {
    const cache = openCache({ maxEntries: 2 });
    cache.store('a', session('u1'), cache.ticket());
    cache.store('b', session('u2'), cache.ticket());
    cache.store('a', session('u1'), cache.ticket());
    cache.store('c', session('u3'), cache.ticket());
    expect(cache.size).toBe(2);
    expect(cache.get('b', T0)).toBeUndefined();
    expect(cache.get('a', T0)).toBeDefined();
    expect(cache.get('c', T0)).toBeDefined();
  });

  it('forgets by token, by user and all', () => {
    const cache = openCache();
    cache.store('a', session('u1'), cache.ticket());
    cache.store('b', session('u1'), cache.ticket());
    cache.store('c', session('u2'), cache.ticket());
    cache.store('d', session('u3'), cache.ticket());
    cache.forgetToken('d');
    expect(cache.get('d', T0)).toBeUndefined();
    cache.forgetUser('u1');
    expect([cache.get('a', T0), cache.get('b', T0)]).toEqual([undefined, undefined]);
    expect(cache.get('c', T0)).toBeDefined();
    cache.forgetAll();
    expect(cache.size).toBe(0);
  });

  it('does not store a row read before an eviction: it may predate the change', () => {
    const cache = openCache();
    const ticket = cache.ticket();
    cache.forgetUser('someone-else');
    cache.store('a', session('u1'), ticket);
    expect(cache.get('a', T0)).toBeUndefined();
    cache.store('a', session('u1'), cache.ticket());
    expect(cache.get('a', T0)).toBeDefined();
  });

  it('serves and stores nothing while closed, and reopens empty', () => {
    const cache = new SessionCache({ maxEntries: 100, maxAgeMs: MINUTE, idleMs: 30 * MINUTE });
    cache.store('a', session('u1'), cache.ticket());
    expect(cache.size).toBe(0);
    cache.open();
    const ticket = cache.ticket();
    cache.store('a', session('u1'), ticket);
    cache.close();
    expect(cache.get('a', T0)).toBeUndefined();
    cache.open();
    expect(cache.size).toBe(0);
    cache.store('a', session('u1'), ticket);
    expect(cache.size).toBe(0);
  });
});

describe('applySessionChange', () => {
  it('evicts what the notification names, and everything when it names nothing it knows', () => {
    const cache = openCache();
    const fill = () => {
      cache.forgetAll();
      cache.store('h1', session('u1'), cache.ticket());
      cache.store('h2', session('u2'), cache.ticket());
    };
    fill();
    applySessionChange(cache, 'token:h1');
    expect(cache.size).toBe(1);
    fill();
    applySessionChange(cache, 'user:u2');
    expect(cache.get('h1', T0)).toBeDefined();
    expect(cache.size).toBe(1);
    for (const payload of ['all', 'token:', 'something:else', '', undefined]) {
      fill();
      applySessionChange(cache, payload);
      expect(cache.size).toBe(0);
    }
  });
});
