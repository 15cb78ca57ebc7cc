import type { CaseResponse } from '@pu/contracts';
import type { ApiClient } from './support/api-client';
import { CaseFlow, expectError, expectStatus, history, ifMatch, stepData } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/** Correcting a case: its details edited under If-Match, only real changes in the history; a reopened step's data kept. */
describe('Correcting a case', () => {
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
  afterAll(() => t.close());

  it('edits subject, description, client details, accommodation and the councillor flag, each change recorded', async () => {
    const flow = await CaseFlow.create(clerk, 'complaint', {
      subject: 'Dziura w chodniku',
      client: { name: 'Anna Nowak', phone: '+48 600 000 001' },
    });
    const body = {
      subject: 'Dziura w chodniku przy ul. Polnej',
      description: 'Zgłoszenie telefoniczne, potwierdzone pismem.',
      client: {
        name: 'Anna Nowak',
        address: 'ul. Polna 3, 00-001 Warszawa',
        phone: '+48 600 000 002',
        email: null,
        accommodation: 'Obsługa przy stanowisku na parterze',
        isCouncillorOrMp: true,
      },
    };
    const updated = expectStatus(await flow.update(body), 200).body as CaseResponse;
    expect(updated.subject).toBe(body.subject);
    expect(updated.client).toMatchObject({ ...body.client, email: null });
    expect(updated.deadlines.councillorReply).toBeDefined();

    const edit = (await history(clerk, flow.id)).filter((e) => e.action === 'update');
    expect(edit).toHaveLength(1);
    const after = edit[0].after as Record<string, unknown>;
    // The name and the (empty) e-mail were sent unchanged: not a change.
    expect(Object.keys(after).sort()).toEqual(
      [
        'subject',
        'description',
        'client_address',
        'client_phone',
        'client_accommodation',
        'client_is_councillor',
        'deadlines',
        'due_at',
      ].sort(),
    );
    expect(edit[0].before).toMatchObject({ client_phone: '+48 600 000 001', client_is_councillor: false });
  });

  it('refuses a stale version with 412 and changes nothing', async () => {
    const flow = await CaseFlow.create(clerk, 'complaint');
    const stale = flow.version;
    expectStatus(await flow.update({ subject: 'Pierwsza poprawka' }), 200);
    expectError(await clerk.patch(flow.path, { subject: 'Druga poprawka' }, ifMatch(stale)), 412, 'STALE_VERSION');
    expect((await flow.refresh()).subject).toBe('Pierwsza poprawka');
  });

  it('sending the same values again is no change: same version, no history entry', async () => {
    const flow = await CaseFlow.create(clerk, 'refusal');
    const before = flow.version;
    const res = expectStatus(await flow.update({ subject: flow.current.subject }), 200).body as CaseResponse;
    expect(res.version).toBe(before);
    expect((await history(clerk, flow.id)).filter((e) => e.action === 'update')).toEqual([]);
  });

  it('a reopened step comes back with what was entered, until it is done again', async () => {
    const flow = await CaseFlow.create(clerk, 'refusal');
    const data = stepData('refusal', 'decision');
    expectStatus(await flow.step('decision', data), 200);
    const reopened = expectStatus(await flow.as(manager).reopen('decision'), 200).body as CaseResponse;
    expect(reopened.steps['decision']).toBeUndefined();
    expect(reopened.reopenedSteps['decision']).toMatchObject({ stepId: 'decision', status: 'completed', data });
    expect((await flow.refresh()).reopenedSteps['decision']?.data).toEqual(data);

    const corrected = { ...data, scope: 'Odmowa dotyczy wyłącznie dodatku mieszkaniowego.' };
    const done = expectStatus(await flow.step('decision', corrected), 200).body as CaseResponse;
    expect(done.steps['decision']?.data).toMatchObject(corrected);
    expect(done.reopenedSteps).toEqual({});
    const entries = await history(clerk, flow.id);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['reopen_step', 'complete_step']));
  });
});
