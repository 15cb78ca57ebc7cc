import type { CaseKindName, CountRow, PromiseResponse, QualityReport, RootCauseCategoryResponse } from '@pu/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { CaseFlow, expectError, expectStatus, ifMatch, stepData } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/*
 * Every figure of the quality report against values worked out by hand on a small dataset of its own: 2030 is
 * the period, 2029 the one before (no other test uses those years). Cases sit on both sides of every edge in
 * Warsaw time: 22:30 UTC on 31 December is still that day in Warsaw (CET, UTC+1), 23:30 UTC is 1 January.
 * The test clock walks forward through the two years, so every step, promise and closing happens when the
 * dataset says; the expected values are in the comments beside each case.
 *
 *   Case  Kind       Dept  Received (UTC)          Warsaw day   Facts
 *   X0    complaint  A     2028-12-31 22:30        2028-12-31   outside both periods
 *   P1    complaint  A     2028-12-31 23:30        2029-01-01   waiting_time, yes after 1 proposal, justified,
 *                                                               closed 2029-01-15 (14 days, in time); promise kept on time
 *   P3    office err A     2029-05-06 08:00        2029-05-06   discovered 07:00, informed 09:00 (2 h, in target)
 *   P4    complaint  B     2029-08-15 10:00        2029-08-15   no_contact
 *   P2    complaint  A     2029-12-31 22:30        2029-12-31   waiting_time
 *   C1    complaint  A     2029-12-31 23:30 email  2030-01-01   waiting_time, no → yes (2 proposals), partly justified,
 *                                                               closed 2030-01-10 (9 days, in time); promise kept on time
 *   C5    office err A     2030-02-10 08:00        2030-02-10   discovered 07:00, informed 11:00 (4 h, in target),
 *                                                               preventive action, closed; promise kept on time
 *   C2    complaint  A     2030-03-02 10:00 letter 2030-03-02   <own category, retired later>, partly, 1 proposal,
 *                                                               unjustified, extended twice (one reason), closed
 *                                                               2030-04-15 (44 days, in the extended time); promise kept late
 *   C7    refusal    A     2030-04-01 09:00        2030-04-01   appeal information given; followed by C8
 *   C8    complaint  A     2030-04-10 09:00        2030-04-10   follows C7; no cause yet
 *   C3    complaint  B     2030-05-05 08:00 phone  2030-05-05   waiting_time, forwarded, closed 2030-06-20 (46 days,
 *                                                               late: due 2030-06-05); promise broken
 *   C6    office err B     2030-06-03 08:00        2030-06-03   informed 2030-06-07 08:00 (96 h, past target)
 *   C9    refusal    B     2030-07-01 09:00        2030-07-01   no appeal information
 *   C10   aggressive A     2030-08-05 10:00        2030-08-05   high, security and police called, closed same day
 *   C11   aggressive B     2030-09-01 10:00        2030-09-01   severity not recorded
 *   C4    complaint  A     2030-12-31 22:59 epuap  2030-12-31   no cause yet
 *   X1    complaint  A     2030-12-31 23:30        2031-01-01   outside both periods
 *
 * Improvement actions: A1 on waiting_time done 2030-03-01 (90 days before: P2, C1 = 2; from then: C3 = 1);
 * A2 on the own category, due 2030-11-30, not done.
 */
describe('Quality report (GET /api/reports/quality)', () => {
  let t: TestApp;
  let office: Office;
  const category = `e2e_report_${randomBytes(3).toString('hex')}`;
  const ids: Record<string, string> = {};
  const actionIds: Record<'a1' | 'a2', string> = { a1: '', a2: '' };
  let clients = new Map<string, ApiClient>();

  /** Moves the test clock to `iso` (forward only); sessions do not survive months, so everyone signs in again. */
  function at(iso: string): void {
    const delta = Date.parse(iso) - t.clock.now().getTime();
    if (delta < 0) throw new Error(`The dataset goes back in time at ${iso}`);
    t.clock.advance(delta);
    clients = new Map();
  }
  async function as(who: keyof Office['users']): Promise<ApiClient> {
    const known = clients.get(who);
    if (known) return known;
    const client = await office.as(who);
    clients.set(who, client);
    return client;
  }
  const flows = new Map<string, CaseFlow>();
  async function flow(name: string, who: keyof Office['users']): Promise<CaseFlow> {
    const f = flows.get(name);
    if (!f) throw new Error(`No case ${name}`);
    f.client = await as(who);
    return f;
  }
  async function create(
    name: string,
    who: keyof Office['users'],
    kind: CaseKindName,
    receivedAt: string,
    over: Record<string, unknown> = {},
  ): Promise<CaseFlow> {
    const f = await CaseFlow.create(await as(who), kind, { receivedAt, ...over });
    flows.set(name, f);
    ids[name] = f.id;
    return f;
  }
  const ok = async (f: CaseFlow, stepId: string, data?: Record<string, unknown>) =>
    expectStatus(await f.step(stepId, data ?? stepData(f.current.kind, stepId)), 200);
  async function promise(f: CaseFlow, dueAt: string): Promise<PromiseResponse> {
    return f.promise({ description: 'Oddzwonię z informacją.', channel: 'phone', dueAt });
  }
  async function keep(who: keyof Office['users'], p: PromiseResponse): Promise<void> {
    expectStatus(await (await as(who)).patch(`/api/promises/${p.id}`, { kept: true }, ifMatch(p.version)), 200);
  }
  const outcome = (value: string, day: string, extra: Record<string, unknown> = {}) => ({
    outcome: value,
    summary: 'Rozpatrzono.',
    replySentAt: day,
    replyChannel: 'letter',
    ...extra,
  });
  const conversation = async (f: CaseFlow, cause: string) => {
    for (const s of ['listen', 'restate', 'regret']) await ok(f, s);
    await ok(f, 'cause', { rootCause: cause, description: 'Opis przyczyny.' });
  };
  const report = async (who: keyof Office['users'], query: string): Promise<QualityReport> =>
    expectStatus(await (await as(who)).get(`/api/reports/quality?${query}`), 200).body as QualityReport;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);

    at('2028-12-31T22:31:00Z');
    await create('X0', 'clerkA', 'complaint', '2028-12-31T22:30:00Z');

    at('2028-12-31T23:31:00Z');
    const p1 = await create('P1', 'clerkA', 'complaint', '2028-12-31T23:30:00Z');
    await conversation(p1, 'waiting_time');
    await ok(p1, 'propose');
    await ok(p1, 'satisfaction', { satisfaction: 'yes' });
    at('2029-01-05T09:00:00Z');
    const p1Promise = await promise(await flow('P1', 'clerkA'), '2029-01-10T12:00:00Z');
    at('2029-01-09T10:00:00Z');
    await keep('clerkA', p1Promise);
    at('2029-01-15T10:00:00Z');
    const p1Again = await flow('P1', 'clerkA');
    await ok(p1Again, 'next_steps');
    await ok(p1Again, 'outcome', outcome('justified', '2029-01-15'));
    expectStatus(await p1Again.close(), 200);

    at('2029-05-06T08:00:00Z');
    const p3 = await create('P3', 'clerkA', 'office_error', '2029-05-06T08:00:00Z', {
      discoveredAt: '2029-05-06T07:00:00Z',
    });
    await ok(p3, 'record');
    at('2029-05-06T09:30:00Z');
    await ok(await flow('P3', 'clerkA'), 'inform', { informedAt: '2029-05-06T09:00:00Z', channel: 'phone' });

    at('2029-08-15T10:00:00Z');
    await conversation(await create('P4', 'clerkB', 'complaint', '2029-08-15T10:00:00Z'), 'no_contact');

    at('2029-12-31T22:30:30Z');
    await conversation(await create('P2', 'clerkA', 'complaint', '2029-12-31T22:30:00Z'), 'waiting_time');

    at('2029-12-31T23:30:30Z');
    const c1 = await create('C1', 'clerkA', 'complaint', '2029-12-31T23:30:00Z', { channel: 'email' });
    await conversation(c1, 'waiting_time');
    await ok(c1, 'propose');
    await ok(c1, 'satisfaction', { satisfaction: 'no', expectation: 'Przeprosin na piśmie.' });
    await ok(c1, 'propose');
    await ok(c1, 'satisfaction', { satisfaction: 'yes' });
    at('2030-01-05T09:00:00Z');
    const c1Promise = await promise(await flow('C1', 'clerkA'), '2030-01-06T12:00:00Z');
    at('2030-01-06T10:00:00Z');
    await keep('clerkA', c1Promise);
    at('2030-01-10T12:00:00Z');
    const c1Again = await flow('C1', 'clerkA');
    await ok(c1Again, 'next_steps');
    await ok(c1Again, 'outcome', outcome('partly_justified', '2030-01-10'));
    expectStatus(await c1Again.close(), 200);

    at('2030-02-10T08:00:00Z');
    await ok(
      await create('C5', 'clerkA', 'office_error', '2030-02-10T08:00:00Z', { discoveredAt: '2030-02-10T07:00:00Z' }),
      'record',
    );
    at('2030-02-10T11:30:00Z');
    const c5 = await flow('C5', 'clerkA');
    await ok(c5, 'inform', { informedAt: '2030-02-10T11:00:00Z', channel: 'phone' });
    for (const s of ['apologise', 'consequences', 'fix']) await ok(c5, s);
    await ok(c5, 'accepted', { accepted: 'yes' });
    at('2030-02-11T09:00:00Z');
    const c5Promise = await promise(await flow('C5', 'clerkA'), '2030-02-11T15:00:00Z');
    at('2030-02-11T14:00:00Z');
    await keep('clerkA', c5Promise);
    at('2030-02-12T10:00:00Z');
    const c5Again = await flow('C5', 'clerkA');
    await ok(c5Again, 'next_steps');
    await ok(c5Again, 'close', {
      fixCompletedAt: '2030-02-12T09:00:00Z',
      preventiveAction: 'Podwójna kontrola naliczeń opłat.',
    });
    expectStatus(await c5Again.close(), 200);

    at('2030-02-20T10:00:00Z');
    const quality = await as('quality');
    expectStatus(
      await quality.post('/api/root-causes', { code: category, label: { pl: 'Kategoria testu', en: 'Test category' } }),
      201,
    );
    actionIds.a1 = expectStatus(
      await quality.post('/api/improvement-actions', {
        rootCause: 'waiting_time',
        what: 'Drugie stanowisko w godzinach szczytu',
        owner: 'Kierownik SO',
        dueOn: '2030-02-28',
        doneOn: '2030-03-01',
        expectedEffect: 'Mniej skarg na czas oczekiwania',
      }),
      201,
    ).body.id as string;
    actionIds.a2 = expectStatus(
      await quality.post('/api/improvement-actions', {
        rootCause: category,
        what: 'Szkolenie',
        owner: 'Sekretarz',
        dueOn: '2030-11-30',
        expectedEffect: 'Mniej skarg w tej kategorii',
      }),
      201,
    ).body.id as string;

    at('2030-03-02T10:00:30Z');
    const c2 = await create('C2', 'clerkA', 'complaint', '2030-03-02T10:00:00Z', { channel: 'letter' });
    await conversation(c2, category);
    await ok(c2, 'propose');
    await ok(c2, 'satisfaction', { satisfaction: 'partly', expectation: 'Szybszej odpowiedzi.' });
    at('2030-03-05T09:00:00Z');
    const c2Promise = await promise(await flow('C2', 'clerkA'), '2030-03-10T12:00:00Z');
    at('2030-03-11T09:00:00Z');
    await keep('clerkA', c2Promise);
    at('2030-03-25T10:00:00Z');
    const c2m = await flow('C2', 'managerA');
    const reason = 'Oczekiwanie na opinię prawną';
    expectStatus(await c2m.extend({ newDue: '2030-04-19', reason, clientToldAt: '2030-03-25T09:00:00Z' }), 200);
    expectStatus(await c2m.extend({ newDue: '2030-04-26', reason, clientToldAt: '2030-03-25T09:30:00Z' }), 200);
    at('2030-03-26T10:00:00Z');
    const own = expectStatus(await (await as('quality')).get(`/api/root-causes/${category}`), 200)
      .body as RootCauseCategoryResponse;
    expectStatus(
      await (await as('quality')).patch(`/api/root-causes/${category}`, { retired: true }, ifMatch(own.version)),
      200,
    );

    at('2030-04-01T09:00:30Z');
    const c7 = await create('C7', 'clerkA', 'refusal', '2030-04-01T09:00:00Z');
    await ok(c7, 'decision');
    await ok(c7, 'deliver', { deliveredAt: '2030-04-01T09:00:00Z', channel: 'in_person' });
    await ok(c7, 'justify');
    await ok(c7, 'farewell', { appealInfoGiven: true });

    at('2030-04-10T09:00:30Z');
    await ok(await create('C8', 'clerkA', 'complaint', '2030-04-10T09:00:00Z', { followsCaseId: ids['C7'] }), 'listen');

    at('2030-04-15T10:00:00Z');
    const c2Again = await flow('C2', 'clerkA');
    await ok(c2Again, 'next_steps');
    await ok(c2Again, 'outcome', outcome('unjustified', '2030-04-15'));
    expectStatus(await c2Again.close(), 200);

    at('2030-05-05T08:00:30Z');
    await conversation(
      await create('C3', 'clerkB', 'complaint', '2030-05-05T08:00:00Z', { channel: 'phone' }),
      'waiting_time',
    );
    at('2030-05-06T09:00:00Z');
    await promise(await flow('C3', 'clerkB'), '2030-05-10T12:00:00Z');

    at('2030-06-03T08:00:30Z');
    await ok(
      await create('C6', 'clerkB', 'office_error', '2030-06-03T08:00:00Z', { discoveredAt: '2030-06-03T08:00:00Z' }),
      'record',
    );
    at('2030-06-07T08:30:00Z');
    await ok(await flow('C6', 'clerkB'), 'inform', { informedAt: '2030-06-07T08:00:00Z', channel: 'phone' });

    at('2030-06-20T10:00:00Z');
    const c3 = await flow('C3', 'clerkB');
    await ok(c3, 'outcome', outcome('forwarded', '2030-06-20', { forwardedTo: 'Wojewoda Mazowiecki' }));
    expectStatus(await c3.close(), 200);

    at('2030-07-01T09:00:30Z');
    const c9 = await create('C9', 'clerkB', 'refusal', '2030-07-01T09:00:00Z');
    await ok(c9, 'decision');
    await ok(c9, 'deliver', { deliveredAt: '2030-07-01T09:00:00Z', channel: 'in_person' });
    await ok(c9, 'justify');
    await ok(c9, 'farewell', { appealInfoGiven: false });

    at('2030-08-05T12:00:00Z');
    const c10 = await create('C10', 'clerkA', 'aggressive_client', '2030-08-05T10:00:00Z', {
      incidentAt: '2030-08-05T10:00:00Z',
    });
    for (const s of ['listen', 'restate']) await ok(c10, s);
    await ok(c10, 'conduct', { events: [{ kind: 'shouting', at: '2030-08-05T10:05:00Z' }] });
    await ok(c10, 'close', { handled: true, severity: 'high', securityCalled: true, policeCalled: true });
    expectStatus(await c10.close(), 200);

    at('2030-09-01T10:00:30Z');
    await ok(
      await create('C11', 'clerkB', 'aggressive_client', '2030-09-01T10:00:00Z', {
        incidentAt: '2030-09-01T10:00:00Z',
      }),
      'listen',
    );

    at('2030-12-31T22:59:30Z');
    await ok(await create('C4', 'clerkA', 'complaint', '2030-12-31T22:59:00Z', { channel: 'epuap' }), 'listen');
    at('2030-12-31T23:30:30Z');
    await create('X1', 'clerkA', 'complaint', '2030-12-31T23:30:00Z');

    at('2031-01-15T10:00:00Z');
  }, 240_000);
  afterAll(() => t.close());

  const row = <K extends string>(rows: CountRow<K>[], key: K) => rows.find((r) => r.key === key);
  const counts = (current: number, previous: number) => ({
    current,
    previous,
    change: current - previous,
    changePercent: previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10,
  });

  describe("the quality officer's report for 2030", () => {
    let r: QualityReport;
    beforeAll(async () => {
      r = await report('quality', 'year=2030');
    });

    it('covers the year and the one before, for the whole office', () => {
      expect(r.period).toEqual({ from: '2030-01-01', to: '2030-12-31' });
      expect(r.previousPeriod).toEqual({ from: '2029-01-01', to: '2029-12-31' });
      expect(r.scope).toEqual({ kind: 'office' });
      expect(r.generatedAt).toBe(new Date(Date.parse(r.generatedAt)).toISOString());
    });

    it('counts cases by kind, by the Warsaw day they were received', () => {
      expect(r.byKind.rows).toEqual([
        { key: 'complaint', ...counts(5, 3) },
        { key: 'office_error', ...counts(2, 1) },
        { key: 'refusal', ...counts(2, 0) },
        { key: 'aggressive_client', ...counts(2, 0) },
      ]);
      expect(r.byKind.total).toEqual(counts(11, 4));
    });

    it('by month, in Warsaw months (C1 in January 2030, C4 in December, P2 in December 2029)', () => {
      const months = Object.fromEntries(r.byMonth.current.map((m) => [m.month, m]));
      expect(r.byMonth.current.map((m) => m.month)).toEqual(
        Array.from({ length: 12 }, (_, i) => `2030-${String(i + 1).padStart(2, '0')}`),
      );
      const totals = r.byMonth.current.map((m) => m.total);
      expect(totals).toEqual([1, 1, 1, 2, 1, 1, 1, 1, 1, 0, 0, 1]);
      expect(months['2030-01'].byKind).toEqual({ complaint: 1, office_error: 0, refusal: 0, aggressive_client: 0 });
      expect(months['2030-04'].byKind).toEqual({ complaint: 1, office_error: 0, refusal: 1, aggressive_client: 0 });
      expect(months['2030-12'].byKind.complaint).toBe(1);
      expect(r.byMonth.previous.map((m) => m.total)).toEqual([1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1]);
    });

    it('by department and by channel', () => {
      const { a, b } = office.departments;
      expect(r.byDepartment.rows).toEqual([
        { key: a.id, symbol: a.symbol, name: a.name, ...counts(7, 3) },
        { key: b.id, symbol: b.symbol, name: b.name, ...counts(4, 1) },
      ]);
      expect(r.byDepartment.total).toEqual(counts(11, 4));
      expect(r.byChannel.rows).toEqual([
        { key: 'in_person', ...counts(7, 4) },
        { key: 'phone', ...counts(1, 0) },
        { key: 'email', ...counts(1, 0) },
        { key: 'letter', ...counts(1, 0) },
        { key: 'epuap', ...counts(1, 0) },
      ]);
      expect(r.byChannel.total).toEqual(counts(11, 4));
    });

    it('ranks the root causes with their trend; a retired category stays in the report', () => {
      const [first, second] = r.rootCauses.rows;
      expect(first).toMatchObject({ key: 'waiting_time', rank: 1, share: 0.6667, trend: 'same', ...counts(2, 2) });
      expect(second).toMatchObject({ key: category, rank: 2, share: 0.3333, trend: 'new', retired: true });
      expect(second).toMatchObject(counts(1, 0));
      expect(second.label).toEqual({ pl: 'Kategoria testu', en: 'Test category' });
      expect(row(r.rootCauses.rows, 'no_contact')).toMatchObject({ rank: 3, trend: 'gone', ...counts(0, 1) });
      expect(row(r.rootCauses.rows, 'other')).toMatchObject({
        rank: 3,
        trend: 'same',
        retired: false,
        ...counts(0, 0),
      });
      expect(r.rootCauses.total).toEqual(counts(3, 3));
      expect(r.rootCauses.unrecorded).toEqual(counts(2, 0));
    });

    it('complaint outcomes of closed complaints', () => {
      expect(r.complaintOutcomes.rows).toEqual([
        { key: 'justified', ...counts(0, 1) },
        { key: 'partly_justified', ...counts(1, 0) },
        { key: 'unjustified', ...counts(1, 0) },
        { key: 'forwarded', ...counts(1, 0) },
        { key: 'left_without_consideration', ...counts(0, 0) },
        { key: 'position_maintained', ...counts(0, 0) },
      ]);
      expect(r.complaintOutcomes.total).toEqual(counts(3, 1));
    });

    it('settled within the deadline (an extension counts) and the days to settle', () => {
      // Days 0 (C10), 9 (C1), 44 (C2), 46 (C3, late): median (9 + 44) / 2, p90 = 44 + 0.7 × 2.
      expect(r.settlement.current).toEqual({
        total: 4,
        withinDeadline: 3,
        withinDeadlineShare: 0.75,
        medianDays: 26.5,
        p90Days: 45.4,
      });
      expect(r.settlement.previous).toEqual({
        total: 1,
        withinDeadline: 1,
        withinDeadlineShare: 1,
        medianDays: 14,
        p90Days: 14,
      });
      expect(r.settlement.withinDeadlineShare).toEqual({ current: 0.75, previous: 1, change: -0.25 });
      expect(r.settlement.medianDays).toEqual({ current: 26.5, previous: 14, change: 12.5 });
      const complaints = r.settlement.byKind.find((k) => k.kind === 'complaint');
      // 9, 44, 46: median 44, p90 = 44 + 0.8 × 2.
      expect(complaints?.current).toEqual({
        total: 3,
        withinDeadline: 2,
        withinDeadlineShare: 0.6667,
        medianDays: 44,
        p90Days: 45.6,
      });
      expect(r.settlement.byKind.find((k) => k.kind === 'aggressive_client')?.current).toMatchObject({
        total: 1,
        withinDeadline: 1,
        medianDays: 0,
      });
    });

    it('extensions (KPA art. 36) and their reasons', () => {
      expect(r.extensions.current).toEqual({
        casesExtended: 1,
        total: 2,
        reasons: [{ reason: 'Oczekiwanie na opinię prawną', count: 2 }],
      });
      expect(r.extensions.previous).toEqual({ casesExtended: 0, total: 0, reasons: [] });
      expect(r.extensions.total).toEqual(counts(2, 0));
    });

    it('promises by the period they fell due in', () => {
      expect(r.promises.current).toEqual({
        keptOnTime: 2,
        keptLate: 1,
        broken: 1,
        open: 0,
        total: 4,
        keptOnTimeShare: 0.5,
      });
      expect(r.promises.previous).toEqual({
        keptOnTime: 1,
        keptLate: 0,
        broken: 0,
        open: 0,
        total: 1,
        keptOnTimeShare: 1,
      });
      expect(r.promises.keptOnTimeShare).toEqual({ current: 0.5, previous: 1, change: -0.5 });
    });

    it('office errors: hours to inform, the target, the preventive actions', () => {
      expect(r.officeErrors.current).toEqual({
        total: 2,
        informed: 2,
        medianInformHours: 50,
        informedWithinTarget: 1,
        informedWithinTargetShare: 0.5,
        preventiveActionsRecorded: 1,
      });
      expect(r.officeErrors.previous).toEqual({
        total: 1,
        informed: 1,
        medianInformHours: 2,
        informedWithinTarget: 1,
        informedWithinTargetShare: 1,
        preventiveActionsRecorded: 0,
      });
      expect(r.officeErrors.preventiveActions).toEqual([
        {
          caseId: ids['C5'],
          reference: flows.get('C5')?.current.reference,
          departmentSymbol: office.departments.a.symbol,
          closedAt: expect.stringMatching(/^2030-02-12T10:00:00\.\d{3}Z$/),
          preventiveAction: 'Podwójna kontrola naliczeń opłat.',
        },
      ]);
    });

    it('refusals and what followed them', () => {
      expect(r.refusals.current).toEqual({
        total: 2,
        appealInfoGiven: 1,
        followed: 1,
        followedByComplaint: 1,
        followedByOther: 0,
      });
      expect(r.refusals.previous).toEqual({
        total: 0,
        appealInfoGiven: 0,
        followed: 0,
        followedByComplaint: 0,
        followedByOther: 0,
      });
    });

    it('aggressive incidents by severity, security and police', () => {
      expect(r.incidents.bySeverity.rows.map((x) => [x.key, x.current, x.previous])).toEqual([
        ['low', 0, 0],
        ['medium', 0, 0],
        ['high', 1, 0],
        ['critical', 0, 0],
        ['unrecorded', 1, 0],
      ]);
      expect(r.incidents.bySeverity.total).toEqual(counts(2, 0));
      expect(r.incidents.securityCalled).toEqual(counts(1, 0));
      expect(r.incidents.policeCalled).toEqual(counts(1, 0));
    });

    it('satisfaction at resolution and the proposals it took', () => {
      expect(r.satisfaction.answers.rows).toEqual([
        { key: 'yes', ...counts(1, 1) },
        { key: 'partly', ...counts(1, 0) },
        { key: 'no', ...counts(0, 0) },
      ]);
      expect(r.satisfaction.answers.total).toEqual(counts(2, 1));
      expect(r.satisfaction.proposals.rows).toEqual([
        { key: '1', ...counts(1, 1) },
        { key: '2', ...counts(1, 0) },
        { key: '3+', ...counts(0, 0) },
      ]);
      expect(r.satisfaction.averageProposals).toEqual({ current: 1.5, previous: 1, change: 0.5 });
    });

    it('improvement actions with the complaints of their area before and after', () => {
      const a1 = r.improvementActions.find((a) => a.id === actionIds.a1);
      const a2 = r.improvementActions.find((a) => a.id === actionIds.a2);
      expect(a1).toMatchObject({
        rootCause: 'waiting_time',
        doneOn: '2030-03-01',
        windowDays: 90,
        complaintsBefore: 2,
        complaintsAfter: 1,
        afterWindowComplete: true,
      });
      expect(a2).toMatchObject({
        rootCause: category,
        rootCauseLabel: { pl: 'Kategoria testu', en: 'Test category' },
        doneOn: null,
        complaintsBefore: null,
        complaintsAfter: null,
        afterWindowComplete: false,
      });
    });

    it('headline figures with the change', () => {
      expect(r.headline).toEqual([
        { key: 'cases', unit: 'count', current: 11, previous: 4, change: 7 },
        { key: 'complaints', unit: 'count', current: 5, previous: 3, change: 2 },
        { key: 'settledWithinDeadline', unit: 'share', current: 0.75, previous: 1, change: -0.25 },
        { key: 'medianDaysToSettle', unit: 'days', current: 26.5, previous: 14, change: 12.5 },
        { key: 'promisesKeptOnTime', unit: 'share', current: 0.5, previous: 1, change: -0.5 },
        { key: 'officeErrorsInformedWithinTarget', unit: 'share', current: 0.5, previous: 1, change: -0.5 },
      ]);
    });
  });

  it('a period of days: 1 January 2030 alone holds C1, the day before holds P2 (the Warsaw day boundary)', async () => {
    const r = await report('quality', 'from=2030-01-01&to=2030-01-01');
    expect(r.previousPeriod).toEqual({ from: '2029-12-31', to: '2029-12-31' });
    expect(r.byKind.rows.find((x) => x.key === 'complaint')).toMatchObject({ current: 1, previous: 1 });
    expect(r.byKind.total).toMatchObject({ current: 1, previous: 1 });
    expect(r.byMonth.current).toEqual([
      { month: '2030-01', byKind: { complaint: 1, office_error: 0, refusal: 0, aggressive_client: 0 }, total: 1 },
    ]);
  });

  it('a range of whole months is compared with as many months before', async () => {
    const r = await report('quality', 'from=2030-04-01&to=2030-06-30');
    expect(r.previousPeriod).toEqual({ from: '2030-01-01', to: '2030-03-31' });
    // April–June: C7, C8, C3, C6; January–March: C1, C5, C2.
    expect(r.byKind.total).toMatchObject({ current: 4, previous: 3 });
  });

  it("a manager's report is their department's", async () => {
    const r = await report('managerA', 'year=2030');
    const { a } = office.departments;
    expect(r.scope).toEqual({ kind: 'department', department: { id: a.id, symbol: a.symbol, name: a.name } });
    expect(r.byKind.total).toEqual(counts(7, 3));
    expect(r.byDepartment.rows.map((x) => x.key)).toEqual([a.id]);
    expect(row(r.rootCauses.rows, 'waiting_time')).toMatchObject(counts(1, 2));
    // C3 (the only waiting_time complaint after A1) is department B's.
    expect(r.improvementActions.find((x) => x.id === actionIds.a1)).toMatchObject({
      complaintsBefore: 2,
      complaintsAfter: 0,
    });
    expect(r.promises.current).toMatchObject({ keptOnTime: 2, keptLate: 1, broken: 0, total: 3 });
  });

  it('is refused to clerks and the administrator, and to nobody signed in', async () => {
    expectError(await (await as('clerkA')).get('/api/reports/quality?year=2030'), 403);
    expectError(await (await as('admin')).get('/api/reports/quality?year=2030'), 403);
    expectError(await new ApiClient(t.app).get('/api/reports/quality?year=2030'), 401);
  });

  it.each([
    ['', 'year'],
    ['year=30', 'year'],
    ['year=2030&from=2030-01-01&to=2030-02-01', 'year'],
    ['from=2030-01-01', 'to'],
    ['from=2030-02-30&to=2030-03-01', 'from'],
    ['from=2030-03-01&to=2030-02-01', 'to'],
    ['from=2020-01-01&to=2030-01-01', 'to'],
  ])('refuses ?%s with a message on %s', async (query, field) => {
    const body = expectError(
      await (await as('quality')).get(`/api/reports/quality?${query}`),
      422,
      'VALIDATION_FAILED',
    );
    expect(Object.keys((body['fields'] as Record<string, unknown>) ?? {})).toContain(field);
  });

  it('counts alike from the monthly sums kept case by case, from sums rebuilt from the facts and after compaction', async () => {
    const db = t.app.get(DataSource);
    const departments = [office.departments.a.id, office.departments.b.id];
    // Every (month, department, metric, key) of the two departments: as the triggers summed them, against the
    // same sums taken afresh from the fact rows; one statement, so both sides read one snapshot.
    const differences = async () =>
      (
        await db.query<Array<{ n: number }>>(
          `WITH kept AS (SELECT month, department_id, metric, k1, k2, k3, sum(n)::int AS n, sum(amount) AS amount
                           FROM case_report_rollup WHERE department_id = ANY($1::uuid[])
                          GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 OR sum(amount) <> 0),
                fresh AS (SELECT f.month, f.department_id, c.metric, c.k1, c.k2, c.k3, count(*)::int AS n,
                                 sum(c.amount) AS amount
                            FROM case_report_facts f CROSS JOIN LATERAL case_report_contributions(f) c
                           WHERE f.department_id = ANY($1::uuid[]) GROUP BY 1, 2, 3, 4, 5, 6)
           SELECT count(*)::int AS n FROM ((TABLE kept EXCEPT ALL TABLE fresh) UNION ALL (TABLE fresh EXCEPT ALL TABLE kept)) d`,
          [departments],
        )
      )[0].n;
    const followers = await db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM case_report_facts f
        WHERE f.department_id = ANY($1::uuid[]) AND f.kind = 'refusal'
          AND f.followers <> (SELECT count(*) FROM cases x WHERE x.follows_case_id = f.case_id)`,
      [departments],
    );
    expect(followers[0].n).toBe(0);
    const periods = ['year=2030', 'from=2029-11-20&to=2030-08-10'];
    const before = await Promise.all(periods.map((q) => report('quality', q)));
    expect(await differences()).toBe(0);

    const [{ folded }] = await db.query<Array<{ folded: number }>>(`SELECT case_report_rollup_compact() AS folded`);
    expect(folded).toBeGreaterThan(0);
    const [{ pending }] = await db.query<Array<{ pending: number }>>(
      `SELECT count(*)::int AS pending FROM case_report_rollup WHERE NOT compacted AND department_id = ANY($1::uuid[])`,
      [departments],
    );
    expect(pending).toBe(0);
    expect(await differences()).toBe(0);
    const after = await Promise.all(periods.map((q) => report('quality', q)));
    const figures = (r: QualityReport) => ({ ...r, generatedAt: undefined });
    expect(after.map(figures)).toEqual(before.map(figures));
  });

  it('answers in English when asked', async () => {
    const res = await (await as('quality')).get('/api/reports/quality?year=abcd', { 'Accept-Language': 'en' });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('Year: four digits');
  });
});
