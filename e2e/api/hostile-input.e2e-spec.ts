import { CSRF_HEADER, type CasePage, type PromiseResponse } from '@pu/contracts';
import type { Response } from 'supertest';
import { ApiClient } from './support/api-client';
import { CaseFlow, caseRequest, describeResponse, expectStatus, ifMatch } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Input that once answered 500: ISO 8601 forms that are valid ISO but not what `Date` reads, list cursors that
 * decode but hold values of the wrong type, and JSON nested deeper than recursive code survives. Each must be
 * a 4xx naming what is wrong.
 */

/** ISO 8601 forms outside the API's grammar (RFC 3339 date-time with seconds and an offset). */
const ISO_FORMS: [string, string][] = [
  ['a week date', '2026-W05-3'],
  ['a week date and time', '2026-W05-3T10:00:00Z'],
  ['an ordinal date', '2026-123'],
  ['an ordinal date and time', '2026-123T10:00:00Z'],
  ['an hour without minutes', '2026-01-01T10Z'],
  ['minutes without seconds', '2026-01-01T10:00+01:00'],
  ['a comma fraction', '2026-01-01T10:00:00,5Z'],
  ['an hour-only offset', '2026-01-01T10:00:00+01'],
  ['an offset without a colon', '2026-01-01T10:00:00+0100'],
  ['no offset', '2026-01-01T10:00:00'],
  ['a date only', '2026-01-01'],
];
const LOCAL_DAY_FORMS = ['2026-W05-3', '2026-123', '2026-12-31T00:00:00Z', '20261231', '2026-02-30'];

const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const wide = (keys: number) => JSON.stringify(Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, 1])));

function expectFieldError(res: Response, field: string, code = 'VALIDATION_FAILED'): void {
  if (res.status !== 422 || res.body?.code !== code || !res.body?.fields?.[field])
    throw new Error(`Expected 422 ${code} naming ${field}: ${describeResponse(res)}`);
}

describe('Hostile input answers 4xx, never 500', () => {
  let t: TestApp;
  let office: Office;
  let clerk: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    clerk = await office.as('clerkA');
    manager = await office.as('managerA');
  });
  afterAll(() => t?.close());

  describe.each(ISO_FORMS)('an instant written as %s (%s)', (_name, at) => {
    it('is refused in a new case, naming the field', async () => {
      expectFieldError(await clerk.post('/api/cases', caseRequest('complaint', { receivedAt: at })), 'receivedAt');
      const error = caseRequest('office_error', { discoveredAt: at });
      expectFieldError(await clerk.post('/api/cases', error), 'discoveredAt');
      const incident = caseRequest('aggressive_client', { incidentAt: at });
      expectFieldError(await clerk.post('/api/cases', incident), 'incidentAt');
    });

    it('is refused as the list filter dueBefore', async () => {
      expectFieldError(await clerk.get(`/api/cases?dueBefore=${encodeURIComponent(at)}`), 'dueBefore');
    });

    it('is refused in promises, step data and deadline extensions', async () => {
      const flow = await CaseFlow.create(clerk, 'complaint');
      const body = { description: 'Oddzwonię', channel: 'phone' };
      expectFieldError(await clerk.post(`${flow.path}/promises`, { ...body, dueAt: at }), 'dueAt');
      const promise = expectStatus(await clerk.post(`${flow.path}/promises`, body), 201).body as PromiseResponse;
      const patch = (change: object) => clerk.patch(`/api/promises/${promise.id}`, change, ifMatch(promise.version));
      expectFieldError(await patch({ kept: true, keptAt: at }), 'keptAt');
      expectFieldError(await patch({ dueAt: at, clientToldAt: new Date().toISOString() }), 'dueAt');
      const extension = { newDue: '2026-12-31', reason: 'Opinia biegłego.', clientToldAt: at };
      expectFieldError(
        await manager.post(`${flow.path}/deadline-extensions`, extension, ifMatch(flow.version)),
        'clientToldAt',
      );

      const error = await CaseFlow.create(clerk, 'office_error');
      const record = { description: 'Zła kwota.', affectedMatter: 'Opłata', discoveredAt: at, discoveredBy: 'AN' };
      const step = await clerk.post(`${error.path}/steps/record`, record, ifMatch(error.version));
      expectStatus(step, 422);
      expect(JSON.stringify(step.body.fields)).toContain('discoveredAt');
    });
  });

  it('accepts the grammar it documents, offsets and fractions included, and stores the instant', async () => {
    for (const [at, iso] of [
      ['2026-01-05T10:00:00+01:00', '2026-01-05T09:00:00.000Z'],
      ['2026-01-05T09:00:00.123456Z', '2026-01-05T09:00:00.123Z'],
      ['2026-01-05T05:30:00-03:30', '2026-01-05T09:00:00.000Z'],
    ]) {
      const res = expectStatus(await clerk.post('/api/cases', caseRequest('complaint', { receivedAt: at })), 201);
      expect(res.body.receivedAt).toBe(iso);
      expectStatus(await clerk.get(`/api/cases?dueBefore=${encodeURIComponent(at)}`), 200);
    }
  });

  it.each(LOCAL_DAY_FORMS)('refuses a deadline extended to %s, naming the field', async (day) => {
    const flow = await CaseFlow.create(clerk, 'complaint');
    const body = { newDue: day, reason: 'Opinia biegłego.', clientToldAt: new Date().toISOString() };
    expectFieldError(await manager.post(`${flow.path}/deadline-extensions`, body, ifMatch(flow.version)), 'newDue');
  });

  describe('list cursors', () => {
    const ID = '0b7f3c1e-5d2a-4c6b-9e8f-1a2b3c4d5e6f';
    const KEY = '2026-11-30T08:00:00.000000Z';
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

    it.each([
      ['a key that is not a date', cursor(['deadline', 'abc', ID])],
      ['a number for the key', cursor(['deadline', 20261130, ID])],
      ['an object for the id', cursor(['deadline', KEY, { id: ID }])],
      ['an id of the right length that is not a UUID', cursor(['deadline', KEY, 'g'.repeat(36)])],
      ['an id of 36 dashes', cursor(['deadline', KEY, '-'.repeat(36)])],
      ['a NUL byte in the id', cursor(['deadline', KEY, `${ID.slice(0, 35)}\u0000`])],
      ['a NUL byte in the key', cursor(['deadline', `2026-11-30T08:00:00.000000\u0000`, ID])],
      ['a week-date key', cursor(['deadline', '2026-W48-1', ID])],
      ['a key on a day that does not exist', cursor(['deadline', '2026-02-30T08:00:00.000000Z', ID])],
      ['two parts', cursor([KEY, ID])],
      ['four parts', cursor(['deadline', KEY, ID, ID])],
      ['another sort', cursor(['received', KEY, ID])],
      ['JSON that is not an array', cursor({ key: KEY, id: ID })],
      ['text that is not base64url', 'not a cursor!'],
    ])('refuses a cursor with %s: 422 "invalid cursor"', async (_name, value) => {
      const res = await clerk.get(`/api/cases?sort=deadline&cursor=${encodeURIComponent(value)}`);
      expectFieldError(res, 'cursor', 'INVALID_CURSOR');
      expect(res.body.message).toMatch(/^Nieprawidłowy kursor/);
    });

    it('answers a cursor too long for any URL in the API error shape', async () => {
      const res = await clerk.get(`/api/cases?cursor=${'x'.repeat(20_000)}`);
      expect(res.status).toBe(431);
      expect(res.body).toMatchObject({ statusCode: 431, code: 'PAYLOAD_TOO_LARGE' });
    });

    it('still pages with the cursors it issues, for every sort', async () => {
      for (let i = 0; i < 3; i++) await CaseFlow.create(clerk, 'complaint');
      for (const sort of ['deadline', '-deadline', 'received', '-received']) {
        const first = expectStatus(await clerk.get(`/api/cases?sort=${sort}&limit=2`), 200).body as CasePage;
        expect(first.nextCursor).toEqual(expect.any(String));
        const next = await clerk.get(`/api/cases?sort=${sort}&limit=2&cursor=${first.nextCursor}`);
        const page = expectStatus(next, 200).body as CasePage;
        expect(page.items.map((c) => c.id)).not.toContain(first.items[0].id);
      }
    });
  });

  it('answers a path the router cannot read in the API error shape', async () => {
    const bad = await clerk.get('/api/cases/%zz');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const long = await clerk.get(`/api/cases/${'a'.repeat(500)}`);
    expect(long.status).toBe(414);
    expect(long.body).toMatchObject({ statusCode: 414, code: 'NOT_FOUND' });
  });

  describe('JSON nested or keyed past the limits', () => {
    const sendRaw = async (client: ApiClient, method: 'post' | 'patch', path: string, text: string, extra = {}) =>
      client
        .raw()
        [method](path)
        .set(await client.csrfHeader())
        .set(extra)
        .set('Content-Type', 'application/json')
        .send(text);

    const expectTooComplex = (res: Response) => {
      if (res.status !== 400 || res.body?.code !== 'MALFORMED_JSON')
        throw new Error(`Expected 400 MALFORMED_JSON: ${describeResponse(res)}`);
      expect(res.body.message).toMatch(/zbyt głęboko|zbyt wiele pól/);
    };

    it.each([
      ['5,000 levels deep', deep(5000)],
      ['33 levels deep', deep(33)],
      ['100,000 open brackets', '['.repeat(100_000)],
      ['10,001 keys', wide(10_001)],
    ])('is refused at sign-in, unauthenticated: %s', async (_name, text) => {
      expectTooComplex(await sendRaw(new ApiClient(t.app), 'post', '/api/auth/login', text));
    });

    it('is refused on case routes, before validation', async () => {
      expectTooComplex(await sendRaw(clerk, 'post', '/api/cases', deep(5000)));
      const flow = await CaseFlow.create(clerk, 'complaint');
      expectTooComplex(await sendRaw(clerk, 'patch', flow.path, deep(5000), ifMatch(flow.version)));
      const step = `{"account": ${'['.repeat(3000)}${']'.repeat(3000)}}`;
      expectTooComplex(await sendRaw(clerk, 'post', `${flow.path}/steps/listen`, step, ifMatch(flow.version)));
    });

    it('lets a body within the limits reach validation', async () => {
      const res = await sendRaw(clerk, 'post', '/api/cases', deep(32));
      expectStatus(res, 422);
      const login = await new ApiClient(t.app).raw().post('/api/auth/login').set(CSRF_HEADER, 'x').send(wide(3));
      expect(login.status).toBeLessThan(500);
    });
  });
});
