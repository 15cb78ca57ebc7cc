import type { CaseResponse, PromiseResponse } from '@pu/contracts';
import pg from 'pg';
import type { Response } from 'supertest';
import { SessionCache } from '../../api/src/app/auth/session-cache';
import type { ApiClient } from './support/api-client';
import { CaseFlow, caseRequest, expectStatus, ifMatch } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * "No request runs more than 5 SQL statements": the app runs in this process, so every statement
 * it sends goes through pg's Client#query, which is counted while one request is in flight. Counted with
 * the session cache emptied first, as on a replica that has not yet seen the session, unless a test says not.
 */
const BUDGET = 5;

describe('SQL statements per request', () => {
  let t: TestApp;
  let office: Office;
  let clerk: ApiClient;
  let manager: ApiClient;
  const seen: string[] = [];
  let counting = false;
  const original = pg.Client.prototype.query;
  const rows: { request: string; statements: number; budget: number | '-' }[] = [];
  let lastStatements: string[] = [];

  beforeAll(async () => {
    (pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
      if (counting) {
        const q = args[0] as string | { text?: string };
        seen.push((typeof q === 'string' ? q : (q?.text ?? '?')).replace(/\s+/g, ' ').slice(0, 160));
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    t = await createTestApp();
    office = await createOffice(t.app);
    clerk = await office.as('clerkA');
    manager = await office.as('managerA');
  });
  afterAll(async () => {
    pg.Client.prototype.query = original;
    console.table(rows);
    await t.close();
  });

  /** Runs one request alone and returns it with the statements it caused. */
  async function measure(
    request: string,
    send: () => Promise<Response>,
    budget: number | null = BUDGET,
    { sessionCached = false } = {},
  ): Promise<Response> {
    // Let anything left over from the previous request settle first.
    await new Promise((r) => setTimeout(r, 20));
    if (!sessionCached) t.app.get(SessionCache).forgetAll();
    seen.length = 0;
    counting = true;
    let res: Response;
    try {
      res = await send();
      await new Promise((r) => setImmediate(r));
    } finally {
      counting = false;
    }
    const statements = [...seen];
    lastStatements = statements;
    rows.push({ request, statements: statements.length, budget: budget ?? '-' });
    if (res.status >= 400) throw new Error(`${request} failed: ${res.status} ${res.text}`);
    // Every measured request reads the database; none counted means the counter no longer sees the app's queries.
    if (statements.length === 0) throw new Error(`${request}: no statement counted — the count is not measuring`);
    if (budget !== null && statements.length > budget) {
      throw new Error(
        `${request} ran ${statements.length} statements (budget ${budget}):\n${statements.map((s, i) => `${i + 1}. ${s}`).join('\n')}`,
      );
    }
    return res;
  }

  let flow: CaseFlow;
  let promise: PromiseResponse;

  beforeAll(async () => {
    // Enough cases for several pages, and one of each kind of object to touch.
    for (let i = 0; i < 30; i++)
      await clerk.post('/api/cases', caseRequest(i % 3 ? 'complaint' : 'refusal', { subject: `Budżet SQL ${i}` }));
    flow = await CaseFlow.create(clerk, 'complaint');
    promise = await flow.promise();
    // Warm up every route once, so connection set-up and first-use caches are not counted.
    await clerk.get('/api/cases');
    await clerk.get(flow.path);
    await clerk.get('/api/promises?scope=mine');
    await manager.get('/api/promises?scope=department');
  });

  it('GET /api/cases, first page', async () => {
    const res = await measure('GET /cases (first page)', () => clerk.get('/api/cases?limit=10'));
    expect(res.body.items).toHaveLength(10);
    expect(res.body.nextCursor).toEqual(expect.any(String));
  });

  it('GET /api/cases, session already cached: no session query', async () => {
    if (t.config.session.cache === 'off') return;
    // Test files running alongside share the database; a department change of theirs empties every cache.
    let sessionQueries: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 300));
      await clerk.get('/api/auth/me');
      await measure('GET /cases (session cached)', () => clerk.get('/api/cases?limit=10'), BUDGET, {
        sessionCached: true,
      });
      sessionQueries = lastStatements.filter((s) => s.includes('FROM sessions'));
      if (sessionQueries.length === 0) break;
    }
    expect(sessionQueries).toEqual([]);
  });

  it('GET /api/cases, next page with filters', async () => {
    const query = 'kind=complaint&status=open&q=bud%C5%BCet&sort=-received&limit=5';
    const first = expectStatus(await clerk.get(`/api/cases?${query}`), 200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const res = await measure('GET /cases (cursor + filters)', () =>
      clerk.get(`/api/cases?${query}&cursor=${encodeURIComponent(first.body.nextCursor)}`),
    );
    expect(res.body.items).toHaveLength(5);
    await measure('GET /cases (deadline sort, overdue, dueBefore)', () =>
      clerk.get('/api/cases?sort=deadline&overdue=false&dueBefore=2027-12-31T00:00:00Z&limit=25'),
    );
  });

  it('GET /api/cases/:id', async () => {
    await measure('GET /cases/:id', () => clerk.get(flow.path));
  });

  it('POST /api/cases', async () => {
    await measure('POST /cases', () => clerk.post('/api/cases', caseRequest('complaint')));
    await measure('POST /cases (Idempotency-Key)', () =>
      clerk.post('/api/cases', caseRequest('office_error'), { 'Idempotency-Key': `budget-${Date.now()}` }),
    );
  });

  it('POST /api/cases/:id/steps/:stepId', async () => {
    const res = await measure('POST /cases/:id/steps/listen', () =>
      clerk.post(`${flow.path}/steps/listen`, { account: 'Relacja klienta.' }, ifMatch(flow.version)),
    );
    flow.current = res.body as CaseResponse;
  });

  it('POST /api/cases/:id/promises', async () => {
    await measure('POST /cases/:id/promises', () =>
      clerk.post(`${flow.path}/promises`, { description: 'Oddzwonię jutro.', channel: 'phone' }),
    );
  });

  it('PATCH /api/promises/:id', async () => {
    await measure('PATCH /promises/:id', () =>
      clerk.patch(`/api/promises/${promise.id}`, { kept: true }, ifMatch(promise.version)),
    );
  });

  it('GET /api/promises', async () => {
    await measure('GET /promises?scope=mine', () => clerk.get('/api/promises?scope=mine&state=any'));
    await measure('GET /promises?scope=department', () => manager.get('/api/promises?scope=department&state=open'));
  });

  it('GET /api/dashboard and /api/my-work: the same few statements whatever the number of cases or people', async () => {
    await manager.get('/api/dashboard');
    await clerk.get('/api/my-work');
    await measure('GET /dashboard', () => manager.get('/api/dashboard'));
    await measure('GET /my-work', () => clerk.get('/api/my-work'));
  });

  it('other routes, for the record (no budget asserted)', async () => {
    const fresh = await CaseFlow.create(clerk, 'complaint');
    await measure(
      'PATCH /cases/:id',
      () => clerk.patch(fresh.path, { subject: 'Nowy temat' }, ifMatch(fresh.version)),
      null,
    );
    await measure('GET /cases/:id/history', () => clerk.get(`${fresh.path}/history`), null);
    await measure('GET /cases/:id/promises', () => clerk.get(`${flow.path}/promises`), null);
    await measure('GET /workflows', () => clerk.get('/api/workflows'), null);
  });
});
