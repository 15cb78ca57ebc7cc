import { ConnectionBreaker } from '../../api/src/app/database/connection-breaker';
import { signedIn, type ApiClient } from './support/api-client';
import { describeIf } from './support/describe-if';
import { createOffice, TEST_PASSWORD, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';
import { findPostgresBinaries, ThrowawayPostgres } from './support/throwaway-postgres';

const bin = findPostgresBinaries();
const describeWithPostgres = describeIf(
  bin !== null,
  'PostgreSQL server binaries not found (apt-get install postgresql, or set PG_BIN): database outage test',
);

/** How long each outage lasts: several backoff rounds, so the attempt count shows the backoff. */
const OUTAGE_MS = 4000;
/** Connection attempts allowed during one outage: a handful of backoff rounds, not one per request. */
const MAX_ATTEMPTS_PER_OUTAGE = 20;

const waitFor = async (check: () => Promise<boolean>, timeoutMs: number): Promise<number> => {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within ${timeoutMs} ms`);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Several clients asking for the case list without pause, as a busy office would, until stopped. */
function startLoad(client: ApiClient, workers: number) {
  const statuses = new Map<number, number>();
  let missingRetryAfter = 0;
  let slowest503Ms = 0;
  let running = true;
  const loops = Array.from({ length: workers }, async () => {
    while (running) {
      const started = Date.now();
      // 0: no answer at all (the connection failed).
      const answer: { status: number; retryAfter?: string } = await client.get('/api/cases').then(
        (res) => ({ status: res.status, retryAfter: res.headers['retry-after'] }),
        () => ({ status: 0 }),
      );
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status === 503 && !answer.retryAfter) missingRetryAfter++;
      if (answer.status === 503) slowest503Ms = Math.max(slowest503Ms, Date.now() - started);
    }
  });
  return {
    statuses,
    get missingRetryAfter() {
      return missingRetryAfter;
    },
    /** The longest a request of the load waited for its 503, e.g. one caught on a connection as the server froze. */
    get slowest503Ms() {
      return slowest503Ms;
    },
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

interface Mode {
  name: string;
  /** Clients sending requests without pause throughout. */
  workers: number;
  url: (pg: ThrowawayPostgres) => string;
  goAway: (pg: ThrowawayPostgres) => void;
  comeBack: (pg: ThrowawayPostgres) => void;
}

const MODES: Mode[] = [
  {
    name: 'TCP, server stopped',
    workers: 8,
    url: (pg) => pg.url,
    goAway: (pg) => pg.stop(),
    comeBack: (pg) => pg.start(),
  },
  {
    name: 'Unix socket, server stopped',
    workers: 8,
    url: (pg) => pg.socketUrl,
    goAway: (pg) => pg.stop(),
    comeBack: (pg) => pg.start(),
  },
  {
    name: 'TCP, server frozen',
    workers: 8,
    url: (pg) => pg.url,
    goAway: (pg) => pg.freeze(),
    comeBack: (pg) => pg.thaw(),
  },
  // Without other traffic to open the breaker first, a request's own query waits for the client-side deadline.
  {
    name: 'TCP, server frozen, no other traffic',
    workers: 0,
    url: (pg) => pg.url,
    goAway: (pg) => pg.freeze(),
    comeBack: (pg) => pg.thaw(),
  },
];

describeWithPostgres('When PostgreSQL goes away and comes back', () => {
  let pg: ThrowawayPostgres;
  let office: Office;
  let load: ReturnType<typeof startLoad> | undefined;

  beforeAll(async () => {
    pg = await ThrowawayPostgres.create(bin!);
    const t = await createTestApp({ DATABASE_URL: pg.url });
    office = await createOffice(t.app);
    await t.close();
  }, 120_000);

  afterAll(() => {
    try {
      pg?.thaw();
    } catch {
      // not frozen, or already gone
    }
    pg?.destroy();
  });

  describe.each(MODES)('$name', (mode) => {
    let t: TestApp;
    const log: string[] = [];

    beforeAll(async () => {
      t = await createTestApp(
        { DATABASE_URL: mode.url(pg), DB_POOL_SIZE: '4', LOG_LEVEL: 'info' },
        { logTo: { write: (line) => void log.push(line) } },
      );
      // Requests from several sockets at once, so the load really is concurrent.
      await t.app.listen(0, '127.0.0.1');
    }, 60_000);

    afterAll(async () => {
      await load?.stop();
      await t?.close();
    });

    it('answers 503 with Retry-After, backs off, logs a count, and recovers by itself', async () => {
      // Signed in on this mode's app (the office was made through another).
      const clerk = await signedIn(t.app, office.users.clerkA.username, TEST_PASSWORD);
      const admin = await signedIn(t.app, office.users.admin.username, TEST_PASSWORD);
      // Requests at once, so the pool holds several open connections when the database goes.
      const warm = await Promise.all(Array.from({ length: 4 }, () => clerk.get('/api/cases')));
      expect(warm.map((res) => res.status)).toEqual([200, 200, 200, 200]);
      const breaker = t.app.get(ConnectionBreaker);
      const traffic = startLoad(clerk, mode.workers);
      load = traffic;
      await sleep(300);
      let readinessMs = 0;
      let requestMs = 0;
      let attempts = 0;

      const attemptsBefore = breaker.stats.attempts;
      let away = true;
      mode.goAway(pg);
      try {
        const wentAway = Date.now();
        readinessMs = await waitFor(async () => (await admin.get('/api/health/ready')).status === 503, 2000);
        expect(readinessMs).toBeLessThan(2000);

        // The case list always asks the database (a session check alone may be answered from the cache).
        const requestStarted = Date.now();
        const list = await clerk.get('/api/cases');
        requestMs = Date.now() - requestStarted;
        expect(list.status).toBe(503);
        expect(list.body.code).toBe('DATABASE_UNAVAILABLE');
        expect(list.headers['retry-after']).toMatch(/^\d+$/);
        expect(requestMs).toBeLessThan(5000);
        expect((await admin.get('/api/health')).status).toBe(200);

        await sleep(Math.max(0, OUTAGE_MS - (Date.now() - wentAway)));
        attempts = breaker.stats.attempts - attemptsBefore;
        mode.comeBack(pg);
        away = false;
      } finally {
        if (away) mode.comeBack(pg);
      }
      const recoveryMs = await waitFor(async () => (await admin.get('/api/health/ready')).status === 200, 5000);
      expect(recoveryMs).toBeLessThan(5000);
      await waitFor(async () => (await clerk.get('/api/cases')).status === 200, 2000);
      await traffic.stop();

      const outageLines = log.filter((line) => /"level":40/.test(line) && /unavailable/i.test(line));
      const messages = outageLines.map((line) => (JSON.parse(line) as { msg?: string }).msg);
      console.log(
        `Database outage, ${mode.name}: readiness 503 after ${readinessMs} ms, a request 503 in ${requestMs} ms ` +
          `(the slowest under load ${traffic.slowest503Ms} ms), ` +
          `back ${recoveryMs} ms after the database; ${attempts} connection attempts in ${OUTAGE_MS / 1000} s ` +
          `of outage; load answered ${JSON.stringify(Object.fromEntries(traffic.statuses))} (status: requests); logged:\n    ${messages.join('\n    ')}`,
      );
      expect(attempts).toBeLessThanOrEqual(MAX_ATTEMPTS_PER_OUTAGE);
      if (mode.workers > 0) expect(traffic.statuses.get(503) ?? 0).toBeGreaterThan(0);
      expect(traffic.missingRetryAfter).toBe(0);
      expect(traffic.slowest503Ms).toBeLessThan(5000);
      expect([...traffic.statuses.keys()].filter((status) => status !== 200 && status !== 503)).toEqual([]);

      // Not a stack trace anywhere, and the outage in a few lines rather than one per refused request.
      expect(log.filter((line) => /"stack"|\\n\s+at /.test(line))).toEqual([]);
      expect(outageLines.length).toBeGreaterThan(0);
      expect(outageLines.length).toBeLessThanOrEqual(4);
    }, 60_000);
  });
});
