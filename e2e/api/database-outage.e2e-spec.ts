import { ApiClient } from './support/api-client';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';
import { findPostgresBinaries, ThrowawayPostgres } from './support/throwaway-postgres';

const bin = findPostgresBinaries();
const missing =
  'PostgreSQL server binaries not found (apt-get install postgresql, or set PG_BIN): database outage test skipped';
if (!bin) {
  if (process.env['CI'] === 'true') throw new Error(missing);
  console.warn(missing);
}
const describeWithPostgres = bin ? describe : describe.skip;

const waitFor = async (check: () => Promise<boolean>, timeoutMs: number): Promise<number> => {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not within ${timeoutMs} ms`);
};

describeWithPostgres('When PostgreSQL goes away and comes back', () => {
  let pg: ThrowawayPostgres;
  let t: TestApp;
  let office: Office;
  let clerk: ApiClient;

  beforeAll(async () => {
    pg = await ThrowawayPostgres.create(bin!);
    t = await createTestApp({ DATABASE_URL: pg.url, DB_POOL_SIZE: '4' });
    office = await createOffice(t.app);
    clerk = await office.as('clerkA');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    pg?.destroy();
  });

  it('answers 503 quickly while down and recovers by itself within 5 s', async () => {
    expect((await clerk.get('/api/auth/me')).status).toBe(200);
    pg.stop();

    const started = Date.now();
    const ready = await clerk.get('/api/health/ready');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(ready.status).toBe(503);
    expect(ready.body.code).toBe('DATABASE_UNAVAILABLE');

    const requestStarted = Date.now();
    const me = await clerk.get('/api/auth/me');
    expect(Date.now() - requestStarted).toBeLessThan(2000);
    expect(me.status).toBe(503);
    expect(me.headers['retry-after']).toBeDefined();
    expect((await clerk.get('/api/health')).status).toBe(200);

    pg.start();
    const recoveredIn = await waitFor(async () => (await clerk.get('/api/health/ready')).status === 200, 5000);
    expect(recoveredIn).toBeLessThan(5000);
    expect((await clerk.get('/api/auth/me')).status).toBe(200);
  });
});
