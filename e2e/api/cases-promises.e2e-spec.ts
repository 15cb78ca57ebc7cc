import type { PromiseResponse } from '@pu/contracts';
import { defaultPromiseDue } from '@pu/workflow';
import type { ApiClient } from './support/api-client';
import { CaseFlow, expectError, expectStatus, ifMatch } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/** Standard 17: follow-up promises, their default due time, rescheduling, and the derived state. */
describe('Follow-up promises', () => {
  let t: TestApp;
  let office: Office;
  let clerk: ApiClient;
  let flow: CaseFlow;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    clerk = await office.as('clerkA');
    flow = await CaseFlow.create(clerk, 'complaint');
  });
  afterAll(() => t.close());

  const create = async (body: Record<string, unknown>) => {
    const res = expectStatus(await clerk.post(`${flow.path}/promises`, body), 201);
    expect(res.headers['etag']).toBe(`"${res.body.version}"`);
    return res.body as PromiseResponse;
  };
  const patch = (p: PromiseResponse, body: Record<string, unknown>) =>
    clerk.patch(`/api/promises/${p.id}`, body, ifMatch(p.version));
  /** From the app's clock, which a test may have moved on. */
  const inFuture = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();
  const listIds = async (query: string) =>
    (expectStatus(await clerk.get(`/api/promises?${query}`), 200).body as PromiseResponse[]).map((p) => p.id);

  it('a phone call-back without a due time is due at the end of the next working day (17.3)', async () => {
    const before = defaultPromiseDue('phone', t.clock.now()).toISOString();
    const p = await create({ description: 'Oddzwonię z odpowiedzią.', channel: 'phone' });
    const after = defaultPromiseDue('phone', t.clock.now()).toISOString();
    expect([before, after]).toContain(p.dueAt);
    expect(p).toMatchObject({
      caseId: flow.id,
      caseReference: flow.current.reference,
      state: 'open',
      keptAt: null,
      rescheduleCount: 0,
      createdBy: { id: office.users.clerkA.id },
    });
  });

  it('kept on time', async () => {
    const p = await create({ description: 'Wyślę formularz e-mailem.', channel: 'email', dueAt: inFuture(86_400_000) });
    const kept = expectStatus(await patch(p, { kept: true }), 200).body as PromiseResponse;
    expect(kept.state).toBe('kept');
    expect(kept.keptAt).toEqual(expect.any(String));
    expect(await listIds('scope=mine&state=kept')).toContain(p.id);
    expect(await listIds('scope=mine&state=open')).not.toContain(p.id);
    // A kept promise is settled.
    expectError(await patch(kept, { dueAt: inFuture(2 * 86_400_000), clientToldAt: new Date().toISOString() }), 422);
  });

  it('a reschedule needs the client told first (17.4)', async () => {
    const p = await create({ description: 'Oddzwonię po naradzie.', channel: 'phone', dueAt: inFuture(3_600_000) });
    const untold = expectError(await patch(p, { dueAt: inFuture(86_400_000) }), 422, 'VALIDATION_FAILED');
    expect(untold['fields']).toHaveProperty('clientToldAt');
    const earlier = expectError(
      await patch(p, { dueAt: inFuture(60_000), clientToldAt: new Date().toISOString() }),
      422,
      'VALIDATION_FAILED',
    );
    expect(earlier['fields']).toHaveProperty('dueAt');
    const toldAt = new Date(Date.now() - 1000).toISOString();
    const moved = expectStatus(await patch(p, { dueAt: inFuture(86_400_000), clientToldAt: toldAt }), 200)
      .body as PromiseResponse;
    expect(moved).toMatchObject({
      state: 'open',
      rescheduleCount: 1,
      brokenBeforeReschedule: false,
      version: p.version + 1,
    });
    expect(Date.parse(moved.lastClientToldAt!)).toBe(Date.parse(toldAt));
  });

  it('past due and not kept is broken; kept afterwards is kept late; rescheduling a broken one is remembered', async () => {
    const late = await create({ description: 'Oddzwonię za chwilę.', channel: 'phone', dueAt: inFuture(1000) });
    const rescheduled = await create({ description: 'Prześlę decyzję.', channel: 'letter', dueAt: inFuture(1000) });
    t.clock.advance(1500);

    const listed = expectStatus(await clerk.get(`${flow.path}/promises`), 200).body as PromiseResponse[];
    expect(listed.find((p) => p.id === late.id)?.state).toBe('broken');
    expect(await listIds('scope=mine&state=overdue')).toEqual(expect.arrayContaining([late.id, rescheduled.id]));
    expect(await listIds('scope=mine&state=open')).not.toContain(late.id);

    const keptLate = expectStatus(await patch(late, { kept: true }), 200).body as PromiseResponse;
    expect(keptLate.state).toBe('kept_late');

    const again = expectStatus(
      await patch(rescheduled, { dueAt: inFuture(86_400_000), clientToldAt: new Date().toISOString() }),
      200,
    ).body as PromiseResponse;
    expect(again).toMatchObject({ state: 'open', brokenBeforeReschedule: true, rescheduleCount: 1 });
  });

  it('a promise edit needs a current If-Match', async () => {
    const p = await create({ description: 'Zadzwonię jutro.', channel: 'phone' });
    expectError(await clerk.patch(`/api/promises/${p.id}`, { description: 'x' }), 428, 'PRECONDITION_REQUIRED');
    expectError(
      await clerk.patch(`/api/promises/${p.id}`, { description: 'x' }, ifMatch(p.version + 1)),
      412,
      'STALE_VERSION',
    );
  });

  it('promises on a closed case are refused', async () => {
    const closed = await CaseFlow.create(clerk, 'complaint');
    expectStatus(await closed.step('outcome', { outcome: 'left_without_consideration', summary: 'Wycofana.' }), 200);
    expectStatus(await closed.close(), 200);
    expectStatus(
      await clerk.post(`${closed.path}/promises`, { description: 'Oddzwonię.', channel: 'phone' }),
      409,
      422,
    );
  });

  it("a case transferred to another department takes its promises out of the clerk's list (standard 12)", async () => {
    const moving = await CaseFlow.create(clerk, 'complaint');
    const p = expectStatus(
      await clerk.post(`${moving.path}/promises`, { description: 'Oddzwonię jutro.', channel: 'phone' }),
      201,
    ).body as PromiseResponse;
    expect(await listIds('scope=mine&state=open')).toContain(p.id);
    expectStatus(
      await moving.transfer({
        departmentId: office.departments.b.id,
        assigneeId: null,
        note: 'Sprawa należy do wydziału B.',
      }),
      200,
    );
    expect(await listIds('scope=mine&state=open')).not.toContain(p.id);
    const clerkB = await office.as('clerkB');
    const inB = (
      expectStatus(await clerkB.get('/api/promises?scope=department&state=open'), 200).body as PromiseResponse[]
    ).map((x) => x.id);
    expect(inB).toContain(p.id);
  });
});
