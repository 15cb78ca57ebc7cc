import type { CaseResponse, PromiseResponse } from '@pu/contracts';
import { DEFAULT_REFERENCE_FORMATS } from '@pu/workflow';
import type { ApiClient } from './support/api-client';
import {
  CaseFlow,
  caseRequest,
  describeResponse,
  expectError,
  expectStatus,
  history,
  ifMatch,
  REGISTER_YEAR,
} from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/** Races: optimistic locking, gapless register numbers under parallel creates, idempotent retries. */
describe('Cases under concurrent requests', () => {
  let t: TestApp;
  let office: Office;
  let clerk: ApiClient;
  let clerk2: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    clerk = await office.as('clerkA');
    clerk2 = await office.as('clerkA2');
  });
  afterAll(() => t.close());

  const changes = <T extends { action: string }>(entries: T[]) =>
    entries.filter((e) => e.action !== 'read_personal_data');

  it('20 parallel edits with the same If-Match: exactly one wins, and its change is the one stored', async () => {
    const flow = await CaseFlow.create(clerk, 'complaint');
    const before = changes(await history(clerk, flow.id)).length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? clerk : clerk2).patch(flow.path, { subject: `Równoległa zmiana ${i}` }, ifMatch(flow.version)),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    const winners = answers.filter((r) => r.status === 200);
    if (winners.length !== 1 || answers.some((r) => r.status !== 200 && r.status !== 412)) {
      throw new Error(
        `Expected one 200 and nineteen 412, got ${statuses.join(',')}: ${answers
          .filter((r) => r.status >= 500)
          .map(describeResponse)
          .join('\n')}`,
      );
    }
    for (const lost of answers.filter((r) => r.status === 412)) expect(lost.body.code).toBe('STALE_VERSION');
    const winner = winners[0].body as CaseResponse;
    expect(winner.version).toBe(flow.version + 1);

    const stored = await flow.refresh();
    expect(stored.subject).toBe(winner.subject);
    expect(stored.version).toBe(winner.version);
    const after = changes(await history(clerk, flow.id));
    expect(after.length).toBe(before + 1);
    expect(JSON.stringify(after.at(-1)?.after)).toContain(winner.subject);
  });

  it('parallel step completions: one wins, the rest see a stale version', async () => {
    const flow = await CaseFlow.create(clerk, 'complaint');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        clerk.post(`${flow.path}/steps/listen`, { account: `Relacja ${i}` }, ifMatch(flow.version)),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(412)]);
    const stored = await flow.refresh();
    const winner = answers.find((r) => r.status === 200)!.body as CaseResponse;
    expect(stored.steps['listen']?.data).toEqual(winner.steps['listen']?.data);
  });

  it('50 parallel creates in one department get 50 distinct, consecutive register numbers', async () => {
    const tag = `Seria ${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? clerk : clerk2).post('/api/cases', caseRequest('aggressive_client', { subject: `${tag} #${i}` })),
      ),
    );
    const failed = answers.filter((r) => r.status !== 201);
    if (failed.length)
      throw new Error(`${failed.length} creates failed:\n${failed.slice(0, 3).map(describeResponse).join('\n')}`);
    const refs = answers.map((r) => (r.body as CaseResponse).reference);
    expect(new Set(refs).size).toBe(50);
    const pattern = new RegExp(
      `^${office.departments.a.symbol}\\.${DEFAULT_REFERENCE_FORMATS.aggressive_client.jrwa}\\.(\\d+)\\.${REGISTER_YEAR}$`,
    );
    const numbers = refs.map((ref) => Number(pattern.exec(ref)?.[1])).sort((a, b) => a - b);
    expect(numbers.every(Number.isInteger)).toBe(true);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => numbers[0] + i));
    // The first case of this register in this fresh department starts at 1.
    expect(numbers[0]).toBe(1);
  });

  it('a failed create uses no register number', async () => {
    const first = expectStatus(await clerk.post('/api/cases', caseRequest('refusal')), 201).body as CaseResponse;
    expectStatus(await clerk.post('/api/cases', { ...caseRequest('refusal'), channel: 'fax' }), 422);
    expectStatus(await clerk.post('/api/cases', caseRequest('refusal', { client: {} })), 422);
    const second = expectStatus(await clerk.post('/api/cases', caseRequest('refusal')), 201).body as CaseResponse;
    const n = (ref: string) => Number(ref.split('.')[2]);
    expect(n(second.reference)).toBe(n(first.reference) + 1);
  });

  it('a transferred case keeps its reference and does not block the receiving register', async () => {
    const o = await createOffice(t.app);
    const [clerkA, managerA, clerkB] = [await o.as('clerkA'), await o.as('managerA'), await o.as('clerkB')];
    const moved = await CaseFlow.create(clerkA, 'complaint');
    expect(moved.current.reference).toBe(`${o.departments.a.symbol}.1510.1.${REGISTER_YEAR}`);
    expectStatus(
      await moved
        .as(managerA)
        .transfer({ departmentId: o.departments.b.id, assigneeId: null, note: 'Właściwy jest wydział B.' }),
      200,
    );
    // Department B's own first complaint is number 1 of B's register, like the one that came from A was of A's.
    const own = await clerkB.post('/api/cases', caseRequest('complaint'));
    expect(expectStatus(own, 201).body.reference).toBe(`${o.departments.b.symbol}.1510.1.${REGISTER_YEAR}`);
    const again = expectStatus(await clerkB.get(moved.path), 200).body as CaseResponse;
    expect(again.reference).toBe(`${o.departments.a.symbol}.1510.1.${REGISTER_YEAR}`);
  });

  describe('idempotent retries', () => {
    const key = () => `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`;

    it('the same key five times in parallel creates one case and answers the same', async () => {
      const body = caseRequest('complaint');
      const k = key();
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => clerk.post('/api/cases', body, { 'Idempotency-Key': k })),
      );
      for (const res of answers) expectStatus(res, 201);
      const caseIds = new Set(answers.map((r) => (r.body as CaseResponse).id));
      expect(caseIds.size).toBe(1);
      expect(new Set(answers.map((r) => (r.body as CaseResponse).reference)).size).toBe(1);
      const found = expectStatus(await clerk.get(`/api/cases?q=${encodeURIComponent(body.subject)}`), 200);
      expect(found.body.items).toHaveLength(1);

      // A later retry still gets the first answer.
      const late = expectStatus(await clerk.post('/api/cases', body, { 'Idempotency-Key': k }), 201);
      expect(late.body.id).toBe([...caseIds][0]);
      expect(late.headers['etag']).toBe(`"${late.body.version}"`);
    });

    it('reusing a key with a different body is refused', async () => {
      const k = key();
      expectStatus(await clerk.post('/api/cases', caseRequest('complaint'), { 'Idempotency-Key': k }), 201);
      expectError(
        await clerk.post('/api/cases', caseRequest('complaint'), { 'Idempotency-Key': k }),
        422,
        'IDEMPOTENCY_KEY_REUSED',
      );
    });

    it('a key names one operation: reused on another endpoint or case it is refused; a refused request does not use it up', async () => {
      const k = key();
      const a = await CaseFlow.create(clerk, 'complaint');
      const b = await CaseFlow.create(clerk, 'complaint');
      const promise = { description: 'Oddzwonię.', channel: 'phone' };
      expectStatus(await clerk.post(`${a.path}/promises`, promise, { 'Idempotency-Key': k }), 201);
      expectError(
        await clerk.post(`${b.path}/promises`, promise, { 'Idempotency-Key': k }),
        422,
        'IDEMPOTENCY_KEY_REUSED',
      );
      expectError(
        await clerk.post('/api/cases', caseRequest('complaint'), { 'Idempotency-Key': k }),
        422,
        'IDEMPOTENCY_KEY_REUSED',
      );
      expect((await b.refresh()).promiseCount).toBe(0);

      const fresh = key();
      const body = caseRequest('complaint');
      expectStatus(await clerk.post('/api/cases', { ...body, channel: 'fax' }, { 'Idempotency-Key': fresh }), 422);
      expectStatus(await clerk.post('/api/cases', body, { 'Idempotency-Key': fresh }), 201);
    });

    it('keys belong to one user: the same key from another clerk is a different request', async () => {
      const k = key();
      const a = expectStatus(await clerk.post('/api/cases', caseRequest('complaint'), { 'Idempotency-Key': k }), 201);
      const b = expectStatus(await clerk2.post('/api/cases', caseRequest('complaint'), { 'Idempotency-Key': k }), 201);
      expect(b.body.id).not.toBe(a.body.id);
    });

    it('promises: one promise for five parallel retries; another body with the key is refused', async () => {
      const flow = await CaseFlow.create(clerk, 'complaint');
      const k = key();
      const body = { description: 'Oddzwonię po konsultacji z kierownikiem.', channel: 'phone' };
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => clerk.post(`${flow.path}/promises`, body, { 'Idempotency-Key': k })),
      );
      for (const res of answers) expectStatus(res, 201);
      expect(new Set(answers.map((r) => (r.body as PromiseResponse).id)).size).toBe(1);
      const listed = expectStatus(await clerk.get(`${flow.path}/promises`), 200).body as PromiseResponse[];
      expect(listed).toHaveLength(1);
      expect((await flow.refresh()).promiseCount).toBe(1);
      expectError(
        await clerk.post(`${flow.path}/promises`, { ...body, channel: 'email' }, { 'Idempotency-Key': k }),
        422,
        'IDEMPOTENCY_KEY_REUSED',
      );
    });

    it('parallel edits of one promise: exactly one wins', async () => {
      const flow = await CaseFlow.create(clerk, 'complaint');
      const promise = await flow.promise();
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          clerk.patch(`/api/promises/${promise.id}`, { description: `Nowa treść ${i}` }, ifMatch(promise.version)),
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(412)]);
    });
  });
});
