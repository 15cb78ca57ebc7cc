import type { PromiseResponse } from '@pu/contracts';
import type { ApiClient } from './support/api-client';
import { CaseFlow, caseRequest, expectStatus, ifMatch } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/** Years a slip of the keyboard produces (and the edges of 1900–2199, the range any date input may fall in). */
const IMPLAUSIBLE = ['0001-01-01T10:00:00Z', '1899-12-31T10:00:00Z', '2200-01-01T10:00:00Z', '9999-12-31T23:59:59Z'];
const PLAUSIBLE_EDGES = ['1900-01-01T10:00:00Z', '2199-12-31T10:00:00Z'];

/** Every date or time a client of the API can send is refused outside 1900–2199 with a 422 naming the field. */
describe('Dates outside 1900–2199', () => {
  let t: TestApp;
  let office: Office;
  let clerk: ApiClient;
  let manager: ApiClient;

  const expectFieldError = (res: { status: number; body: { code?: string; fields?: object } }, field: string) => {
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.fields).toHaveProperty([field]);
  };

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    clerk = await office.as('clerkA');
    manager = await office.as('managerA');
  });
  afterAll(() => t?.close());

  it.each(IMPLAUSIBLE)('refuses a case received, discovered or incident at %s', async (at) => {
    expectFieldError(await clerk.post('/api/cases', caseRequest('complaint', { receivedAt: at })), 'receivedAt');
    expectFieldError(await clerk.post('/api/cases', caseRequest('office_error', { discoveredAt: at })), 'discoveredAt');
    expectFieldError(
      await clerk.post('/api/cases', caseRequest('aggressive_client', { incidentAt: at })),
      'incidentAt',
    );
  });

  it('says in Polish what is wrong with a date', async () => {
    const range = await clerk.post('/api/cases', caseRequest('complaint', { receivedAt: '2200-01-01T10:00:00Z' }));
    expect(range.body.fields.receivedAt).toEqual(['Rok spoza zakresu 1900–2199 — sprawdź datę.']);
    const form = await clerk.post('/api/cases', caseRequest('complaint', { receivedAt: '30.11.2026' }));
    expect(form.body.fields.receivedAt).toEqual([expect.stringMatching(/^Nieprawidłowa data/)]);
  });

  it.each(IMPLAUSIBLE)('refuses a list filtered by dueBefore=%s', async (at) => {
    expectFieldError(await clerk.get(`/api/cases?dueBefore=${encodeURIComponent(at)}`), 'dueBefore');
  });

  it('accepts the first and last plausible years', async () => {
    for (const at of PLAUSIBLE_EDGES)
      expectStatus(await clerk.get(`/api/cases?dueBefore=${encodeURIComponent(at)}`), 200);
    expectStatus(await clerk.post('/api/cases', caseRequest('complaint', { receivedAt: PLAUSIBLE_EDGES[0] })), 201);
  });

  it.each(IMPLAUSIBLE)('refuses a promise due, kept or rescheduled at %s', async (at) => {
    const flow = await CaseFlow.create(clerk, 'complaint');
    const body = { description: 'Oddzwonię', channel: 'phone' };
    expectFieldError(await clerk.post(`${flow.path}/promises`, { ...body, dueAt: at }), 'dueAt');
    const promise = expectStatus(await clerk.post(`${flow.path}/promises`, body), 201).body as PromiseResponse;
    const patch = (change: object) => clerk.patch(`/api/promises/${promise.id}`, change, ifMatch(promise.version));
    expectFieldError(await patch({ kept: true, keptAt: at }), 'keptAt');
    expectFieldError(await patch({ dueAt: at, clientToldAt: new Date().toISOString() }), 'dueAt');
    expectFieldError(
      await patch({ dueAt: new Date(Date.now() + 86_400_000).toISOString(), clientToldAt: at }),
      'clientToldAt',
    );
  });

  it.each(['0001-01-01', '2200-01-02', '9999-12-31'])('refuses a deadline extended to %s', async (day) => {
    const flow = await CaseFlow.create(clerk, 'complaint');
    const res = await manager.post(
      `${flow.path}/deadline-extensions`,
      { newDue: day, reason: 'Potrzebna opinia biegłego.', clientToldAt: '0001-01-01T10:00:00Z' },
      ifMatch(flow.version),
    );
    expectFieldError(res, 'newDue');
    expectFieldError(res, 'clientToldAt');
  });
});
