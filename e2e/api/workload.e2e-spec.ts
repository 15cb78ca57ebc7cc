import type {
  CaseListItem,
  DashboardPersonRow,
  DashboardResponse,
  MyWorkResponse,
  PromiseResponse,
  WorkloadCounts,
} from '@pu/contracts';
import { endOfToday } from '@pu/workflow';
import type { ApiClient } from './support/api-client';
import { CaseFlow, createCase, expectError, expectStatus } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
const MINUTE = 60_000;

/**
 * The manager's dashboard and "my work" against the real PostgreSQL, with the test's clock: each figure is
 * checked by hand for a small department, and then against the list it links to (every number, totals and
 * per person, must be exactly the length of that list).
 */
describe('Dashboard and my work', () => {
  let t: TestApp;
  let office: Office;
  const c: Record<'overdue' | 'unassigned' | 'touched' | 'dueSoon' | 'fresh', CaseFlow> = {} as never;

  const now = () => t.clock.now();
  const as = (who: keyof Office['users']) => office.as(who);

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    const clerkA = await as('clerkA');
    const clerkA2 = await as('clerkA2');
    // Registered "today": received 40 days ago (overdue a week from now), one nobody has, one that a promise
    // will touch later.
    c.overdue = await CaseFlow.create(clerkA, 'complaint', {
      receivedAt: new Date(now().getTime() - 40 * DAY).toISOString(),
    });
    c.unassigned = await CaseFlow.create(clerkA, 'complaint', { assigneeId: null });
    c.touched = await CaseFlow.create(clerkA2, 'complaint', {
      receivedAt: new Date(now().getTime() - 35 * DAY).toISOString(),
    });

    // Eight days pass: those three have had no activity for seven days.
    t.clock.advance(8 * DAY);
    // Keep clear of midnight in Warsaw, so "due today" has room.
    if (endOfToday(now()).getTime() - now().getTime() < 30 * MINUTE) t.clock.advance(45 * MINUTE);
    const a = await as('clerkA');
    const a2 = await as('clerkA2');
    // An office error found an hour ago: due the next working day, so due within 3 working days.
    c.dueSoon = await CaseFlow.create(a, 'office_error', {
      discoveredAt: new Date(now().getTime() - 3600_000).toISOString(),
    });
    c.fresh = await CaseFlow.create(a, 'complaint');
    // clerkA promises something for later today; clerkA2 something due in 2 minutes, on the idle case (which is
    // activity on it), and then breaks it.
    expectStatus(
      await a.post(`${c.dueSoon.path}/promises`, {
        description: 'Oddzwonię jeszcze dziś.',
        channel: 'phone',
        dueAt: new Date(Math.min(now().getTime() + 20 * MINUTE, endOfToday(now()).getTime())).toISOString(),
      }),
      201,
    );
    expectStatus(
      await a2.post(`${c.touched.path}/promises`, {
        description: 'Wyślę e-mail za chwilę.',
        channel: 'email',
        dueAt: new Date(now().getTime() + 2 * MINUTE).toISOString(),
      }),
      201,
    );
    t.clock.advance(3 * MINUTE);
  });
  afterAll(() => t.close());

  const dashboard = async (client: ApiClient, query = ''): Promise<DashboardResponse> =>
    expectStatus(await client.get(`/api/dashboard${query}`), 200).body as DashboardResponse;
  const personRow = (d: DashboardResponse, id: string | null): DashboardPersonRow => {
    const row = d.byPerson.find((r) => (r.person?.id ?? null) === id && r.department.id === office.departments.a.id);
    if (!row) throw new Error(`No row for ${id}`);
    return row;
  };

  it("counts a manager's department by hand: overdue, due soon, idle, broken and due-today promises", async () => {
    const d = await dashboard(await as('managerA'));
    expect(d.department?.id).toBe(office.departments.a.id);
    expect(d.thresholds).toMatchObject({ dueSoonWorkingDays: 3, idleDays: 7 });
    expect(d.totals).toEqual<WorkloadCounts>({
      overdue: 2, // received 40 and 35 days ago
      dueSoon: 1, // the office error
      idle: 2, // the promise on `touched` was activity; the two new ones are fresh
      brokenPromises: 1,
      promisesDueToday: 1,
    });
    const u = office.users;
    expect(personRow(d, u.clerkA.id).counts).toEqual({
      overdue: 1,
      dueSoon: 1,
      idle: 1,
      brokenPromises: 0,
      promisesDueToday: 1,
    });
    expect(personRow(d, u.clerkA2.id).counts).toEqual({
      overdue: 1,
      dueSoon: 0,
      idle: 0,
      brokenPromises: 1,
      promisesDueToday: 0,
    });
    expect(personRow(d, null).counts).toMatchObject({ idle: 1, overdue: 0 });
    // Everyone who can work cases is listed, with zeros too; nobody from another department.
    expect(personRow(d, u.managerA.id).counts).toEqual({
      overdue: 0,
      dueSoon: 0,
      idle: 0,
      brokenPromises: 0,
      promisesDueToday: 0,
    });
    expect(d.byPerson.every((r) => r.department.id === office.departments.a.id)).toBe(true);
  });

  /** The list each figure links to, as the SPA builds the link. */
  function caseLink(key: keyof WorkloadCounts, departmentId: string, person: string | null | undefined): string {
    const who = person === undefined ? '' : person === null ? '&unassigned=true' : `&assigneeId=${person}`;
    const filter = { overdue: 'overdue=true', dueSoon: 'dueWithinWorkingDays=3', idle: 'idleDays=7' }[
      key as 'overdue' | 'dueSoon' | 'idle'
    ];
    return `/api/cases?status=open&departmentId=${departmentId}${who}&${filter}&limit=100`;
  }
  function promiseLink(key: keyof WorkloadCounts, departmentId: string, person: string | undefined): string {
    const state = key === 'brokenPromises' ? 'overdue' : 'due_today';
    return `/api/promises?scope=department&state=${state}&departmentId=${departmentId}${person ? `&createdBy=${person}` : ''}&limit=500`;
  }

  it.each(['managerA', 'quality'] as const)(
    'every number %s sees is the length of the list it links to',
    async (who) => {
      const client = await as(who);
      const dep = office.departments.a.id;
      const d = await dashboard(client, `?departmentId=${dep}`);
      const keys = Object.keys(d.totals) as (keyof WorkloadCounts)[];
      const lengthOf = async (key: keyof WorkloadCounts, person: string | null | undefined) => {
        if (key === 'brokenPromises' || key === 'promisesDueToday') {
          const list = expectStatus(await client.get(promiseLink(key, dep, person ?? undefined)), 200)
            .body as PromiseResponse[];
          return list.length;
        }
        const page = expectStatus(await client.get(caseLink(key, dep, person)), 200).body as {
          items: CaseListItem[];
        };
        return page.items.length;
      };
      for (const key of keys) expect([key, await lengthOf(key, undefined)]).toEqual([key, d.totals[key]]);
      for (const row of d.byPerson)
        for (const key of keys) {
          // Promises always have a maker: the unassigned row counts cases only.
          if (row.person === null && (key === 'brokenPromises' || key === 'promisesDueToday')) continue;
          expect([row.person?.displayName ?? 'unassigned', key, await lengthOf(key, row.person?.id ?? null)]).toEqual([
            row.person?.displayName ?? 'unassigned',
            key,
            row.counts[key],
          ]);
        }
    },
  );

  it('the lists filter exactly those cases', async () => {
    const manager = await as('managerA');
    const ids = async (query: string) =>
      (
        expectStatus(await manager.get(`/api/cases?departmentId=${office.departments.a.id}&${query}&limit=100`), 200)
          .body.items as CaseListItem[]
      ).map((i) => i.id);
    expect(await ids('dueWithinWorkingDays=3')).toEqual([c.dueSoon.id]);
    expect((await ids('idleDays=7')).sort()).toEqual([c.overdue.id, c.unassigned.id].sort());
    expect(await ids('unassigned=true')).toEqual([c.unassigned.id]);
    expect(await ids(`assigneeId=${office.users.clerkA2.id}&overdue=true`)).toEqual([c.touched.id]);
    // Within 60 working days, the fresh complaint (due in a month) too; and every case in the list is open.
    expect(await ids('dueWithinWorkingDays=60')).toEqual(expect.arrayContaining([c.dueSoon.id, c.fresh.id]));
    expect(await ids('idleDays=9')).toEqual([]);
    // Contradictory filters answer an empty list, not an error.
    expect(await ids(`unassigned=true&assigneeId=${office.users.clerkA.id}`)).toEqual([]);
    const clerk = await as('clerkA');
    const other = `departmentId=${office.departments.b.id}&assigneeId=${office.users.clerkA.id}&unassigned=true`;
    expect(
      expectStatus(await clerk.get(`/api/cases?${other}&overdue=false&dueWithinWorkingDays=17`), 200).body.items,
    ).toEqual([]);
  });

  it('refuses thresholds out of range with a message, not a 500', async () => {
    const manager = await as('managerA');
    for (const q of ['dueWithinWorkingDays=-1', 'dueWithinWorkingDays=61', 'idleDays=0', 'idleDays=x', 'unassigned=1'])
      expectStatus(await manager.get(`/api/cases?${q}`), 400, 422);
    expectStatus(await manager.get('/api/promises?scope=department&state=soon'), 400, 422);
  });

  it('a manager sees only their own department; the quality officer any or all; clerks none', async () => {
    const managerB = await as('managerB');
    expectError(await managerB.get(`/api/dashboard?departmentId=${office.departments.a.id}`), 403, 'FORBIDDEN');
    const english = await managerB.get(`/api/dashboard?departmentId=${office.departments.a.id}`, {
      'Accept-Language': 'en',
    });
    expect(english.body.message).toMatch(/your own department/);
    expect((await dashboard(managerB)).department?.id).toBe(office.departments.b.id);
    expectError(await (await as('clerkA')).get('/api/dashboard'), 403);
    expectError(await (await as('admin')).get('/api/dashboard'), 403);
    const all = await dashboard(await as('quality'));
    expect(all.department).toBeNull();
    expect(all.totals.overdue).toBeGreaterThanOrEqual(2);
    expect(all.byPerson.some((r) => r.department.id === office.departments.b.id)).toBe(true);
    expectError(
      await (await as('quality')).get(`/api/dashboard?departmentId=00000000-0000-4000-8000-000000000000`),
      404,
    );
  });

  it("my work: my cases overdue and due soon, my promises, my department's unassigned cases", async () => {
    const clerk = await as('clerkA');
    const mine = expectStatus(await clerk.get('/api/my-work'), 200).body as MyWorkResponse;
    expect(mine).toMatchObject({
      myCasesOverdue: 1,
      myCasesDueSoon: 1,
      myPromisesBroken: 0,
      myPromisesDueToday: 1,
      departmentUnassigned: 1,
    });
    const me = office.users.clerkA.id;
    const count = async (path: string) => {
      const body = expectStatus(await clerk.get(path), 200).body as { items?: unknown[] } | unknown[];
      return Array.isArray(body) ? body.length : (body.items?.length ?? -1);
    };
    expect(await count(`/api/cases?assigneeId=${me}&overdue=true&limit=100`)).toBe(mine.myCasesOverdue);
    expect(await count(`/api/cases?assigneeId=${me}&dueWithinWorkingDays=3&limit=100`)).toBe(mine.myCasesDueSoon);
    expect(await count('/api/promises?scope=mine&state=due_today')).toBe(mine.myPromisesDueToday);
    expect(await count('/api/promises?scope=mine&state=overdue')).toBe(mine.myPromisesBroken);
    expect(await count('/api/cases?unassigned=true&status=open&limit=100')).toBe(mine.departmentUnassigned);
    const other = expectStatus(await (await as('clerkA2')).get('/api/my-work'), 200).body as MyWorkResponse;
    expect(other).toMatchObject({ myCasesOverdue: 1, myPromisesBroken: 1, departmentUnassigned: 1 });
    expectError(await (await as('quality')).get('/api/my-work'), 403);
  });

  it('a step on an idle case makes it active again', async () => {
    const clerk = await as('clerkA');
    await c.overdue.as(clerk).refresh();
    expectStatus(await c.overdue.as(clerk).step('listen'), 200);
    const d = await dashboard(await as('managerA'));
    expect(d.totals.idle).toBe(1);
    const kase = expectStatus(await clerk.get(c.overdue.path), 200).body;
    expect(Date.parse(kase.lastActivityAt)).toBeGreaterThan(now().getTime() - MINUTE);
  });

  it('the staff list names active clerks and managers only', async () => {
    const staff = expectStatus(
      await (await as('clerkA')).get(`/api/staff?departmentId=${office.departments.a.id}`),
      200,
    ).body as { id: string; role: string }[];
    const ids = staff.map((s) => s.id).sort();
    const u = office.users;
    expect(ids).toEqual([u.clerkA.id, u.clerkA2.id, u.managerA.id].sort());
    expectError(await (await as('admin')).get('/api/staff'), 403);
  });

  it('a case a clerk registers is created with the clerk as assignee, so "my work" counts it at once', async () => {
    const clerk = await as('clerkB');
    const before = (expectStatus(await clerk.get('/api/my-work'), 200).body as MyWorkResponse).myCasesDueSoon;
    await createCase(clerk, 'office_error', { discoveredAt: new Date(now().getTime() - MINUTE).toISOString() });
    const after = (expectStatus(await clerk.get('/api/my-work'), 200).body as MyWorkResponse).myCasesDueSoon;
    expect(after).toBe(before + 1);
  });
});
