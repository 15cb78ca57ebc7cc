import type { CaseResponse } from '@pu/contracts';
import { complaintDeadline } from '@pu/workflow';
import type { ApiClient } from './support/api-client';
import { CaseFlow, createCase, expectError, expectStatus, history, stepData } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/** The KPA deadlines and the complaint rules, checked through the API with literal dates. */
describe('Legal rules on cases', () => {
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

  /** End of a Warsaw day as an ISO instant: 23:59:59.999 local (CET +1 in winter, CEST +2 in summer). */
  const endOfDay = (date: string, utcOffsetHours: 1 | 2) =>
    new Date(Date.parse(`${date}T23:59:59.999Z`) - utcOffsetHours * 3_600_000).toISOString();

  const complaint = (receivedAt: string, over: Record<string, unknown> = {}) =>
    createCase(clerk, 'complaint', { receivedAt, ...over });

  describe('complaint: one month from receipt (art. 237 § 1, art. 57 § 3–4)', () => {
    it.each<[string, string, string, 1 | 2, string]>([
      // received (Warsaw)            nominal        due            why
      ['2026-01-31T10:00:00+01:00', '2026-02-28', '2026-03-02', 1, 'no 31 Feb → last day of Feb, a Saturday → Monday'],
      ['2026-03-31T10:00:00+02:00', '2026-04-30', '2026-04-30', 2, 'no 31 Apr → 30 Apr, a Thursday'],
      ['2026-10-11T10:00:00+02:00', '2026-11-11', '2026-11-12', 1, '11 Nov is Independence Day'],
      ['2026-07-15T10:00:00+02:00', '2026-08-15', '2026-08-17', 2, '15 Aug (holiday, Saturday) and a Sunday'],
      ['2026-04-03T09:00:00+02:00', '2026-05-03', '2026-05-04', 2, '3 May is a holiday and a Sunday'],
      ['2026-02-04T10:00:00+01:00', '2026-03-04', '2026-03-04', 1, 'an ordinary Wednesday'],
      ['2026-10-31T23:30:00Z', '2026-12-01', '2026-12-01', 1, 'received after midnight in Warsaw: counts from 1 Nov'],
    ])('received %s → nominal %s, due %s (UTC+%d: %s)', async (receivedAt, nominal, due, offset) => {
      const c = await complaint(receivedAt);
      expect(c.deadlines.main).toMatchObject({ nominal, due, dueAt: endOfDay(due, offset) });
      expect(c.dueAt).toBe(endOfDay(due, offset));
      if (nominal === due) expect(c.deadlines.main?.shifts).toEqual([]);
      else expect(c.deadlines.main?.shifts[0]?.date).toBe(nominal);
    });

    it('agrees with the workflow library on the first and last day of every month', async () => {
      const days = Array.from({ length: 10 }, (_, m) => [
        `2026-${String(m + 1).padStart(2, '0')}-01`,
        `2026-${String(m + 1).padStart(2, '0')}-28`,
      ]).flat();
      for (const day of days) {
        const receivedAt = new Date(`${day}T12:00:00Z`);
        const c = await complaint(receivedAt.toISOString());
        const oracle = complaintDeadline(receivedAt);
        expect({ day, due: c.deadlines.main?.due, dueAt: c.dueAt }).toEqual({
          day,
          due: oracle.due,
          dueAt: oracle.dueAt,
        });
      }
    });

    it('is overdue once the due day has passed', async () => {
      const c = await complaint('2026-01-31T10:00:00+01:00', { subject: `Zaległa ${Date.now()}` });
      expect(c.overdue).toBe(true);
      const list = expectStatus(await clerk.get(`/api/cases?overdue=true&q=${encodeURIComponent(c.subject)}`), 200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    });
  });

  it('a councillor or MP gets a reply within 14 days (art. 237 § 2), moved off a holiday', async () => {
    const c = await complaint('2026-10-28T10:00:00+01:00', {
      client: { name: 'Radna Maria Nowak', isCouncillorOrMp: true },
    });
    expect(c.deadlines.councillorReply).toMatchObject({
      nominal: '2026-11-11',
      due: '2026-11-12',
      dueAt: endOfDay('2026-11-12', 1),
    });
    const easter = await complaint('2026-03-21T10:00:00+01:00', {
      client: { name: 'Poseł Adam Nowak', isCouncillorOrMp: true },
    });
    expect(easter.deadlines.councillorReply).toMatchObject({ nominal: '2026-04-04', due: '2026-04-07' });
    const ordinary = await complaint('2026-10-28T10:00:00+01:00');
    expect(ordinary.deadlines.councillorReply).toBeUndefined();
  });

  it('a complaint may be forwarded to the competent body (7 days, art. 231) and closed at once', async () => {
    const created = await complaint('2026-10-28T10:00:00+01:00');
    expect(created.deadlines.forwarding).toMatchObject({ nominal: '2026-11-04', due: '2026-11-04' });
    const c = new CaseFlow(clerk, created);
    const forwarded = {
      outcome: 'forwarded',
      summary: 'Sprawa dotyczy drogi wojewódzkiej.',
      replySentAt: '2026-10-30',
      replyChannel: 'letter',
    };
    const noBody = expectError(await c.step('outcome', forwarded), 422, 'VALIDATION_FAILED');
    expect(noBody['fields']).toHaveProperty('forwardedTo');
    expectStatus(await c.step('outcome', { ...forwarded, forwardedTo: 'Zarząd Dróg Wojewódzkich' }), 200);
    expect(c.current.missingForClose).toEqual([]);
    // The conversation steps are no longer needed, and not offered.
    expect(c.current.availableSteps).not.toContain('listen');
    const closed = expectStatus(await c.close(), 200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'forwarded' });
  });

  it('an early outcome does not open the door to an ordinary one', async () => {
    const c = new CaseFlow(clerk, await complaint('2026-11-02T10:00:00+01:00'));
    const body = expectError(
      await c.step('outcome', stepData('complaint', 'outcome')),
      409,
      'WORKFLOW_STEP_NOT_ALLOWED',
    );
    expect(body['missingSteps']).toEqual(
      expect.arrayContaining(['listen', 'restate', 'regret', 'cause', 'propose', 'satisfaction', 'next_steps']),
    );
  });

  describe('anonymous complaints', () => {
    it('a complaint with no name and no address is anonymous and can only be left without consideration', async () => {
      const c = new CaseFlow(
        clerk,
        await complaint('2026-11-02T10:00:00+01:00', { client: { phone: '+48 500 000 001' } }),
      );
      expect(c.current.anonymous).toBe(true);
      const early = expectError(
        await c.step('outcome', {
          outcome: 'forwarded',
          summary: 'x',
          forwardedTo: 'Wojewoda',
          replySentAt: '2026-11-03',
          replyChannel: 'letter',
        }),
        422,
        'VALIDATION_FAILED',
      );
      expect(early['fields']).toHaveProperty('outcome');
      expectStatus(
        await c.step('outcome', { outcome: 'left_without_consideration', summary: 'Skarga anonimowa.' }),
        200,
      );
      const closed = expectStatus(await c.close(), 200);
      expect(closed.body).toMatchObject({ status: 'closed', outcome: 'left_without_consideration', anonymous: true });
    });

    it('an anonymous complaint cannot reach another outcome by the full route either', async () => {
      const c = new CaseFlow(clerk, await complaint('2026-11-02T10:00:00+01:00', { client: {} }));
      await c.steps('listen', 'restate', 'regret', 'cause', 'propose', 'satisfaction');
      await c.promise();
      await c.steps('next_steps');
      const res = expectError(await c.step('outcome'), 422, 'VALIDATION_FAILED');
      expect(res['fields']).toHaveProperty('outcome');
    });

    it('other kinds need a name or an address', async () => {
      for (const kind of ['office_error', 'refusal', 'aggressive_client'] as const) {
        const res = await clerk.post('/api/cases', {
          kind,
          subject: 'Bez danych klienta',
          channel: 'in_person',
          client: { phone: '+48 500 000 002' },
          ...(kind === 'office_error' ? { discoveredAt: new Date().toISOString() } : {}),
        });
        const body = expectError(res, 422, 'VALIDATION_FAILED');
        expect(body['fields']).toHaveProperty(['client.name']);
      }
      // An address alone is enough.
      await createCase(clerk, 'refusal', { client: { address: 'ul. Krótka 1, Warszawa' } });
    });

    it('an office error needs the time of discovery', async () => {
      const res = await clerk.post('/api/cases', {
        kind: 'office_error',
        subject: 'Pomyłka',
        channel: 'phone',
        client: { name: 'Anna Nowak' },
      });
      expect(expectError(res, 422, 'VALIDATION_FAILED')['fields']).toHaveProperty('discoveredAt');
    });
  });

  describe('repeated complaints (art. 239)', () => {
    /** A complaint settled as unfounded: only such a one can be answered by maintaining the position. */
    async function unfoundedComplaint(receivedAt: string): Promise<CaseResponse> {
      const c = new CaseFlow(clerk, await complaint(receivedAt));
      await c.steps('listen', 'restate', 'regret', 'cause', 'propose', 'satisfaction');
      await c.promise();
      await c.steps('next_steps');
      expectStatus(await c.step('outcome', { ...stepData('complaint', 'outcome'), outcome: 'unjustified' }), 200);
      expectStatus(await c.close(), 200);
      return c.current;
    }

    it('position maintained only for a complaint that repeats an unfounded one, and it stays linked', async () => {
      const original = await unfoundedComplaint('2026-09-01T10:00:00+02:00');
      expect(original.outcome).toBe('unjustified');
      const repeat = new CaseFlow(clerk, await complaint('2026-11-02T10:00:00+01:00', { repeatOfCaseId: original.id }));
      expect(repeat.current.repeatOfCaseId).toBe(original.id);
      expectStatus(
        await repeat.step('outcome', { outcome: 'position_maintained', summary: 'Brak nowych okoliczności.' }),
        200,
      );
      const closed = expectStatus(await repeat.close(), 200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        outcome: 'position_maintained',
        repeatOfCaseId: original.id,
      });

      const fresh = new CaseFlow(clerk, await complaint('2026-11-02T10:00:00+01:00'));
      const refused = expectError(
        await fresh.step('outcome', { outcome: 'position_maintained', summary: 'x' }),
        422,
        'VALIDATION_FAILED',
      );
      expect(refused['fields']).toHaveProperty('outcome');
      // Linking it afterwards makes the outcome possible.
      expectStatus(await fresh.update({ repeatOfCaseId: original.id }), 200);
      expectStatus(
        await fresh.step('outcome', { outcome: 'position_maintained', summary: 'Brak nowych okoliczności.' }),
        200,
      );
    });

    it('the original must be an earlier complaint found unfounded', async () => {
      const post = (repeatOfCaseId: string) =>
        clerk.post('/api/cases', {
          kind: 'complaint',
          subject: 'Ponowiona',
          channel: 'letter',
          client: { name: 'X' },
          repeatOfCaseId,
        });
      const refusal = await createCase(clerk, 'refusal');
      expect(expectError(await post(refusal.id), 422, 'VALIDATION_FAILED')['fields']).toHaveProperty('repeatOfCaseId');
      const open = await complaint('2026-10-01T10:00:00+02:00');
      expect(expectError(await post(open.id), 422, 'VALIDATION_FAILED')['fields']).toHaveProperty('repeatOfCaseId');
      const otherDepartment = await createCase(await office.as('clerkB'), 'complaint');
      expect(expectError(await post(otherDepartment.id), 422, 'VALIDATION_FAILED')['fields']).toHaveProperty(
        'repeatOfCaseId',
      );
    });

    it('a complaint received after this one cannot be the one it repeats', async () => {
      const later = await unfoundedComplaint('2026-11-20T10:00:00+01:00');
      const res = await clerk.post('/api/cases', {
        kind: 'complaint',
        subject: 'Ponowiona przed pierwotną',
        channel: 'letter',
        receivedAt: '2026-11-02T10:00:00+01:00',
        client: { name: 'X' },
        repeatOfCaseId: later.id,
      });
      expect(expectError(res, 422, 'VALIDATION_FAILED')['fields']).toHaveProperty('repeatOfCaseId');
    });
  });

  describe('refusal: appeal within 14 days of delivery (art. 129 § 2)', () => {
    it.each([
      ['2026-07-30T11:00:00+02:00', '2026-08-13', '2026-08-13', 2],
      ['2026-10-28T11:00:00+01:00', '2026-11-11', '2026-11-12', 1],
      ['2026-03-21T10:00:00+01:00', '2026-04-04', '2026-04-07', 2],
    ] as const)('delivered %s → nominal %s, due %s', async (deliveredAt, nominal, due, offset) => {
      const receivedAt = new Date(Date.parse(deliveredAt) - 86_400_000).toISOString();
      const c = new CaseFlow(clerk, await createCase(clerk, 'refusal', { receivedAt }));
      expect(c.current.deadlines.main).toBeNull();
      expect(c.current.deadlines.appeal).toBeUndefined();
      expect(c.current.dueAt).toBeNull();
      await c.steps('decision');
      expectStatus(await c.step('deliver', { deliveredAt, channel: 'in_person' }), 200);
      expect(c.current.deadlines.appeal).toMatchObject({ nominal, due, dueAt: endOfDay(due, offset) });
    });

    it('the farewell records the computed appeal deadline and refuses another date', async () => {
      const c = await CaseFlow.create(clerk, 'refusal');
      await c.steps('decision');
      expectStatus(await c.step('deliver', { deliveredAt: '2026-10-28T11:00:00+01:00', channel: 'in_person' }), 200);
      await c.steps('justify');
      const wrong = expectError(
        await c.step('farewell', { appealInfoGiven: true, appealDeadline: '2026-11-11' }),
        422,
        'VALIDATION_FAILED',
      );
      expect((wrong['fields'] as Record<string, string[]>)['appealDeadline']?.[0]).toMatch(
        /art\. 129 § 2.*12\.11\.2026/,
      );
      expectStatus(await c.step('farewell', { appealInfoGiven: true }), 200);
      expect(c.current.steps['farewell']?.data).toEqual({ appealInfoGiven: true, appealDeadline: '2026-11-12' });
    });
  });

  describe('one working day for office errors and incidents', () => {
    it.each<[string, string, 1 | 2, string]>([
      ['2026-03-06T16:00:00+01:00', '2026-03-09', 1, 'Friday → Monday'],
      ['2026-11-10T16:00:00+01:00', '2026-11-12', 1, 'over 11 November'],
      ['2026-04-03T16:00:00+02:00', '2026-04-07', 2, 'over Easter'],
    ])('office error discovered %s → due %s (UTC+%d, %s)', async (discoveredAt, due, offset) => {
      const c = await createCase(clerk, 'office_error', { discoveredAt, receivedAt: discoveredAt });
      expect(c.deadlines.main?.due).toBe(due);
      expect(c.dueAt).toBe(endOfDay(due, offset));
    });

    it('correcting the discovery time recomputes the deadline, with its explanation, in the history', async () => {
      const c = await CaseFlow.create(clerk, 'office_error', {
        receivedAt: '2026-03-09T09:00:00+01:00',
        discoveredAt: '2026-03-06T16:00:00+01:00',
      });
      expect(c.current.deadlines.main?.due).toBe('2026-03-09');
      expectStatus(await c.update({ discoveredAt: '2026-03-09T08:00:00+01:00' }), 200);
      expect(c.current.deadlines.main?.due).toBe('2026-03-10');
      expect(c.current.deadlines.main?.explanation.pl).toContain('10.03.2026');
      const change = (await history(clerk, c.id)).find((e) => e.action === 'update');
      expect(change?.before).toMatchObject({ deadlines: { main: { due: '2026-03-09' } } });
      expect(change?.after).toMatchObject({ deadlines: { main: { due: '2026-03-10' } } });
      // Only the kind's own event can be corrected.
      const refusal = await CaseFlow.create(clerk, 'refusal');
      expect(
        expectError(await refusal.update({ discoveredAt: '2026-03-09T08:00:00+01:00' }), 422, 'VALIDATION_FAILED')[
          'fields'
        ],
      ).toHaveProperty('discoveredAt');
    });

    it('an incident runs from incidentAt, or from receipt', async () => {
      const explicit = await createCase(clerk, 'aggressive_client', {
        receivedAt: '2026-04-07T09:00:00+02:00',
        incidentAt: '2026-04-03T16:00:00+02:00',
      });
      expect(explicit.deadlines.main?.due).toBe('2026-04-07');
      const implicit = await createCase(clerk, 'aggressive_client', { receivedAt: '2026-03-06T16:00:00+01:00' });
      expect(implicit.deadlines.main?.due).toBe('2026-03-09');
    });
  });

  describe('deadline extensions (art. 36)', () => {
    const toldAt = () => new Date(Date.now() - 60_000).toISOString();

    it('a manager extends with a reason, after telling the client, to a later date', async () => {
      const created = await complaint('2026-10-11T10:00:00+02:00');
      expect(created.deadlines.main?.due).toBe('2026-11-12');
      const c = new CaseFlow(manager, created);
      const clientToldAt = toldAt();
      const res = expectStatus(
        await c.extend({ newDue: '2026-12-15', reason: 'Potrzebna opinia innego wydziału.', clientToldAt }),
        200,
        201,
      );
      const body = res.body as CaseResponse;
      expect(body.deadlines.main).toMatchObject({ due: '2026-12-15', dueAt: endOfDay('2026-12-15', 1) });
      expect(body.dueAt).toBe(endOfDay('2026-12-15', 1));
      expect(body.deadlines.extensions).toHaveLength(1);
      expect(body.deadlines.extensions[0]).toMatchObject({
        previousDue: '2026-11-12',
        newDue: '2026-12-15',
        reason: 'Potrzebna opinia innego wydziału.',
        by: { id: office.users.managerA.id },
      });
      expect(Date.parse(body.deadlines.extensions[0].clientToldAt)).toBe(Date.parse(clientToldAt));
      expect(body.overdue).toBe(false);

      expectStatus(
        await c.extend({ newDue: '2026-12-22', reason: 'Opinia nadal w przygotowaniu.', clientToldAt: toldAt() }),
        200,
        201,
      );
      expect(c.current.deadlines.extensions.map((e) => [e.previousDue, e.newDue])).toEqual([
        ['2026-11-12', '2026-12-15'],
        ['2026-12-15', '2026-12-22'],
      ]);
    });

    it('refuses an extension without a reason, without the client told, or not later than now due', async () => {
      const c = new CaseFlow(manager, await complaint('2026-10-11T10:00:00+02:00'));
      const fieldsOf = async (body: { newDue: string; reason?: string; clientToldAt?: string }) =>
        Object.keys(expectError(await c.extend(body), 422, 'VALIDATION_FAILED')['fields'] as object);
      expect(await fieldsOf({ newDue: '2026-12-15', clientToldAt: toldAt() })).toContain('reason');
      expect(await fieldsOf({ newDue: '2026-12-15', reason: '   ', clientToldAt: toldAt() })).toContain('reason');
      expect(await fieldsOf({ newDue: '2026-12-15', reason: 'Opinia' })).toContain('clientToldAt');
      expect(await fieldsOf({ newDue: '2026-11-12', reason: 'Opinia', clientToldAt: toldAt() })).toContain('newDue');
      expect(await fieldsOf({ newDue: '2026-11-01', reason: 'Opinia', clientToldAt: toldAt() })).toContain('newDue');
      expect(await fieldsOf({ newDue: '15.12.2026', reason: 'Opinia', clientToldAt: toldAt() })).toContain('newDue');
      // The client is told first, then the extension is recorded: not a promise to tell them tomorrow.
      expect(
        await fieldsOf({
          newDue: '2026-12-15',
          reason: 'Opinia',
          clientToldAt: new Date(Date.now() + 86_400_000).toISOString(),
        }),
      ).toContain('clientToldAt');
      expect((await c.refresh()).deadlines.extensions).toEqual([]);
    });

    it('a clerk may not extend a deadline', async () => {
      const c = new CaseFlow(clerk, await complaint('2026-10-11T10:00:00+02:00'));
      expectError(await c.extend({ newDue: '2026-12-15', reason: 'Opinia', clientToldAt: toldAt() }), 403);
      expect((await c.refresh()).deadlines.main?.due).toBe('2026-11-12');
    });
  });
});
