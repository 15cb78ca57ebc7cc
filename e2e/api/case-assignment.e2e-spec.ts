import type { CaseResponse, HistoryEntry } from '@pu/contracts';
import { DataSource } from 'typeorm';
import type { ApiClient } from './support/api-client';
import { CaseFlow, expectError, expectStatus, history, ifMatch } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

interface NotificationRow {
  user_id: string;
  event_key: string;
  kind: string;
  case_id: string;
  payload: Record<string, unknown>;
}

/**
 * Assignment (standard 17 pt 7–10): take over, assign, transfer to a person or a department; who may; the
 * handover note on the case itself; the new assignee notified once per change; If-Match and the history.
 */
describe('Case assignment', () => {
  let t: TestApp;
  let office: Office;
  let clients: Record<keyof Office['users'], ApiClient>;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    clients = {} as typeof clients;
    for (const key of Object.keys(office.users) as (keyof Office['users'])[]) clients[key] = await office.as(key);
  });
  afterAll(() => t.close());

  const notifications = (caseId: string): Promise<NotificationRow[]> =>
    t.app
      .get(DataSource)
      .query(
        `SELECT user_id, event_key, kind, case_id, payload FROM notifications WHERE case_id = $1 ORDER BY created_at, id`,
        [caseId],
      );
  const post = (
    flow: CaseFlow,
    client: ApiClient,
    action: string,
    body: object,
    headers: Record<string, string> = {},
  ) => client.post(`${flow.path}/${action}`, body, { ...ifMatch(flow.version), ...headers });

  it('a clerk takes over an unassigned case of their department; nobody is notified of their own step', async () => {
    const flow = await CaseFlow.create(clients.clerkA, 'complaint', { assigneeId: null });
    const res = expectStatus(await post(flow, clients.clerkA2, 'take-over', {}), 200);
    const taken = res.body as CaseResponse;
    expect(taken.assignee?.id).toBe(office.users.clerkA2.id);
    expect(taken.version).toBe(flow.version + 1);
    expect(taken.handover).toMatchObject({
      kind: 'take_over',
      note: null,
      by: { id: office.users.clerkA2.id },
      fromAssigneeId: null,
    });
    expect(await notifications(flow.id)).toEqual([]);
    const entry = (await history(clients.managerA, flow.id)).find((e: HistoryEntry) => e.action === 'take_over');
    expect(entry).toMatchObject({ before: { assigneeId: null }, after: { assigneeId: office.users.clerkA2.id } });

    // Taken: a second take-over is a conflict, said in the reader's language.
    flow.current = taken;
    const again = await post(flow, clients.clerkA, 'take-over', {}, { 'Accept-Language': 'en' });
    expect(expectError(again, 409, 'CONFLICT').message).toMatch(/Someone else already has this case/);
    const mine = await post(flow, clients.clerkA2, 'take-over', {});
    expect(expectError(mine, 409, 'CONFLICT').message).toMatch(/już przydzielona Tobie/);
  });

  it('take-over: only in one’s own department, only by clerks and managers, with a current version', async () => {
    const flow = await CaseFlow.create(clients.clerkB, 'complaint', { assigneeId: null });
    expectError(await post(flow, clients.clerkA, 'take-over', {}), 404); // not even visible
    expectError(await post(flow, clients.quality, 'take-over', {}), 403);
    const stale = await clients.clerkB.post(`${flow.path}/take-over`, {}, ifMatch(flow.version - 1 || 99));
    expectError(stale, 412, 'STALE_VERSION');
    expectError(await clients.clerkB.post(`${flow.path}/take-over`, {}), 428);
    expectStatus(await post(flow, clients.managerB, 'take-over', { note: 'Biorę, bo pilne.' }), 200);
  });

  it('the manager assigns within the department and the new assignee is told once, with the note', async () => {
    const flow = await CaseFlow.create(clients.clerkA, 'complaint');
    const res = expectStatus(
      await post(flow, clients.managerA, 'assign', { assigneeId: office.users.clerkA2.id, note: 'Proszę przejąć.' }),
      200,
    );
    const assigned = res.body as CaseResponse;
    expect(assigned.assignee?.id).toBe(office.users.clerkA2.id);
    expect(assigned.handover).toMatchObject({
      kind: 'assign',
      note: 'Proszę przejąć.',
      fromAssigneeId: office.users.clerkA.id,
    });
    const sent = await notifications(flow.id);
    expect(sent).toEqual([
      expect.objectContaining({
        user_id: office.users.clerkA2.id,
        kind: 'assigned',
        event_key: `assigned:${flow.id}:${assigned.version}`,
        payload: expect.objectContaining({ caseReference: assigned.reference, note: 'Proszę przejąć.' }),
      }),
    ]);
    // The payload never carries the client's contact details (standard 12).
    expect(JSON.stringify(sent)).not.toMatch(/Długa|600 123|example\.com/);

    flow.current = assigned;
    expectError(await post(flow, clients.clerkA, 'assign', { assigneeId: office.users.clerkA.id }), 403);
    const outside = await post(flow, clients.managerA, 'assign', { assigneeId: office.users.clerkB.id });
    expect(expectError(outside, 422, 'VALIDATION_FAILED').fields).toHaveProperty('assigneeId');
    for (const id of [office.users.quality.id, office.users.admin.id, '00000000-0000-4000-8000-000000000000'])
      expectError(await post(flow, clients.managerA, 'assign', { assigneeId: id }), 422);
    expectError(await post(flow, clients.managerA, 'assign', { assigneeId: office.users.clerkA2.id }), 422);
    expectError(await post(flow, clients.managerA, 'assign', {}), 422);
    expectError(await post(flow, clients.managerB, 'assign', { assigneeId: office.users.clerkB.id }), 404);
    // Back to the department's unassigned cases.
    const back = expectStatus(await post(flow, clients.managerA, 'assign', { assigneeId: null }), 200).body;
    expect(back.assignee).toBeNull();
  });

  it('transfer to a person of another department moves the case there; the note shows on their case page', async () => {
    const flow = await CaseFlow.create(clients.clerkA, 'complaint');
    const note = 'Sprawa dotyczy gospodarki odpadami – proszę o kontakt z klientem do piątku.';
    const res = expectStatus(
      await post(flow, clients.clerkA, 'transfer', { assigneeId: office.users.clerkB.id, note }),
      200,
    );
    expect(res.body).toMatchObject({
      department: { id: office.departments.b.id },
      assignee: { id: office.users.clerkB.id },
      handover: { kind: 'transfer', note, fromDepartmentId: office.departments.a.id },
    });
    const seen = expectStatus(await clients.clerkB.get(flow.path), 200).body as CaseResponse;
    expect(seen.handover?.note).toBe(note);
    expect(seen.handover?.by?.id).toBe(office.users.clerkA.id);
    expect((await notifications(flow.id)).map((n) => n.user_id)).toEqual([office.users.clerkB.id]);
    expectError(await clients.clerkA.get(flow.path), 404);

    // A person who does not work in the department named, refused with the field.
    const other = await CaseFlow.create(clients.clerkA, 'complaint');
    const mismatch = await post(other, clients.clerkA, 'transfer', {
      departmentId: office.departments.a.id,
      assigneeId: office.users.clerkB.id,
      note: 'x',
    });
    expect(expectError(mismatch, 422).fields).toHaveProperty('assigneeId');
  });

  it("transfer to a department leaves the case unassigned there and tells that department's managers", async () => {
    const flow = await CaseFlow.create(clients.clerkA, 'complaint');
    const res = expectStatus(
      await post(flow, clients.managerA, 'transfer', { departmentId: office.departments.b.id, note: 'Właściwy B.' }),
      200,
    );
    expect(res.body).toMatchObject({ department: { id: office.departments.b.id }, assignee: null });
    expect(await notifications(flow.id)).toEqual([
      expect.objectContaining({ user_id: office.users.managerB.id, kind: 'assigned' }),
    ]);
    // Now in B's queue: B's clerk takes it over.
    const inB = new CaseFlow(clients.clerkB, res.body as CaseResponse);
    expectStatus(await post(inB, clients.clerkB, 'take-over', {}), 200);
  });

  it('only the one who has the case, or the manager, hands it over; a note is required', async () => {
    const flow = await CaseFlow.create(clients.clerkA, 'complaint');
    const colleague = await post(flow, clients.clerkA2, 'transfer', { assigneeId: office.users.clerkA2.id, note: 'x' });
    expect(expectError(colleague, 403, 'FORBIDDEN').message).toMatch(/kierownik/);
    const english = await post(
      flow,
      clients.clerkA2,
      'transfer',
      { departmentId: office.departments.b.id, note: 'x' },
      { 'Accept-Language': 'en' },
    );
    expect(english.body.message).toMatch(/person who has it or by the department/);
    expectError(await post(flow, clients.clerkA, 'transfer', { assigneeId: office.users.clerkA2.id }), 422);
    expectError(await post(flow, clients.clerkA, 'transfer', { assigneeId: office.users.clerkA2.id, note: '  ' }), 422);
    // An unassigned case: anyone of the department may send it on.
    const queue = await CaseFlow.create(clients.clerkA, 'complaint', { assigneeId: null });
    expectStatus(
      await post(queue, clients.clerkA2, 'transfer', { assigneeId: office.users.clerkA.id, note: 'Twoja.' }),
      200,
    );
  });

  it('a closed case is handed over by nobody (409)', async () => {
    const flow = await CaseFlow.create(clients.clerkA, 'complaint');
    expectStatus(
      await flow.step('outcome', { outcome: 'left_without_consideration', summary: 'Wycofana przez skarżącego.' }),
      200,
    );
    expectStatus(await flow.close(), 200);
    expectError(await post(flow, clients.managerA, 'assign', { assigneeId: office.users.clerkA2.id }), 409);
    expectError(
      await post(flow, clients.managerA, 'transfer', { departmentId: office.departments.b.id, note: 'x' }),
      409,
    );
  });

  it('two managers assigning at once: one wins, the other gets 412, and only the winner is notified', async () => {
    const flow = await CaseFlow.create(clients.clerkA, 'complaint');
    const [first, second] = await Promise.all([
      post(flow, clients.managerA, 'assign', { assigneeId: office.users.clerkA2.id }),
      post(flow, clients.managerA, 'assign', { assigneeId: office.users.managerA.id }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 412]);
    const sent = await notifications(flow.id);
    // Assigning to oneself tells nobody; otherwise exactly one notification.
    expect(sent.length).toBeLessThanOrEqual(1);
    const winner = (first.status === 200 ? first : second).body as CaseResponse;
    if (winner.assignee?.id === office.users.clerkA2.id) expect(sent).toHaveLength(1);
  });
});
