import type { CaseResponse, PromiseResponse } from '@pu/contracts';
import { CHANNELS, stepIdsOf } from '@pu/workflow';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { ApiClient } from './support/api-client';
import { CaseFlow, caseRequest, describeResponse, expectStatus, KINDS, NO_SUCH_ID, stepData } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Random, malformed and hostile request bodies and queries: whatever comes in, the answer is a
 * 2xx or a 4xx, never a 5xx. Runs are capped so the file stays well under a minute on PGlite.
 */
const RUNS = Number(process.env['E2E_FUZZ_RUNS'] ?? 60);

/** Percent-encodes anything, lone surrogates included (encodeURIComponent throws on those). */
const enc = (v: string) =>
  encodeURIComponent(v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
/** Raw query or path text that is not valid percent-encoding or not valid UTF-8 once decoded. */
const rawNasty = fc.constantFrom('%', '%zz', '%ED%A0%80', '%00', '%C0%AF', '%FF', '%2e%2e%2f');

// ---- Generators -------------------------------------------------------------------------------

const nasty = fc.constantFrom(
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\ud800',
  '😀'.repeat(3),
  'Zażółć gęślą jaźń',
  "'; DROP TABLE cases; --",
  '%_\\',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '2026-02-30',
  '2026-13-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '1900-01-01T00:00:00Z',
  'NaN',
  '1e309',
  // ISO 8601, but outside the API's grammar (and once read by `Date` as nothing at all).
  '2026-W05-3',
  '2026-123',
  '2026-01-01T10Z',
  '2026-01-01T10:00:00,5Z',
  '2026-01-01T10:00:00+01',
);
/** Long enough to hit every text limit, still under the body limit (multi-byte). */
const long = fc.constantFrom('ą'.repeat(10_001), 'x'.repeat(2_001), 'ż'.repeat(100_000));
const instantIn = (min: string, max: Date) =>
  fc.date({ min: new Date(min), max, noInvalidDate: true }).map((d) => d.toISOString());
/** Mostly the recent past (what a clerk would enter), sometimes far past or future, or a year no case can have. */
const instant = fc.oneof(
  { weight: 4, arbitrary: instantIn('2025-01-01T00:00:00Z', new Date()) },
  { weight: 1, arbitrary: instantIn('1900-01-01T00:00:00Z', new Date('2100-01-01T00:00:00Z')) },
  { weight: 1, arbitrary: instantIn('0001-01-01T00:00:00Z', new Date('9999-12-31T23:59:59Z')) },
  // The edges, where a deadline computed from the date (+1 working day, +1 month) leaves the range.
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '9999-12-31T23:59:59.999Z',
      '0001-01-01T00:00:00Z',
      '2199-12-31T23:00:00Z',
      '1900-01-01T00:00:00Z',
    ),
  },
);
/** A real instant rewritten in another ISO 8601 form: week or ordinal date, hour alone, comma, short offset… */
const isoOdd = fc
  .tuple(instantIn('2025-01-01T00:00:00Z', new Date()), fc.integer({ min: 0, max: 7 }))
  .map(([iso, form]) => {
    const [day, time] = [iso.slice(0, 10), iso.slice(11, 19)];
    const [y, m, d] = day.split('-').map(Number);
    const ordinal = Math.floor((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 0)) / 86_400_000);
    return [
      `${y}-W${String(Math.ceil(ordinal / 7)).padStart(2, '0')}-${(ordinal % 7) + 1}`,
      `${y}-${String(ordinal).padStart(3, '0')}T${time}Z`,
      `${day}T${time.slice(0, 2)}Z`,
      `${day}T${time},5Z`,
      `${day}T${time}+01`,
      `${day}T${time}+0100`,
      `${day}T${time.slice(0, 5)}Z`,
      `${day}T${time}`,
    ][form];
  });
/** Mostly a well-formed instant, sometimes one in an ISO 8601 form the API does not take. */
const anyInstant = fc.oneof({ weight: 4, arbitrary: instant }, { weight: 1, arbitrary: isoOdd });
const localDate = fc.oneof(
  { weight: 4, arbitrary: instant.map((s) => s.slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom('2026-W05-3', '2026-123', '20261231', '2026-12-31T00:00:00Z') },
);
const json = fc.jsonValue({ maxDepth: 3 });
const junk = fc.oneof(
  { weight: 3, arbitrary: json },
  { weight: 3, arbitrary: nasty },
  { weight: 1, arbitrary: long },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 2 ** 53, 1.5, [], {}, [null], { $gt: '' }) },
);
/** Mostly valid values, sometimes junk of any type. */
const maybe = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: junk });
const text = fc.string({ minLength: 1, maxLength: 60 });
const kind = fc.constantFrom(...KINDS);
const channel = fc.constantFrom(...CHANNELS);
/** Sometimes adds fields nobody asked for. */
const withExtras = (arb: fc.Arbitrary<Record<string, unknown>>) =>
  fc
    .tuple(
      arb,
      fc.dictionary(
        fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id', 'version', 'status')),
        junk,
        { maxKeys: 2 },
      ),
      fc.integer({ min: 0, max: 4 }),
    )
    .map(([body, extra, roll]) => (roll === 0 ? { ...extra, ...body } : body));
/** JSON text nested or keyed around and far past the parser's limits (32 levels, 10,000 keys). */
const complexJson = fc.oneof(
  fc
    .tuple(fc.integer({ min: 28, max: 6000 }), fc.constantFrom('[', '{"a":'))
    .map(([n, open]) => `${open.repeat(n)}1${(open === '[' ? ']' : '}').repeat(n)}`),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => '['.repeat(n)),
  fc
    .integer({ min: 9_990, max: 10_010 })
    .map((n) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 0])))),
);
/** The whole body replaced by anything at all, or raw text that is not JSON. */
const wholeJunk = fc.oneof(
  json,
  nasty,
  complexJson,
  fc.constantFrom(
    '{"__proto__": {"role": "admin"}}',
    '{"a":',
    '[]',
    'null',
    '"x"',
    '{"kind": "complaint", "kind": "refusal"}',
  ),
);

const clientDetails = fc.record(
  {
    name: maybe(text),
    address: maybe(text),
    phone: maybe(fc.constantFrom('+48 600 100 200', '600100200', '')),
    email: maybe(fc.constantFrom('a@b.pl', 'jan.nowak@urzad.gov.pl', '')),
    accommodation: maybe(text),
    isCouncillorOrMp: maybe(fc.boolean()),
  },
  { requiredKeys: [] },
);

interface Ids {
  departments: string[];
  users: string[];
  cases: string[];
}
const idOf = (ids: readonly string[]) =>
  maybe(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ids) },
      { weight: 1, arbitrary: fc.constantFrom(NO_SUCH_ID, null) },
    ),
  );

/** Usually absent (undefined vanishes from the JSON), sometimes present. */
const seldom = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 4, nil: undefined });

/**
 * A create body shaped by its kind, as the SPA would send it, with junk mixed in: links and
 * kind-specific times are mostly absent, so that a fair share of bodies is valid and gets stored.
 */
const createBody = (ids: Ids) =>
  kind.chain((k) =>
    withExtras(
      fc.record(
        {
          kind: maybe(fc.constant(k)),
          subject: maybe(text),
          description: maybe(text),
          channel: maybe(channel),
          receivedAt: seldom(maybe(anyInstant)),
          client: maybe(clientDetails),
          departmentId: seldom(idOf(ids.departments)),
          assigneeId: seldom(idOf(ids.users)),
          discoveredAt: k === 'office_error' ? maybe(anyInstant) : seldom(maybe(anyInstant)),
          incidentAt: k === 'aggressive_client' ? seldom(maybe(anyInstant)) : fc.constant(undefined),
          repeatOfCaseId: seldom(idOf(ids.cases)),
          followsCaseId: seldom(idOf(ids.cases)),
        },
        { requiredKeys: ['kind', 'subject', 'channel', 'client'] },
      ),
    ),
  );

/** Bodies with random but well-typed values only: these get past validation and exercise storage. */
const recent = instantIn('2025-01-01T00:00:00Z', new Date());
const cleanCreateBody = (ids: Ids) =>
  kind.chain((k) =>
    fc.record(
      {
        kind: fc.constant(k),
        subject: text,
        description: seldom(fc.string({ maxLength: 500 })),
        channel,
        receivedAt: seldom(recent),
        client: fc.record(
          {
            name: text,
            address: seldom(text),
            phone: seldom(fc.constant('+48 600 100 200')),
            accommodation: seldom(text),
            isCouncillorOrMp: seldom(fc.boolean()),
          },
          { requiredKeys: ['name'] },
        ),
        assigneeId: seldom(fc.constantFrom(ids.users[0], ids.users[1])),
        discoveredAt: k === 'office_error' ? recent : fc.constant(undefined),
        incidentAt: k === 'aggressive_client' ? seldom(recent) : fc.constant(undefined),
      },
      { requiredKeys: ['kind', 'subject', 'channel', 'client'] },
    ),
  );
const cleanUpdateBody = fc.record(
  {
    subject: text,
    description: fc.option(fc.string({ maxLength: 500 }), { nil: null }),
    channel,
    client: fc.record({ name: text, accommodation: seldom(text) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const updateBody = (ids: Ids) =>
  withExtras(
    fc.record(
      {
        subject: maybe(text),
        description: maybe(text),
        channel: maybe(channel),
        client: maybe(clientDetails),
        repeatOfCaseId: idOf(ids.cases),
        followsCaseId: idOf(ids.cases),
      },
      { requiredKeys: [] },
    ),
  );

/** Field ids of a step with mostly valid sample values, some replaced by junk. */
const stepBody = (k: (typeof KINDS)[number], stepId: string) => {
  const sample = stepIdsOf(k).includes(stepId) ? stepData(k, stepId) : {};
  const fields = Object.fromEntries(Object.entries(sample).map(([id, value]) => [id, maybe(fc.constant(value))]));
  return withExtras(fc.record(fields, { requiredKeys: [] }));
};
const stepId = (k: (typeof KINDS)[number]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...stepIdsOf(k)) },
    { weight: 1, arbitrary: fc.oneof(nasty, fc.string({ maxLength: 20 })) },
  );
/** Step ids are percent-encoded into the path, except the deliberately malformed ones. */
const stepPath = (id: string) => (id.startsWith('%') ? id : enc(id));

const soon = fc.integer({ min: 60_000, max: 30 * 86_400_000 }).map((ms) => new Date(Date.now() + ms).toISOString());
const promiseBody = withExtras(
  fc.record(
    { description: maybe(text), channel: maybe(channel), dueAt: seldom(maybe(fc.oneof(soon, anyInstant))) },
    { requiredKeys: ['description', 'channel'] },
  ),
);
const promisePatch = fc.oneof(
  withExtras(
    fc.record(
      {
        kept: maybe(fc.boolean()),
        keptAt: maybe(anyInstant),
        dueAt: maybe(fc.oneof(soon, anyInstant)),
        clientToldAt: maybe(anyInstant),
        description: maybe(text),
      },
      { requiredKeys: [] },
    ),
  ),
  // The two well-formed changes: a reschedule the client was told of, or a new description.
  fc.record({
    dueAt: soon.map((d) => new Date(Date.parse(d) + 40 * 86_400_000).toISOString()),
    clientToldAt: fc.constant(new Date(Date.now() - 60_000).toISOString()),
  }),
  fc.record({ description: text }),
);
/** A list cursor of the right shape (base64url JSON) holding parts of the wrong type, form or number. */
const cursorPart = fc.oneof(
  fc.constantFrom('deadline', '-deadline', 'received', '-received'),
  fc.constantFrom('2026-11-30T08:00:00.000000Z', '9999-12-31T00:00:00.000000Z', '2026-W48-1', '2026-02-30T00:00:00Z'),
  fc.uuid(),
  fc.constantFrom('z'.repeat(36), '-'.repeat(36), `${'0'.repeat(35)}\u0000`, 'a\u0000b', '\u001b[31m'),
  junk,
);
const forgedCursor = fc
  .oneof(
    fc.tuple(
      fc.constantFrom('deadline', '-deadline', 'received', '-received'),
      fc.oneof(
        instant.map((i) => `${i.slice(0, 23)}000Z`),
        cursorPart,
      ),
      fc.oneof(fc.uuid(), cursorPart),
    ),
    fc.array(cursorPart, { maxLength: 5 }),
    junk,
  )
  .map((value) => Buffer.from(JSON.stringify(value) ?? 'null').toString('base64url'));
const ifMatchHeader = (version: () => number) =>
  fc
    .oneof(
      { weight: 8, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('"0"', '*', 'W/"1"', '"abc"', '"99999999999"', '', '"-1"', '"1", "2"') },
    )
    .map((h) => h ?? `"${version()}"`);

// ---- The test ---------------------------------------------------------------------------------

describe('Fuzzing the cases API never yields a 5xx', () => {
  let t: TestApp;
  let office: Office;
  let clerk: ApiClient;
  let manager: ApiClient;
  let ids: Ids;
  let csrf: Record<string, string>;
  let managerCsrf: Record<string, string>;
  const tally: Record<string, Record<number, number>> = {};

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    clerk = await office.as('clerkA');
    manager = await office.as('managerA');
    csrf = await clerk.csrfHeader();
    managerCsrf = await manager.csrfHeader();
    const seed = await CaseFlow.create(clerk, 'complaint');
    const other = await CaseFlow.create(await office.as('clerkB'), 'refusal');
    // Mostly what clerk A may use (own department, colleagues), sometimes what they may not.
    ids = {
      departments: [office.departments.a.id, office.departments.a.id, office.departments.b.id],
      users: [
        office.users.clerkA.id,
        office.users.clerkA2.id,
        office.users.managerA.id,
        office.users.clerkB.id,
        office.users.quality.id,
      ],
      cases: [seed.id, other.id],
    };
  });
  afterAll(async () => {
    console.log(`Fuzz answers by property and status (${RUNS} runs each):\n${JSON.stringify(tally, null, 1)}`);
    if (process.env['E2E_FUZZ_DEBUG']) console.log(`Fields refused:\n${JSON.stringify(refusedFields, null, 1)}`);
    await t.close();
  });

  /** Sends a raw JSON text (or no body), so bodies that are not objects reach the server too. */
  async function send(
    who: ApiClient,
    method: 'post' | 'patch' | 'get',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const agent = who.raw();
    if (method === 'get') return agent.get(path);
    const req = agent[method](path)
      .set(who === manager ? managerCsrf : csrf)
      .set(headers);
    if (body === undefined) return req;
    return req.set('Content-Type', 'application/json').send(typeof body === 'string' ? body : JSON.stringify(body));
  }

  const refusedFields: Record<string, number> = {};
  function check(property: string, res: Response): Response {
    (tally[property] ??= {})[res.status] = (tally[property][res.status] ?? 0) + 1;
    if (process.env['E2E_FUZZ_DEBUG'] && res.status === 422)
      for (const f of Object.keys(res.body?.fields ?? {}))
        refusedFields[`${property}:${f}`] = (refusedFields[`${property}:${f}`] ?? 0) + 1;
    if (res.status >= 500) throw new Error(`${property}: ${describeResponse(res)}`);
    if (res.status >= 400) expect(typeof res.body?.code).toBe('string');
    return res;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const run = (property: fc.IAsyncPropertyWithHooks<any>) =>
    // No shrinking (each step is HTTP); E2E_FUZZ_SEED replays a failure fast-check reported.
    fc.assert(property, {
      numRuns: RUNS,
      endOnFailure: true,
      ...(process.env['E2E_FUZZ_SEED'] ? { seed: Number(process.env['E2E_FUZZ_SEED']) } : {}),
    });

  /**
   * Text PostgreSQL cannot store as is: NUL is not allowed in text at all, and a lone surrogate
   * escaped in JSON ("\\ud800") is refused by jsonb. Either must be a 422 (or cleaned), never a 500.
   */
  describe.each([
    ['NUL', 'a\u0000b'],
    ['a lone surrogate', 'a\ud800b'],
  ])('text with %s', (_name, bad) => {
    it.each([
      'subject',
      'description',
      'client.name',
      'client.address',
      'client.phone',
      'client.email',
      'client.accommodation',
    ])('in %s of a new case', async (field) => {
      const body = caseRequest('complaint') as unknown as Record<string, unknown>;
      if (field.startsWith('client.')) body['client'] = { name: 'Jan Kowalski', [field.slice(7)]: bad };
      else body[field] = bad;
      check('hostile-text', await send(clerk, 'post', '/api/cases', body));
    });

    it.each([
      [
        'PATCH subject',
        (f: CaseFlow) => send(clerk, 'patch', f.path, { subject: bad }, { 'If-Match': `"${f.version}"` }),
      ],
      [
        'PATCH description',
        (f: CaseFlow) => send(clerk, 'patch', f.path, { description: bad }, { 'If-Match': `"${f.version}"` }),
      ],
      [
        'step data',
        (f: CaseFlow) =>
          send(
            clerk,
            'post',
            `${f.path}/steps/restate`,
            { restatement: bad, clientConfirmed: true },
            { 'If-Match': `"${f.version}"` },
          ),
      ],
      [
        'skip reason',
        (f: CaseFlow) =>
          send(clerk, 'post', `${f.path}/steps/quiet_place/skip`, { reason: bad }, { 'If-Match': `"${f.version}"` }),
      ],
      [
        'reopen reason',
        (f: CaseFlow) =>
          send(manager, 'post', `${f.path}/steps/listen/reopen`, { reason: bad }, { 'If-Match': `"${f.version}"` }),
      ],
      [
        'transfer note',
        (f: CaseFlow) =>
          send(
            manager,
            'post',
            `${f.path}/transfer`,
            { assigneeId: office.users.clerkA2.id, note: bad },
            { 'If-Match': `"${f.version}"` },
          ),
      ],
      [
        'extension reason',
        (f: CaseFlow) =>
          send(
            manager,
            'post',
            `${f.path}/deadline-extensions`,
            { newDue: '2027-06-01', reason: bad, clientToldAt: new Date(Date.now() - 60_000).toISOString() },
            { 'If-Match': `"${f.version}"` },
          ),
      ],
      [
        'promise description',
        (f: CaseFlow) => send(clerk, 'post', `${f.path}/promises`, { description: bad, channel: 'phone' }),
      ],
      [
        'close note',
        async (f: CaseFlow) => {
          expectStatus(
            await f.step('outcome', { outcome: 'left_without_consideration', summary: 'Brak podpisu.' }),
            200,
          );
          return send(clerk, 'post', `${f.path}/close`, { note: bad }, { 'If-Match': `"${f.version}"` });
        },
      ],
    ] as const)('in the %s', async (_what, call) => {
      const flow = await CaseFlow.create(clerk, 'complaint');
      await flow.steps('listen');
      check('hostile-text', await call(flow));
    });
  });

  /** null is not "leave unchanged" for a column that must have a value: a 422, never a 500. */
  it.each([
    [
      'PATCH subject',
      (f: CaseFlow) => send(clerk, 'patch', f.path, { subject: null }, { 'If-Match': `"${f.version}"` }),
    ],
    [
      'PATCH channel',
      (f: CaseFlow) => send(clerk, 'patch', f.path, { channel: null }, { 'If-Match': `"${f.version}"` }),
    ],
    [
      'PATCH client.isCouncillorOrMp',
      (f: CaseFlow) =>
        send(clerk, 'patch', f.path, { client: { isCouncillorOrMp: null } }, { 'If-Match': `"${f.version}"` }),
    ],
    [
      'transfer note',
      (f: CaseFlow) =>
        send(
          manager,
          'post',
          `${f.path}/transfer`,
          { assigneeId: office.users.clerkA2.id, note: null },
          { 'If-Match': `"${f.version}"` },
        ),
    ],
    [
      'skip reason',
      (f: CaseFlow) =>
        send(clerk, 'post', `${f.path}/steps/quiet_place/skip`, { reason: null }, { 'If-Match': `"${f.version}"` }),
    ],
    [
      'extension',
      (f: CaseFlow) =>
        send(
          manager,
          'post',
          `${f.path}/deadline-extensions`,
          { newDue: null, reason: null, clientToldAt: null },
          { 'If-Match': `"${f.version}"` },
        ),
    ],
    [
      'promise description',
      (f: CaseFlow) => send(clerk, 'post', `${f.path}/promises`, { description: null, channel: null, dueAt: null }),
    ],
    [
      'promise update',
      async (f: CaseFlow) => {
        const p = await f.promise();
        return send(
          clerk,
          'patch',
          `/api/promises/${p.id}`,
          { kept: null, keptAt: null, dueAt: null, clientToldAt: null, description: null },
          { 'If-Match': `"${p.version}"` },
        );
      },
    ],
  ] as const)('null in the %s', async (_what, call) => {
    const flow = await CaseFlow.create(clerk, 'complaint');
    await flow.steps('listen');
    check('nulls', await call(flow));
  });

  it('POST /cases', async () => {
    await run(
      fc.asyncProperty(
        fc.oneof(
          { weight: 3, arbitrary: createBody(ids) },
          { weight: 2, arbitrary: cleanCreateBody(ids) },
          { weight: 1, arbitrary: wholeJunk },
        ),
        async (body) => {
          const res = check('create', await send(clerk, 'post', '/api/cases', body));
          // Whatever was accepted can be read back.
          if (res.status === 201) check('create→get', await clerk.get(`/api/cases/${(res.body as CaseResponse).id}`));
        },
      ),
    );
  });

  it('POST /cases with a random Idempotency-Key', async () => {
    const keys = fc.oneof(
      { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9._:-]{8,200}$/) },
      { weight: 1, arbitrary: fc.oneof(nasty, fc.string({ maxLength: 300 })) },
    );
    await run(
      fc.asyncProperty(keys, fc.oneof(createBody(ids), cleanCreateBody(ids)), async (key, body) => {
        const safeKey = key.replace(/[^\x20-\x7e]/g, '');
        check('idempotency', await send(clerk, 'post', '/api/cases', body, { 'Idempotency-Key': safeKey }));
      }),
    );
  });

  it('PATCH /cases/:id', async () => {
    const flow = await CaseFlow.create(clerk, 'complaint');
    let version = flow.version;
    await run(
      fc.asyncProperty(
        fc.oneof(
          { weight: 3, arbitrary: updateBody(ids) },
          { weight: 2, arbitrary: cleanUpdateBody },
          { weight: 1, arbitrary: wholeJunk },
        ),
        ifMatchHeader(() => version),
        async (body, header) => {
          const res = check('update', await send(clerk, 'patch', flow.path, body, { 'If-Match': header }));
          if (res.status === 200) version = (res.body as CaseResponse).version;
        },
      ),
    );
  });

  it.each(KINDS)('POST /cases/:id/steps/:stepId (complete, skip, reopen) on a %s', async (k) => {
    const flow = await CaseFlow.create(clerk, k);
    let version = flow.version;
    const reasonBody = fc.oneof(
      { weight: 3, arbitrary: fc.record({ reason: maybe(text) }, { requiredKeys: [] }) },
      { weight: 1, arbitrary: wholeJunk },
    );
    const action = stepId(k).chain((id) =>
      fc.oneof(
        {
          weight: 4,
          arbitrary: fc.tuple(
            fc.constant(id),
            fc.constant(''),
            fc.oneof({ weight: 5, arbitrary: stepBody(k, id) }, { weight: 1, arbitrary: wholeJunk }),
          ),
        },
        { weight: 1, arbitrary: fc.tuple(fc.constant(id), fc.constantFrom('/skip', '/reopen'), reasonBody) },
      ),
    );
    const malformed = fc.tuple(rawNasty, fc.constant(''), stepBody(k, 'x'));
    await run(
      fc.asyncProperty(
        fc.oneof({ weight: 9, arbitrary: action }, { weight: 1, arbitrary: malformed }),
        async ([id, suffix, body]) => {
          const who = suffix === '/reopen' ? manager : clerk;
          const path = `${flow.path}/steps/${stepPath(id)}${suffix}`;
          const res = check(
            `step${suffix || '/complete'}`,
            await send(who, 'post', path, body, { 'If-Match': `"${version}"` }),
          );
          if (res.status === 200) version = (res.body as CaseResponse).version;
        },
      ),
    );
  });

  it('close, transfer and deadline extension bodies', async () => {
    let flow = await CaseFlow.create(manager, 'complaint');
    let version = flow.version;
    const bodies = {
      close: fc.oneof(fc.record({ note: maybe(text) }, { requiredKeys: [] }), wholeJunk),
      transfer: fc.oneof(
        withExtras(
          fc.record(
            { departmentId: idOf(ids.departments), assigneeId: idOf(ids.users), note: maybe(text) },
            { requiredKeys: [] },
          ),
        ),
        wholeJunk,
      ),
      'deadline-extensions': fc.oneof(
        withExtras(
          fc.record(
            { newDue: maybe(localDate), reason: maybe(text), clientToldAt: maybe(anyInstant) },
            { requiredKeys: [] },
          ),
        ),
        wholeJunk,
      ),
    };
    await run(
      fc.asyncProperty(
        fc
          .constantFrom(...(Object.keys(bodies) as (keyof typeof bodies)[]))
          .chain((action) => fc.tuple(fc.constant(action), bodies[action])),
        async ([action, body]) => {
          const res = check(
            action,
            await send(manager, 'post', `${flow.path}/${action}`, body, { 'If-Match': `"${version}"` }),
          );
          if (res.status === 200 || res.status === 201) version = (res.body as CaseResponse).version;
          // A transfer away from the department ends the manager's access, and a closed case takes no more
          // changes: carry on with a fresh case so later runs still reach the validation.
          const gone =
            action === 'transfer' &&
            res.status === 200 &&
            (res.body as CaseResponse).department.id !== office.departments.a.id;
          if (gone || (action === 'close' && res.status === 200)) {
            flow = await CaseFlow.create(manager, 'complaint');
            version = flow.version;
          }
        },
      ),
    );
  });

  it('promises: create and update', async () => {
    const flow = await CaseFlow.create(clerk, 'complaint');
    const promise = await flow.promise();
    let version = promise.version;
    await run(
      fc.asyncProperty(
        fc.oneof(promiseBody, wholeJunk),
        fc.oneof(promisePatch, wholeJunk),
        ifMatchHeader(() => version),
        async (create, patch, header) => {
          check('promise:create', await send(clerk, 'post', `${flow.path}/promises`, create));
          const res = check(
            'promise:update',
            await send(clerk, 'patch', `/api/promises/${promise.id}`, patch, { 'If-Match': header }),
          );
          if (res.status === 200) version = (res.body as PromiseResponse).version;
        },
      ),
    );
  });

  it('POST /auth/login, signed out', async () => {
    const nobody = new ApiClient(t.app);
    const nobodyCsrf = await nobody.csrfHeader();
    const credentials = fc.oneof(
      withExtras(
        fc.record(
          { username: maybe(fc.constantFrom('nikt', 'admin', '')), password: maybe(text) },
          { requiredKeys: [] },
        ),
      ),
      wholeJunk,
    );
    await run(
      fc.asyncProperty(credentials, async (body) => {
        const req = nobody.raw().post('/api/auth/login').set(nobodyCsrf).set('Content-Type', 'application/json');
        check('login', await req.send(typeof body === 'string' ? body : JSON.stringify(body)));
      }),
    );
  });

  it('list queries', async () => {
    const param = (name: string, valid: fc.Arbitrary<string>) =>
      fc.option(
        fc
          .oneof(
            { weight: 12, arbitrary: valid.map(enc) },
            { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 30 }), nasty).map(enc) },
            { weight: 1, arbitrary: rawNasty },
          )
          .map((v) => `${name}=${v}`),
        { nil: undefined },
      );
    const cases = fc
      .tuple(
        param('kind', kind),
        param('status', fc.constantFrom('open', 'closed')),
        param('departmentId', fc.constantFrom(...ids.departments)),
        param('assigneeId', fc.constantFrom(...ids.users)),
        param('overdue', fc.constantFrom('true', 'false')),
        param('dueBefore', anyInstant),
        param('q', text),
        param('sort', fc.constantFrom('deadline', '-deadline', 'received', '-received')),
        param(
          'limit',
          fc
            .oneof(
              { weight: 5, arbitrary: fc.integer({ min: 1, max: 100 }) },
              { weight: 1, arbitrary: fc.integer({ min: -5, max: 200 }) },
            )
            .map(String),
        ),
        fc
          .option(param('cursor', fc.oneof(fc.base64String({ maxLength: 60 }), forgedCursor)), {
            freq: 5,
            nil: undefined,
          })
          .map((v) => v ?? undefined),
      )
      .map((parts) => parts.filter(Boolean).join('&'));
    const promises = fc
      .tuple(
        param('scope', fc.constantFrom('mine', 'department', 'all')),
        param('state', fc.constantFrom('open', 'overdue', 'kept', 'any')),
        param('departmentId', fc.constantFrom(...ids.departments)),
        param(
          'limit',
          fc
            .oneof(
              { weight: 5, arbitrary: fc.integer({ min: 1, max: 100 }) },
              { weight: 1, arbitrary: fc.integer({ min: -5, max: 200 }) },
            )
            .map(String),
        ),
      )
      .map((parts) => parts.filter(Boolean).join('&'));
    await run(
      fc.asyncProperty(cases, promises, async (caseQuery, promiseQuery) => {
        const list = check('list:cases', await clerk.get(`/api/cases?${caseQuery}`));
        // A cursor the server handed out always works.
        if (list.status === 200 && list.body.nextCursor) {
          check(
            'list:cases:next',
            await clerk.get(
              `/api/cases?${caseQuery.replace(/(^|&)cursor=[^&]*/, '')}&cursor=${enc(list.body.nextCursor)}`,
            ),
          );
        }
        check('list:promises', await manager.get(`/api/promises?${promiseQuery}`));
      }),
    );
  });
});
