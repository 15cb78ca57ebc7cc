import { DataSource } from 'typeorm';
import { DEFAULT_REFERENCE_FORMATS, stepIdsOf, stepOf, WORKFLOWS } from '@pu/workflow';
import type { ApiClient } from './support/api-client';
import { CaseFlow, expectError, expectStatus, history, ifMatch, KINDS, REGISTER_YEAR } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/** Each of the four workflows walked end to end over HTTP, loops and skips included. */
describe('Case workflows', () => {
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

  const titleOf = (kind: (typeof KINDS)[number], stepId: string) => stepOf(kind, stepId)?.title.pl ?? stepId;

  it('publishes the four workflow definitions with the library step ids', async () => {
    for (const who of ['clerkA', 'quality', 'admin'] as const) {
      expectStatus(await (await office.as(who)).get('/api/workflows'), 200);
    }
    const res = expectStatus(await clerk.get('/api/workflows'), 200);
    // { kinds, workflows: { [kind]: WorkflowDef }, conduct, channels, rootCauses }
    const defs = Object.values(res.body.workflows as object) as { kind: string; steps: { id: string }[] }[];
    expect(defs.map((d) => d.kind).sort()).toEqual([...KINDS].sort());
    for (const def of defs) expect(def.steps.map((s) => s.id)).toEqual(stepIdsOf(def.kind as (typeof KINDS)[number]));
  });

  it('complaint: whole workflow, with the satisfaction loop, a skipped step and a promise', async () => {
    const c = await CaseFlow.create(clerk, 'complaint');
    expect(c.current).toMatchObject({ status: 'open', currentStep: 'listen', outcome: null, anonymous: false });
    expect(c.current.reference).toMatch(
      new RegExp(`^${office.departments.a.symbol}\\.1510\\.\\d+\\.${REGISTER_YEAR}$`),
    );
    expect(c.current.availableSteps).toContain('listen');
    expect(c.current.missingForClose).toEqual(WORKFLOWS.complaint.steps.filter((s) => s.required).map((s) => s.id));

    await c.steps('listen');
    expectStatus(await c.skip('quiet_place', 'Klient rozmawiał przez telefon.'), 200);
    expect(c.current.steps['quiet_place']).toMatchObject({
      status: 'skipped',
      reason: 'Klient rozmawiał przez telefon.',
    });
    await c.steps('restate', 'regret', 'cause', 'propose');
    expect(c.current.rootCause).toBe('waiting_time');

    // "No" sends the case back to proposing a resolution.
    expectStatus(await c.step('satisfaction', { satisfaction: 'no', expectation: 'Przeprosin na piśmie.' }), 200);
    expect(c.current.availableSteps).toContain('propose');
    expect(c.current.steps).not.toHaveProperty('propose');
    expect(c.current.steps).not.toHaveProperty('satisfaction');
    expect(c.current.currentStep).toBe('propose');
    expect(c.current.missingForClose).toEqual(expect.arrayContaining(['propose', 'satisfaction']));
    await c.steps('propose', 'satisfaction');

    // next_steps promises the client something, so it needs a logged promise first.
    expectError(await c.step('next_steps'), 409);
    await c.promise();
    expect(c.current.promiseCount).toBe(1);
    await c.steps('next_steps', 'outcome');
    expect(c.current.missingForClose).toEqual([]);

    const closed = expectStatus(await c.close('Odpowiedź wysłana.'), 200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'justified', availableSteps: [] });
    expect(closed.body.closedAt).toEqual(expect.any(String));
    // A closed case takes no more steps.
    expectStatus(await c.step('quiet_place'), 409);
  });

  it('office error: whole workflow, with the fix loop and a skipped step', async () => {
    const c = await CaseFlow.create(clerk, 'office_error');
    expect(c.current.reference).toBe(
      `${office.departments.a.symbol}.${DEFAULT_REFERENCE_FORMATS.office_error.jrwa}.1.${REGISTER_YEAR}`,
    );
    await c.steps('record', 'inform', 'apologise', 'consequences');
    expect(c.current.informHours).toEqual(expect.any(Number));
    expectStatus(await c.skip('doubts', 'Klient nie miał pytań.'), 200);
    await c.steps('fix');

    expectStatus(await c.step('accepted', { accepted: 'no' }), 200);
    expect(c.current.availableSteps).toContain('fix');
    expect(c.current.steps).not.toHaveProperty('fix');
    expect(c.current.steps).not.toHaveProperty('accepted');
    await c.steps('fix', 'accepted');

    expectError(await c.step('next_steps'), 409);
    await c.promise({
      description: 'Potwierdzenie zwrotu e-mailem.',
      channel: 'email',
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    await c.steps('next_steps', 'close');
    const closed = expectStatus(await c.close(), 200);
    expect(closed.body.status).toBe('closed');
  });

  it('refusal: whole workflow, one optional step skipped and one done', async () => {
    const c = await CaseFlow.create(clerk, 'refusal');
    expect(c.current.reference).toBe(
      `${office.departments.a.symbol}.${DEFAULT_REFERENCE_FORMATS.refusal.jrwa}.1.${REGISTER_YEAR}`,
    );
    await c.steps('decision', 'deliver', 'justify');
    expectStatus(await c.skip('emotions', 'Klient przyjął decyzję spokojnie.'), 200);
    await c.steps('alternative', 'farewell');
    expect(c.current.steps['alternative']).toMatchObject({
      status: 'completed',
      data: { alternative: 'Wniosek dla sąsiedniej działki.' },
    });
    expect(expectStatus(await c.close(), 200).body.status).toBe('closed');
  });

  it('aggressive client: whole workflow, with the protest rule and the promise-backed resolution', async () => {
    const c = await CaseFlow.create(clerk, 'aggressive_client');
    expect(c.current.reference).toBe(
      `${office.departments.a.symbol}.${DEFAULT_REFERENCE_FORMATS.aggressive_client.jrwa}.1.${REGISTER_YEAR}`,
    );
    await c.steps('listen', 'quiet_place', 'restate');

    // A vulgar insult needs the standard's protest, with its time.
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const noProtest = expectError(
      await c.step('conduct', { events: [{ kind: 'vulgar_insult', at }] }),
      422,
      'VALIDATION_FAILED',
    );
    expect(noProtest['fields']).toHaveProperty('protestGivenAt');
    expectStatus(await c.step('conduct', { events: [{ kind: 'vulgar_insult', at }], protestGivenAt: at }), 200);

    expectStatus(await c.skip('legal_basis', 'Nie było potrzeby.'), 200);
    expectError(await c.step('resolve'), 409);
    await c.promise();
    await c.steps('resolve', 'close');
    expect(expectStatus(await c.close(), 200).body.status).toBe('closed');
  });

  it('refuses a step that is not available yet, naming the missing steps', async () => {
    const c = await CaseFlow.create(clerk, 'complaint');
    const body = expectError(await c.step('regret'), 409, 'WORKFLOW_STEP_NOT_ALLOWED');
    expect(body['missingSteps']).toEqual(['listen', 'restate']);
    expect(body['message']).toEqual(expect.stringContaining(titleOf('complaint', 'listen')));
    expect(body['message']).toEqual(expect.stringContaining(titleOf('complaint', 'restate')));
    // An unknown step is a route to nothing: 404 (the contract said 409; either tells the clerk the same).
    expectError(await c.step('no_such_step', {}), 404, 'NOT_FOUND');
    // Nothing changed.
    expect((await c.refresh()).steps).toEqual({});
  });

  it('refuses invalid step data with the failing field ids', async () => {
    const c = await CaseFlow.create(clerk, 'complaint');
    const empty = expectError(await c.step('listen', {}), 422, 'VALIDATION_FAILED');
    expect(Object.keys(empty['fields'] as object)).toEqual(['account']);
    await c.steps('listen');
    const wrong = expectError(
      await c.step('restate', { restatement: 42, clientConfirmed: 'tak', extra: 1 }),
      422,
      'VALIDATION_FAILED',
    );
    expect(Object.keys(wrong['fields'] as object).sort()).toEqual(['clientConfirmed', 'extra', 'restatement']);
    await c.steps('restate');
    const sorry = expectError(await c.step('regret', { confirmed: false }), 422, 'VALIDATION_FAILED');
    expect(sorry['fields']).toHaveProperty('confirmed');
  });

  it('skips only optional steps, and only with a reason', async () => {
    const c = await CaseFlow.create(clerk, 'complaint');
    await c.steps('listen');
    expectStatus(await c.skip('restate'), 409);
    expectError(await c.skip('quiet_place', '   '), 422, 'VALIDATION_FAILED');
    expectStatus(await c.skip('quiet_place'), 200);
  });

  it('closing with required steps missing answers 409 naming them', async () => {
    const c = await CaseFlow.create(clerk, 'refusal');
    await c.steps('decision', 'deliver');
    const body = expectError(await c.close(), 409, 'WORKFLOW_INCOMPLETE');
    expect(body['missingSteps']).toEqual(['justify', 'farewell']);
    expect(body['message']).toEqual(expect.stringContaining(titleOf('refusal', 'justify')));
    expect((await c.refresh()).status).toBe('open');
  });

  it('a manager reopens the last completed step; a clerk may not; only the last one', async () => {
    const c = await CaseFlow.create(clerk, 'complaint');
    await c.steps('listen', 'restate');
    expectError(await c.reopen('restate'), 403);
    const m = c.as(manager);
    expectStatus(await m.reopen('listen'), 409);
    const reopened = expectStatus(await m.reopen('restate', 'Źle zrozumiano sprawę.'), 200);
    expect(reopened.body.steps).not.toHaveProperty('restate');
    expect(reopened.body.steps).toHaveProperty('listen');
    expect(reopened.body.currentStep).toBe('restate');
    // The clerk carries on from the reopened step.
    await c.refresh();
    expectStatus(await c.step('restate', { restatement: 'Poprawione streszczenie.', clientConfirmed: true }), 200);
    expect(c.current.steps['restate']?.data).toMatchObject({ restatement: 'Poprawione streszczenie.' });
  });

  it('a closed case takes no more changes of any kind', async () => {
    const c = await CaseFlow.create(clerk, 'complaint');
    expectStatus(
      await c.step('outcome', { outcome: 'left_without_consideration', summary: 'Wycofana przez skarżącego.' }),
      200,
    );
    expectStatus(await c.close(), 200);
    const m = c.as(manager);
    const refusals = [
      await c.step('listen'),
      await c.skip('quiet_place'),
      await m.reopen('outcome'),
      await c.close(),
      await m.transfer({ departmentId: office.departments.b.id, note: 'Po zamknięciu.' }),
      await m.extend({ newDue: '2027-06-01', reason: 'Opinia.', clientToldAt: new Date().toISOString() }),
      await clerk.post(`${c.path}/promises`, { description: 'Oddzwonię.', channel: 'phone' }),
    ];
    for (const res of refusals) expectStatus(res, 409);
    // The API answers an edit of a closed case with 422 (no field named) rather than 409; either keeps it closed.
    expectStatus(await c.update({ subject: 'Po zamknięciu' }), 409, 422);
    const after = await c.refresh();
    expect(after).toMatchObject({
      status: 'closed',
      outcome: 'left_without_consideration',
      department: { id: office.departments.a.id },
    });
    expect(after.deadlines.extensions).toEqual([]);
  });

  it('every change needs a current If-Match', async () => {
    const c = await CaseFlow.create(clerk, 'complaint');
    const path = `/api/cases/${c.id}/steps/listen`;
    expectError(await clerk.post(path, { account: 'x' }), 428, 'PRECONDITION_REQUIRED');
    expectError(await clerk.post(path, { account: 'x' }, { 'If-Match': `"${c.version + 5}"` }), 412, 'STALE_VERSION');
    const ok = expectStatus(await c.step('listen'), 200);
    expect(ok.headers['etag']).toBe(`"${ok.body.version}"`);
    expect(ok.body.version).toBeGreaterThan(1);
  });

  describe('case registers (reference number format per kind)', () => {
    type Register = { kind: string; jrwa: string; format: string; example: string; version: number };
    // The office-error register: no other suite checks the form of those references.
    const registerOf = async (admin: ApiClient) =>
      (expectStatus(await admin.get('/api/admin/case-registers'), 200).body as Register[]).find(
        (r) => r.kind === 'office_error',
      )!;

    it('the administrator changes the JRWA symbol and format; new cases use them, numbering continues', async () => {
      const admin = await office.as('admin');
      const all = expectStatus(await admin.get('/api/admin/case-registers'), 200).body as Register[];
      expect(all.map((r) => r.kind).sort()).toEqual([...KINDS].sort());
      expect(all.find((r) => r.kind === 'complaint')).toMatchObject({
        jrwa: '1510',
        format: '{department}.1510.{n}.{yyyy}',
        example: `OR.1510.12.${new Date().getFullYear()}`,
      });
      const before = await registerOf(admin);
      const first = await CaseFlow.create(clerk, 'office_error');
      const n = Number(/\.(\d+)\.\d{4}$/.exec(first.current.reference)?.[1]);
      try {
        const changed = expectStatus(
          await admin.patch(
            '/api/admin/case-registers/office_error',
            { jrwa: '1520', format: '{jrwa}/{department}/{n}/{yyyy}' },
            ifMatch(before.version),
          ),
          200,
        ).body as Register;
        expect(changed).toMatchObject({ jrwa: '1520', version: before.version + 1 });
        const next = await CaseFlow.create(clerk, 'office_error');
        expect(next.current.reference).toBe(`1520/${office.departments.a.symbol}/${n + 1}/${REGISTER_YEAR}`);
        const audit = await t.app
          .get(DataSource)
          .query(
            `SELECT before->>'jrwa' AS old, after->>'jrwa' AS new FROM audit_log WHERE entity_type = 'case_register' ORDER BY id DESC LIMIT 1`,
          );
        expect(audit[0]).toEqual({ old: before.jrwa, new: '1520' });
      } finally {
        const current = await registerOf(admin);
        expectStatus(
          await admin.patch(
            '/api/admin/case-registers/office_error',
            { jrwa: before.jrwa, format: before.format },
            ifMatch(current.version),
          ),
          200,
        );
      }
    });

    it('refuses formats that would repeat references, stale versions, unknown kinds and other roles', async () => {
      const admin = await office.as('admin');
      const reg = await registerOf(admin);
      const patch = (body: unknown, version = reg.version) =>
        admin.patch('/api/admin/case-registers/office_error', body, ifMatch(version));
      for (const format of ['{department}.{n}', '{jrwa}.{n}.{yyyy}', '{department}.{nr}.{yyyy}', '']) {
        const body = expectError(await patch({ format }), 422, 'VALIDATION_FAILED');
        expect(body['fields']).toHaveProperty('format');
      }
      // The same references as the complaint register.
      const clash = expectError(await patch({ jrwa: '1510' }), 422, 'VALIDATION_FAILED');
      expect(JSON.stringify(clash['fields'])).toContain('skarg');
      expectError(await patch({ jrwa: 'ma spacje' }), 422, 'VALIDATION_FAILED');
      expectError(await patch({ format: '{department}.{n}.{yyyy}', extra: 1 }), 422, 'VALIDATION_FAILED');
      expectError(await patch({ jrwa: 'PX' }, reg.version + 5), 412);
      expectError(await admin.patch('/api/admin/case-registers/office_error', { jrwa: 'PX' }), 428);
      expectError(await admin.patch('/api/admin/case-registers/nothing', { jrwa: 'PX' }, ifMatch(1)), 404);
      expectError(await clerk.get('/api/admin/case-registers'), 403);
      expectError(
        await manager.patch('/api/admin/case-registers/office_error', { jrwa: 'PX' }, ifMatch(reg.version)),
        403,
      );
      expect(await registerOf(admin)).toEqual(reg);
    });
  });

  describe('nothing a clerk types is lost in a loop', () => {
    it('complaint: every proposal and every "no" stay on the case and in the history', async () => {
      const c = await CaseFlow.create(clerk, 'complaint');
      await c.steps('listen', 'restate', 'regret', 'cause');
      expectStatus(await c.step('propose', { proposal: 'Pierwsza propozycja.' }), 200);
      expectStatus(await c.step('satisfaction', { satisfaction: 'no', expectation: 'Przeprosin na piśmie.' }), 200);
      expectStatus(await c.step('propose', { proposal: 'Druga propozycja.' }), 200);
      expectStatus(await c.step('satisfaction', { satisfaction: 'no', expectation: 'Rozmowy z kierownikiem.' }), 200);

      expect(c.current.earlierSteps['propose']?.map((e) => e.data)).toEqual([
        { proposal: 'Pierwsza propozycja.' },
        { proposal: 'Druga propozycja.' },
      ]);
      expect(c.current.earlierSteps['satisfaction']?.map((e) => e.data?.['expectation'])).toEqual([
        'Przeprosin na piśmie.',
        'Rozmowy z kierownikiem.',
      ]);
      // Still there after a reload, and the case goes on to close.
      expect((await c.refresh()).earlierSteps['propose']).toHaveLength(2);

      const entries = await history(clerk, c.id);
      const answers = entries.filter((e) => e.action === 'complete_step' && e.entityId === 'satisfaction');
      expect(answers.map((e) => (e.after as { data: { expectation: string } }).data.expectation)).toEqual([
        'Przeprosin na piśmie.',
        'Rozmowy z kierownikiem.',
      ]);
      const loops = entries.filter((e) => e.action === 'loop_back');
      expect(loops).toHaveLength(2);
      expect(loops[0].after).toMatchObject({
        from: 'satisfaction',
        to: 'propose',
        kept: [
          { stepId: 'propose', data: { proposal: 'Pierwsza propozycja.' } },
          { stepId: 'satisfaction', data: { satisfaction: 'no', expectation: 'Przeprosin na piśmie.' } },
        ],
      });

      await c.steps('propose', 'satisfaction');
      await c.promise();
      await c.steps('next_steps', 'outcome');
      expect(expectStatus(await c.close(), 200).body.earlierSteps['propose']).toHaveLength(2);
    });

    it('office error: a fix not accepted is kept with what the client expects', async () => {
      const c = await CaseFlow.create(clerk, 'office_error');
      await c.steps('record', 'inform', 'apologise', 'consequences');
      expectStatus(await c.step('fix', { fixPlan: 'Korekta w przyszłym miesiącu.' }), 200);
      expectStatus(await c.step('accepted', { accepted: 'no', expectation: 'Zwrot jeszcze w tym tygodniu.' }), 200);
      expect(c.current.currentStep).toBe('fix');
      expect(c.current.earlierSteps).toMatchObject({
        fix: [{ data: { fixPlan: 'Korekta w przyszłym miesiącu.' } }],
        accepted: [{ data: { accepted: 'no', expectation: 'Zwrot jeszcze w tym tygodniu.' } }],
      });
      const answer = (await history(clerk, c.id)).find(
        (e) => e.action === 'complete_step' && e.entityId === 'accepted',
      );
      expect(answer?.after).toMatchObject({ data: { accepted: 'no', expectation: 'Zwrot jeszcze w tym tygodniu.' } });
    });

    it('office error: the discovery time is not asked again at the record step', async () => {
      const c = await CaseFlow.create(clerk, 'office_error');
      const res = expectError(
        await c.step('record', {
          description: 'Błąd w naliczeniu.',
          affectedMatter: 'Opłata',
          discoveredAt: new Date().toISOString(),
        }),
        422,
        'VALIDATION_FAILED',
      );
      expect(res['fields']).toHaveProperty('discoveredAt');
    });
  });
});
