import type { CaseListItem, PromiseResponse } from '@pu/contracts';
import type { Response } from 'supertest';
import { signedIn, type ApiClient } from './support/api-client';
import { CaseFlow, CLIENT, caseRequest, describeResponse, expectStatus, ifMatch, NO_SUCH_ID } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

type Role = 'clerk' | 'manager' | 'quality' | 'admin';
type Where = 'own' | 'other';
type Expected = number | readonly number[];
type Row = Record<Role, Expected>;

const ROLES: readonly Role[] = ['clerk', 'manager', 'quality', 'admin'];
/** Who plays each role: all sit in department A. "own" objects belong to A, "other" ones to B. */
const ACTOR = { clerk: 'clerkA', manager: 'managerA', quality: 'quality', admin: 'admin' } as const;
const ids = (res: Response) => (res.body.items as CaseListItem[]).map((i) => i.id);
const row = (clerk: Expected, manager: Expected, quality: Expected, admin: Expected): Row => ({
  clerk,
  manager,
  quality,
  admin,
});

/** Reads: staff of the department and the quality officer; never the administrator. */
const READ = { own: row(200, 200, 200, 403), other: row(404, 404, 200, 403) };
/** Changes: staff of the department only; the quality officer reads but never changes. */
const CHANGE = { own: row(200, 200, 403, 403), other: row(404, 404, 403, 403) };

interface Fixture {
  flow: CaseFlow;
  promise?: PromiseResponse;
}

interface Endpoint {
  name: string;
  /** Builds the object as its own department's clerk would have left it. */
  prepare(flow: CaseFlow): Promise<Fixture>;
  call(client: ApiClient, fx: Fixture, where: Where): Promise<Response>;
  expected: Record<Where, Row>;
  /** For changes, a refused call must leave the object untouched. */
  mutates: boolean;
}

const asIs = (flow: CaseFlow): Promise<Fixture> => Promise.resolve({ flow });
const afterListen = async (flow: CaseFlow): Promise<Fixture> => {
  await flow.steps('listen');
  return { flow };
};
const withPromise = async (flow: CaseFlow): Promise<Fixture> => ({ flow, promise: await flow.promise() });

const ENDPOINTS: Endpoint[] = [
  { name: 'GET /cases/:id', prepare: asIs, call: (c, { flow }) => c.get(flow.path), expected: READ, mutates: false },
  {
    name: 'GET /cases/:id/history',
    prepare: asIs,
    call: (c, { flow }) => c.get(`${flow.path}/history`),
    expected: READ,
    mutates: false,
  },
  {
    name: 'GET /cases/:id/promises',
    prepare: withPromise,
    call: (c, { flow }) => c.get(`${flow.path}/promises`),
    expected: READ,
    mutates: false,
  },
  {
    name: 'PATCH /cases/:id',
    prepare: asIs,
    call: (c, { flow }) => c.patch(flow.path, { subject: 'Zmieniony temat' }, ifMatch(flow.version)),
    expected: CHANGE,
    mutates: true,
  },
  {
    name: 'POST /cases/:id/steps/:step',
    prepare: asIs,
    call: (c, { flow }) => c.post(`${flow.path}/steps/listen`, { account: 'Relacja klienta.' }, ifMatch(flow.version)),
    expected: CHANGE,
    mutates: true,
  },
  {
    name: 'POST /cases/:id/steps/:step/skip',
    prepare: afterListen,
    call: (c, { flow }) =>
      c.post(`${flow.path}/steps/quiet_place/skip`, { reason: 'Rozmowa telefoniczna.' }, ifMatch(flow.version)),
    expected: CHANGE,
    mutates: true,
  },
  {
    name: 'POST /cases/:id/steps/:step/reopen',
    prepare: afterListen,
    call: (c, { flow }) => c.post(`${flow.path}/steps/listen/reopen`, { reason: 'Pomyłka.' }, ifMatch(flow.version)),
    // Managers only; for a clerk the role alone decides, so either answer is fine for another department's case.
    expected: { own: row(403, 200, 403, 403), other: row([403, 404], 404, 403, 403) },
    mutates: true,
  },
  {
    name: 'POST /cases/:id/close',
    prepare: async (flow) => {
      await flow
        .step('outcome', { outcome: 'left_without_consideration', summary: 'Brak podpisu i adresu.' })
        .then((r) => expectStatus(r, 200));
      return { flow };
    },
    call: (c, { flow }) => c.post(`${flow.path}/close`, {}, ifMatch(flow.version)),
    expected: CHANGE,
    mutates: true,
  },
  {
    name: 'POST /cases/:id/transfer',
    prepare: asIs,
    // To a third department: moving cases into B would put B's register numbers in play (see the concurrency spec).
    call: (c, { flow }) =>
      c.post(
        `${flow.path}/transfer`,
        { departmentId: elsewhere().departments.a.id, note: 'Sprawa dotyczy innego wydziału.' },
        ifMatch(flow.version),
      ),
    expected: CHANGE,
    mutates: true,
  },
  {
    name: 'POST /cases/:id/deadline-extensions',
    prepare: asIs,
    call: (c, { flow }) =>
      c.post(
        `${flow.path}/deadline-extensions`,
        {
          newDue: '2027-03-01',
          reason: 'Opinia innego organu.',
          clientToldAt: new Date(Date.now() - 60_000).toISOString(),
        },
        ifMatch(flow.version),
      ),
    expected: { own: row(403, [200, 201], 403, 403), other: row([403, 404], 404, 403, 403) },
    mutates: true,
  },
  {
    name: 'POST /cases/:id/promises',
    prepare: asIs,
    call: (c, { flow }) => c.post(`${flow.path}/promises`, { description: 'Oddzwonię jutro.', channel: 'phone' }),
    expected: { own: row(201, 201, 403, 403), other: row(404, 404, 403, 403) },
    mutates: true,
  },
  {
    name: 'PATCH /promises/:id',
    prepare: withPromise,
    call: (c, { promise }) => c.patch(`/api/promises/${promise!.id}`, { kept: true }, ifMatch(promise!.version)),
    expected: CHANGE,
    mutates: true,
  },
];

// The offices exist only once beforeAll ran; the endpoint table is built before that.
let currentOffice: Office;
let spareOffice: Office;
const office = () => currentOffice;
/** Another office's departments, to transfer cases to. */
const elsewhere = () => spareOffice;

describe('Who may do what with cases and promises', () => {
  let t: TestApp;
  const clients = {} as Record<keyof Office['users'], ApiClient>;

  beforeAll(async () => {
    t = await createTestApp();
    currentOffice = await createOffice(t.app);
    spareOffice = await createOffice(t.app);
    for (const key of Object.keys(currentOffice.users) as (keyof Office['users'])[])
      clients[key] = await currentOffice.as(key);
  });
  afterAll(() => t.close());

  const ownerOf = (where: Where) =>
    where === 'own'
      ? { clerk: clients.clerkA, manager: clients.managerA }
      : { clerk: clients.clerkB, manager: clients.managerB };
  const matches = (status: number, expected: Expected) =>
    typeof expected === 'number' ? status === expected : expected.includes(status);

  /** What the department's manager sees of the fixture, to prove a refused change left it alone. */
  async function snapshot(fx: Fixture, where: Where): Promise<unknown> {
    const manager = ownerOf(where).manager;
    const kase = expectStatus(await manager.get(fx.flow.path), 200).body;
    const promises = expectStatus(await manager.get(`${fx.flow.path}/promises`), 200).body as PromiseResponse[];
    return {
      version: kase.version,
      status: kase.status,
      steps: kase.steps,
      dep: kase.department.id,
      promises: promises.map((p) => [p.id, p.version]),
    };
  }

  describe.each(ENDPOINTS)('$name', (endpoint) => {
    const cells = (['own', 'other'] as const).flatMap((where) =>
      ROLES.map((role) => ({ where, role, expected: endpoint.expected[where][role] })),
    );
    const shared = new Map<Where, Promise<Fixture>>();

    const fixture = async (where: Where): Promise<Fixture> => {
      const make = async () => endpoint.prepare(await CaseFlow.create(ownerOf(where).clerk, 'complaint'));
      if (endpoint.mutates) return make();
      if (!shared.has(where)) shared.set(where, make());
      return shared.get(where)!;
    };

    it.each(cells)('$role on an $where-department object → $expected', async ({ where, role, expected }) => {
      const fx = await fixture(where);
      const before = endpoint.mutates ? await snapshot(fx, where) : null;
      const res = await endpoint.call(clients[ACTOR[role]], fx, where);
      if (!matches(res.status, expected))
        throw new Error(`${role}/${where}: expected ${JSON.stringify(expected)}, got ${describeResponse(res)}`);
      if (res.status >= 400) {
        expect(res.body.code).toBe(res.status === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
        if (endpoint.mutates) expect(await snapshot(fx, where)).toEqual(before);
      }
    });
  });

  describe('endpoints without an object', () => {
    it.each([
      ['GET /workflows', (c: ApiClient) => c.get('/api/workflows'), row(200, 200, 200, 200)],
      ['GET /cases', (c: ApiClient) => c.get('/api/cases'), row(200, 200, 200, 403)],
      ['POST /cases', (c: ApiClient) => c.post('/api/cases', caseRequest('complaint')), row(201, 201, 403, 403)],
      ['GET /promises?scope=mine', (c: ApiClient) => c.get('/api/promises?scope=mine'), row(200, 200, [200, 403], 403)],
      [
        'GET /promises?scope=department',
        (c: ApiClient) => c.get('/api/promises?scope=department'),
        row([200, 403], 200, 200, 403),
      ],
      ['GET /promises?scope=all', (c: ApiClient) => c.get('/api/promises?scope=all'), row(403, 403, 200, 403)],
      [
        'GET /promises?scope=department&departmentId=<other>',
        (c: ApiClient) => c.get(`/api/promises?scope=department&departmentId=${office().departments.b.id}`),
        row(403, 403, 200, 403),
      ],
    ] as const)('%s', async (_name, call, expected) => {
      for (const role of ROLES) {
        const res = await call(clients[ACTOR[role]]);
        if (!matches(res.status, expected[role]))
          throw new Error(`${role}: expected ${JSON.stringify(expected[role])}, got ${describeResponse(res)}`);
      }
    });

    it('nobody registers a case in another department', async () => {
      for (const who of ['clerkA', 'managerA'] as const) {
        const res = await clients[who].post(
          '/api/cases',
          caseRequest('complaint', { departmentId: office().departments.b.id }),
        );
        expectStatus(res, 403, 422);
      }
    });
  });

  it('a malformed or unknown id is 404 on every case and promise route', async () => {
    const clerk = clients.clerkA;
    for (const id of ['not-a-uuid', '123', NO_SUCH_ID]) {
      const base = `/api/cases/${id}`;
      const answers = [
        await clerk.get(base),
        await clerk.get(`${base}/history`),
        await clerk.get(`${base}/promises`),
        await clerk.patch(base, { subject: 'x' }, ifMatch(1)),
        await clerk.post(`${base}/steps/listen`, { account: 'x' }, ifMatch(1)),
        await clerk.post(`${base}/close`, {}, ifMatch(1)),
        await clerk.post(`${base}/promises`, { description: 'x', channel: 'phone' }),
        await clerk.patch(`/api/promises/${id}`, { kept: true }, ifMatch(1)),
      ];
      for (const res of answers) if (res.status !== 404) throw new Error(`Expected 404: ${describeResponse(res)}`);
    }
  });

  describe('lists', () => {
    let ownCase: CaseFlow;
    let otherCase: CaseFlow;
    // Other spec files share the database: a tag finds this test's cases among everyone's.
    const tag = `Listowa-${Date.now().toString(36)}`;

    beforeAll(async () => {
      ownCase = await CaseFlow.create(clients.clerkA, 'complaint', { subject: `${tag} własna` });
      otherCase = await CaseFlow.create(clients.clerkB, 'refusal', { subject: `${tag} cudza` });
      await ownCase.promise();
      await otherCase.promise();
    });

    it('clerks and managers see only their department (and what is assigned to them)', async () => {
      for (const who of ['clerkA', 'managerA'] as const) {
        const items = expectStatus(await clients[who].get('/api/cases?limit=100'), 200).body.items as CaseListItem[];
        expect(items.map((i) => i.id)).toContain(ownCase.id);
        expect(items.map((i) => i.id)).not.toContain(otherCase.id);
        for (const item of items) expect(item.department.id).toBe(office().departments.a.id);
        // Asking for the other department explicitly does not help.
        const other = await clients[who].get(`/api/cases?departmentId=${office().departments.b.id}`);
        if (other.status === 200) expect(ids(other)).not.toContain(otherCase.id);
        else expectStatus(other, 403);
        // Nor does searching for its reference.
        const search = expectStatus(
          await clients[who].get(`/api/cases?q=${encodeURIComponent(otherCase.current.reference)}`),
          200,
        );
        expect(ids(search)).toEqual([]);
      }
      const quality = expectStatus(await clients.quality.get(`/api/cases?q=${tag}`), 200);
      expect(ids(quality).sort()).toEqual([ownCase.id, otherCase.id].sort());
      for (const who of ['clerkA', 'managerA'] as const) {
        expect(ids(expectStatus(await clients[who].get(`/api/cases?q=${tag}`), 200))).toEqual([ownCase.id]);
      }
    });

    it('list items carry the client name only, never contact details', async () => {
      for (const who of ['clerkA', 'managerA', 'quality'] as const) {
        for (const everything of [
          await clients[who].get('/api/cases?limit=100'),
          await clients[who].get('/api/cases?limit=100&sort=-received'),
        ]) {
          for (const secret of [CLIENT.phone, CLIENT.email, CLIENT.address])
            expect(expectStatus(everything, 200).text).not.toContain(secret);
        }
        const res = expectStatus(await clients[who].get(`/api/cases?q=${tag}`), 200);
        const item = (res.body.items as CaseListItem[]).find((i) => i.id === ownCase.id);
        expect(item?.clientName).toBe(CLIENT.name);
        for (const secret of [CLIENT.phone, CLIENT.email, CLIENT.address]) expect(res.text).not.toContain(secret);
        expect(Object.keys(item!).filter((k) => /phone|email|address|^client$/i.test(k))).toEqual([]);
      }
    });

    it('promise lists keep to the department too', async () => {
      const mine = expectStatus(await clients.clerkA.get('/api/promises?scope=mine&state=any'), 200)
        .body as PromiseResponse[];
      expect(mine.map((p) => p.caseId)).toContain(ownCase.id);
      expect(mine.map((p) => p.caseId)).not.toContain(otherCase.id);
      const dept = expectStatus(await clients.managerA.get('/api/promises?scope=department&state=any'), 200)
        .body as PromiseResponse[];
      expect(dept.map((p) => p.caseId)).toContain(ownCase.id);
      for (const p of dept) expect(p.department.id).toBe(office().departments.a.id);
      // The quality officer sees every department's promises (filtered here to this test's departments).
      for (const [dep, kase] of [
        [office().departments.a.id, ownCase],
        [office().departments.b.id, otherCase],
      ] as const) {
        const seen = expectStatus(
          await clients.quality.get(`/api/promises?scope=all&state=any&departmentId=${dep}&limit=100`),
          200,
        ).body as PromiseResponse[];
        expect(seen.map((p) => p.caseId)).toContain(kase.id);
      }
    });
  });

  describe('transfers move visibility with the case', () => {
    it("the receiving department's clerk sees it at once; the sending clerk no longer does", async () => {
      const receiving = await elsewhere().as('clerkA');
      const flow = await CaseFlow.create(clients.clerkA, 'complaint', { assigneeId: null });
      expectStatus(await receiving.get(flow.path), 404);
      expectStatus(
        await flow.transfer({
          departmentId: elsewhere().departments.a.id,
          assigneeId: null,
          note: 'Dotyczy podatków – inny wydział.',
        }),
        200,
      );
      expect(flow.current.department.id).toBe(elsewhere().departments.a.id);
      expectStatus(await receiving.get(flow.path), 200);
      expectStatus(await clients.clerkA.get(flow.path), 404);
      expectStatus(await clients.clerkA2.get(flow.path), 404);
      expectStatus(await clients.managerA.get(flow.path), 404);
      const list = expectStatus(await receiving.get(`/api/cases?q=${encodeURIComponent(flow.current.reference)}`), 200);
      expect(ids(list)).toEqual([flow.id]);
    });

    it('a case goes only to someone who can work cases; a person of another department takes it there', async () => {
      const flow = await CaseFlow.create(clients.clerkB, 'complaint');
      for (const id of [office().users.quality.id, office().users.admin.id]) {
        expectStatus(await flow.as(clients.managerB).transfer({ assigneeId: id, note: 'x' }), 422);
      }
      const named = await flow.as(clients.managerB).transfer({
        departmentId: office().departments.b.id,
        assigneeId: office().users.clerkA.id,
        note: 'Proszę o przejęcie.',
      });
      expect(expectStatus(named, 422).body.fields).toHaveProperty('assigneeId');
      const res = await flow
        .as(clients.managerB)
        .transfer({ assigneeId: office().users.clerkA.id, note: 'Proszę o przejęcie.' });
      expect(expectStatus(res, 200).body.department.id).toBe(office().departments.a.id);
    });

    it('an assignee keeps seeing the case after moving to another department; colleagues there do not', async () => {
      const admin = clients.admin;
      const username = `przenoszony-${Date.now()}`;
      const created = expectStatus(
        await admin.post('/api/admin/users', {
          username,
          displayName: 'Przenoszony Urzędnik',
          role: 'clerk',
          departmentId: elsewhere().departments.b.id,
          password: 'Bardzo-dlugie-haslo-1',
        }),
        201,
      );
      const mover = await signedIn(t.app, username, 'Bardzo-dlugie-haslo-1');
      const flow = await CaseFlow.create(mover, 'complaint');
      expect(flow.current.assignee?.id).toBe(created.body.id);
      expectStatus(
        await admin.patch(
          `/api/admin/users/${created.body.id}`,
          { departmentId: office().departments.a.id },
          ifMatch(created.body.version),
        ),
        200,
      );
      const moved = await signedIn(t.app, username, 'Bardzo-dlugie-haslo-1');
      expectStatus(await moved.get(flow.path), 200);
      expect(ids(expectStatus(await moved.get('/api/cases?limit=100'), 200))).toContain(flow.id);
      expectStatus(await clients.clerkA.get(flow.path), 404);
    });
  });
});
