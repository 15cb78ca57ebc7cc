import type { ApiClient } from './support/api-client';
import { CLIENT, createCase, expectStatus, NO_SUCH_ID } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

interface LogLine {
  level: number;
  msg: string;
  context?: string;
  req?: { id: string; method: string; path: string };
  res?: { statusCode: number };
  responseTime?: number;
}

/** What the operations team reads: one JSON line per request, tied to X-Request-Id, with no client data in it. */
describe('Request log', () => {
  let t: TestApp;
  let office: Office;
  let clerk: ApiClient;
  const raw: string[] = [];
  const lines = () => raw.map((line) => JSON.parse(line) as LogLine);
  const requestLine = (id: string) => lines().filter((l) => l.req?.id === id);

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'info' }, { logTo: { write: (line) => void raw.push(line) } });
    office = await createOffice(t.app);
    clerk = await office.as('clerkA');
  });

  afterAll(() => t?.close());

  it('logs Nest’s own messages as JSON lines with their context', () => {
    expect(lines()).toContainEqual(expect.objectContaining({ level: 30, context: 'NestApplication' }));
  });

  it('writes one info line per answered request, under the id the client saw, without the query string', async () => {
    const clientName = 'Eugeniusz Logowski';
    await createCase(clerk, 'complaint', { client: { ...CLIENT, name: clientName } });
    const res = expectStatus(await clerk.get(`/api/cases?q=${encodeURIComponent('Logowski')}`), 200);
    const id = String(res.headers['x-request-id']);
    await new Promise((r) => setImmediate(r));

    const mine = requestLine(id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { id, method: 'GET', path: '/api/cases' },
      res: { statusCode: 200 },
    });
    expect(typeof mine[0].responseTime).toBe('number');
    expect(raw.join('')).not.toContain('Logowski');
  });

  it('logs a client error as a warning and keeps a proxy’s request id', async () => {
    const res = await clerk.get(`/api/cases/${NO_SUCH_ID}`, { 'X-Request-Id': 'proxy-id-0001' });
    expect(res.status).toBe(404);
    expect(res.headers['x-request-id']).toBe('proxy-id-0001');
    await new Promise((r) => setImmediate(r));
    expect(requestLine('proxy-id-0001')).toEqual([
      expect.objectContaining({ level: 40, res: { statusCode: 404 }, req: expect.objectContaining({ method: 'GET' }) }),
    ]);
  });

  it('never logs cookies, CSRF tokens or health probes', async () => {
    const health = await clerk.get('/api/health');
    await new Promise((r) => setImmediate(r));
    expect(requestLine(String(health.headers['x-request-id']))).toEqual([]);
    const text = raw.join('');
    expect(text).not.toMatch(/pu_session|XSRF-TOKEN|cookie/i);
  });
});
