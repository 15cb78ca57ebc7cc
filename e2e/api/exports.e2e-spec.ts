import { EXPORT_ROWS_HEADER, type PublicStatistics } from '@pu/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { get as httpGet, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { liftQueryDeadline } from '../../api/src/app/database/guarded-client';
import { REGISTER_COLUMNS } from '../../api/src/app/exports/complaints-register';
import type { ApiClient } from './support/api-client';
import { CaseFlow, expectStatus } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { pdfText } from './support/pdf-text';
import { createTestApp, type TestApp } from './support/test-app';
import { describeIf } from './support/describe-if';

// A fixed small dataset in 2013 (a year no other test uses), worked through the API, including the Warsaw day
// boundary: a complaint received at 23:30 UTC on 31 December 2012 is one of 1 January 2013 and belongs to 2013,
// one received at 23:30 UTC on 31 December 2013 belongs to 2014.

const YEAR = 2013;
const tag = Date.now().toString(36);

/** Every personal or free-text value of the dataset: none may appear in the published statistics. */
const PERSONAL = {
  name1: `Zofia Eksportowa-${tag}`,
  address1: `ul. Rejestrowa ${tag} 5, 00-950 Warszawa`,
  phone1: '+48 601 777 313',
  email1: `zofia.${tag}@example.com`,
  name2: `Tadeusz Graniczny-${tag}`,
  address2: `al. Noworoczna ${tag} 1, 30-001 Kraków`,
  phone2: '+48 602 888 424',
  email2: `tadeusz.${tag}@example.org`,
  nameB: `Irena Obcowydziałowa-${tag}`,
  addressB: `pl. Inny ${tag} 2, 80-001 Gdańsk`,
};
const FREE_TEXT = {
  subject1: `Skarga na kolejkę w wydziale ${tag}`,
  subject2: `Skarga na odesłanie między pokojami ${tag}`,
  subjectAnon: `Anonimowa skarga na opryskliwość ${tag}`,
  subjectLate: `Skarga z sylwestra ${tag}`,
  subjectB: `Skarga innego wydziału ${tag}`,
  subjectError: `Błędna opłata ${tag}`,
  description: `Opis sprawy z danymi ${tag}`,
  account: `Czekałam trzy godziny ${tag}`,
  restatement: `Długie oczekiwanie ${tag}`,
  causeText: `Jedno okienko czynne ${tag}`,
  proposal: `Obsługa po umówieniu ${tag}`,
  nextSteps: `Odpowiedź pisemna ${tag}`,
  summary: `Skarga zasadna, zmieniono grafik ${tag}`,
};

let t: TestApp;
let office: Office;
let quality: ApiClient;
let managerA: ApiClient;
let db: DataSource;
let settled: CaseFlow;
let boundary: CaseFlow;

async function settledComplaint(client: ApiClient): Promise<CaseFlow> {
  const flow = await CaseFlow.create(client, 'complaint', {
    subject: FREE_TEXT.subject1,
    description: FREE_TEXT.description,
    channel: 'letter',
    receivedAt: `${YEAR}-03-11T09:15:00Z`,
    client: { name: PERSONAL.name1, address: PERSONAL.address1, phone: PERSONAL.phone1, email: PERSONAL.email1 },
  });
  expectStatus(await flow.step('listen', { account: FREE_TEXT.account }), 200);
  expectStatus(await flow.skip('quiet_place'), 200);
  expectStatus(await flow.step('restate', { restatement: FREE_TEXT.restatement, clientConfirmed: true }), 200);
  expectStatus(await flow.step('regret', { confirmed: true }), 200);
  expectStatus(await flow.step('cause', { rootCause: 'waiting_time', description: FREE_TEXT.causeText }), 200);
  expectStatus(await flow.step('propose', { proposal: FREE_TEXT.proposal }), 200);
  expectStatus(await flow.step('satisfaction', { satisfaction: 'yes' }), 200);
  await flow.promise();
  expectStatus(await flow.step('next_steps', { nextSteps: FREE_TEXT.nextSteps }), 200);
  expectStatus(
    await flow.step('outcome', {
      outcome: 'justified',
      summary: FREE_TEXT.summary,
      replySentAt: '2013-04-02',
      replyChannel: 'letter',
    }),
    200,
  );
  expectStatus(await flow.close(), 200);
  return flow;
}

beforeAll(async () => {
  t = await createTestApp({ OFFICE_NAME: 'Urząd Miasta Testowo' });
  office = await createOffice(t.app);
  db = t.app.get(DataSource);
  quality = await office.as('quality');
  managerA = await office.as('managerA');
  const clerkA = await office.as('clerkA');
  const clerkB = await office.as('clerkB');
  settled = await settledComplaint(clerkA);
  boundary = await CaseFlow.create(clerkA, 'complaint', {
    subject: FREE_TEXT.subject2,
    channel: 'email',
    receivedAt: `${YEAR - 1}-12-31T23:30:00Z`,
    client: { name: PERSONAL.name2, address: PERSONAL.address2, phone: PERSONAL.phone2, email: PERSONAL.email2 },
  });
  await CaseFlow.create(clerkA, 'complaint', {
    subject: FREE_TEXT.subjectAnon,
    channel: 'letter',
    receivedAt: `${YEAR}-06-01T08:00:00Z`,
    client: {},
  });
  await CaseFlow.create(clerkA, 'complaint', {
    subject: FREE_TEXT.subjectLate,
    channel: 'letter',
    receivedAt: `${YEAR}-12-31T23:30:00Z`,
    client: { name: PERSONAL.name2 },
  });
  await CaseFlow.create(clerkA, 'office_error', {
    subject: FREE_TEXT.subjectError,
    channel: 'phone',
    receivedAt: `${YEAR}-05-05T10:00:00Z`,
    discoveredAt: `${YEAR}-05-05T09:00:00Z`,
  });
  await CaseFlow.create(clerkB, 'complaint', {
    subject: FREE_TEXT.subjectB,
    channel: 'letter',
    receivedAt: `${YEAR}-02-02T10:00:00Z`,
    client: { name: PERSONAL.nameB, address: PERSONAL.addressB },
  });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const csvRows = (res: Response): string[][] => {
  const text = res.text;
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: unknown = parse(text.slice(1), { delimiter: ';' });
  return rows as string[][];
};

/** The answer's body as bytes (supertest parses only text and JSON by itself). */
const binary = (client: ApiClient, path: string): Promise<Response> =>
  client
    .raw()
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .then((res) => res);

describe('complaints register', () => {
  it('as CSV holds exactly the register columns and the period’s complaints in order of receipt', async () => {
    const res = expectStatus(
      await quality.get(`/api/exports/complaints-register.csv?year=${YEAR}&departmentId=${office.departments.a.id}`),
      200,
    );
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="rejestr-skarg-A[A-Z]+-2013\.csv"/);
    expect(res.headers[EXPORT_ROWS_HEADER.toLowerCase()]).toBe('3');
    const [header, ...rows] = csvRows(res);
    expect(header).toEqual([
      'Lp.',
      'Data wpływu',
      'Skarżący (imię i nazwisko lub nazwa)',
      'Adres',
      'Przedmiot skargi',
      'Data przekazania do załatwienia',
      'Komu przekazano',
      'Termin załatwienia',
      'Data załatwienia',
      'Sposób załatwienia',
      'Data wysłania zawiadomienia',
      'Kogo zawiadomiono',
      'Uwagi',
    ]);
    expect(rows.map((r) => r[4])).toEqual([FREE_TEXT.subject2, FREE_TEXT.subject1, FREE_TEXT.subjectAnon]);
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3']);
    // 23:30 UTC on 31 December 2012 is 00:30 on 1 January 2013 in Warsaw.
    expect(rows[0][1]).toBe('2013-01-01');
    const [, done, anonymous] = rows;
    expect(done[1]).toBe('2013-03-11');
    expect(done[2]).toBe(PERSONAL.name1);
    expect(done[3]).toBe(PERSONAL.address1);
    expect(done[6]).toContain(office.departments.a.name);
    expect(done[7]).toBe(settled.current.deadlines.main?.due);
    expect(done[9]).toBe(`Zasadna — ${FREE_TEXT.summary}`);
    expect(done[10]).toBe('2013-04-02');
    expect(done[11]).toBe(`${PERSONAL.name1} (Pismo (poczta))`);
    expect(done[12]).toContain(`Znak sprawy: ${settled.current.reference}`);
    expect(anonymous[12]).toContain('skarga anonimowa');
    expect(anonymous[9]).toBe('w toku');
    expect(rows[0][12]).toContain(boundary.current.reference);
  });

  it('as XLSX reads back with the same columns, numbers as numbers and days as dates', async () => {
    const res = expectStatus(
      await binary(managerA, `/api/exports/complaints-register.xlsx?from=${YEAR}-01-01&to=${YEAR}-12-31`),
      200,
    );
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    const body = res.body as Buffer;
    await workbook.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Rejestr skarg');
    expect(sheet.getCell('A1').value).toBe('Urząd Miasta Testowo');
    expect(sheet.getCell('A2').text).toContain(`01.01.${YEAR} – 31.12.${YEAR}`);
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(REGISTER_COLUMNS.map((c) => c.header));
    const lines = [4, 5, 6].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(lines.map((l) => l[0])).toEqual([1, 2, 3]);
    expect(lines[1][1]).toEqual(new Date(Date.UTC(YEAR, 2, 11)));
    expect(lines[1][2]).toBe(PERSONAL.name1);
    expect(sheet.getRow(7).values).toEqual([]);
    // A manager's register is their department's only.
    expect(JSON.stringify(lines)).not.toContain(PERSONAL.nameB);
  });

  it('is the quality officer’s for the whole office and the manager’s for their department only', async () => {
    const all = csvRows(expectStatus(await quality.get(`/api/exports/complaints-register.csv?year=${YEAR}`), 200));
    const subjects = all.map((r) => r[4]);
    expect(subjects).toEqual(expect.arrayContaining([FREE_TEXT.subjectB, FREE_TEXT.subject1]));
    expect(subjects).not.toContain(FREE_TEXT.subjectLate);
    const other = `/api/exports/complaints-register.csv?year=${YEAR}&departmentId=${office.departments.b.id}`;
    expect((await managerA.get(other)).status).toBe(403);
    for (const who of ['clerkA', 'admin'] as const) {
      const client = await office.as(who);
      for (const path of [
        `/api/exports/complaints-register.csv?year=${YEAR}`,
        `/api/exports/complaints-register.xlsx?year=${YEAR}`,
        `/api/exports/public-statistics.csv?year=${YEAR}`,
        `/api/exports/public-statistics.json?year=${YEAR}`,
      ]) {
        expect((await client.get(path)).status).toBe(403);
      }
    }
  });

  it('refuses a period it cannot read with a message, never a 500', async () => {
    const both = await quality.get(`/api/exports/complaints-register.csv?year=${YEAR}&from=${YEAR}-01-01`);
    expect(both.status).toBe(422);
    expect((await quality.get(`/api/exports/complaints-register.csv?from=${YEAR}-01-01`)).status).toBe(422);
    expect((await quality.get(`/api/exports/complaints-register.csv?from=2013-05-01&to=2013-04-01`)).status).toBe(422);
    expect((await quality.get(`/api/exports/complaints-register.csv?year=20133`)).status).toBe(422);
    expect((await quality.get(`/api/exports/complaints-register.csv?year=2013&extra=1`)).status).toBe(422);
  });

  it('records who exported what in the audit log', async () => {
    const [{ last }] = await db.query(`SELECT COALESCE(max(id), 0) AS last FROM audit_log`);
    expectStatus(await managerA.get(`/api/exports/complaints-register.csv?year=${YEAR}`), 200);
    const rows: { actor_id: string; entity_id: string; action: string; after: Record<string, unknown> }[] =
      await db.query(
        `SELECT actor_id, entity_id, action, after FROM audit_log
          WHERE entity_type = 'export' AND actor_id = $1 AND id > $2 ORDER BY id`,
        [office.users.managerA.id, last],
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity_id: 'complaints-register',
      action: 'export',
      after: {
        format: 'csv',
        period: { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` },
        departmentId: office.departments.a.id,
        rows: 3,
      },
    });
  });
});

describe('anonymised statistics for publication', () => {
  const path = (format: 'csv' | 'json') =>
    `/api/exports/public-statistics.${format}?year=${YEAR}&departmentId=${office.departments.a.id}`;

  it('holds no name, address, phone, e-mail or free-text value of the dataset, in CSV or JSON', async () => {
    const csv = expectStatus(await quality.get(path('csv')), 200).text;
    const json = expectStatus(await quality.get(path('json')), 200).text;
    const whole = expectStatus(await quality.get(`/api/exports/public-statistics.csv?year=${YEAR}`), 200).text;
    for (const file of [csv, json, whole]) {
      for (const value of [...Object.values(PERSONAL), ...Object.values(FREE_TEXT)]) {
        expect(file).not.toContain(value);
        // Not even a distinctive part of one (the run's tag is in every value).
        expect(file).not.toContain(tag);
      }
    }
  });

  it('publishes the same figures as CSV and JSON, every count below 3 as "<3"', async () => {
    const stats = expectStatus(await quality.get(path('json')), 200).body as PublicStatistics;
    expect(stats.office).toBe('Urząd Miasta Testowo');
    expect(stats.threshold).toBe(3);
    const kind = stats.sections.find((s) => s.id === 'kind')!;
    // Three complaints of 2013 in department A (the one of 31 December 23:30 UTC is 2014's) and one office error:
    // the one is hidden, and the three with it, since 4 − 3 would give the one back.
    expect(kind.rows).toEqual([
      { key: 'complaint', label: 'Skarga', count: 'x' },
      { key: 'office_error', label: 'Pomyłka urzędu', count: '<3' },
    ]);
    expect(kind.total).toBe(4);
    const channel = stats.sections.find((s) => s.id === 'channel')!;
    // letter: the settled and the anonymous complaint (2), e-mail: 1, phone: 1; all below 3.
    expect(channel.rows.map((r) => [r.key, r.count])).toEqual([
      ['phone', '<3'],
      ['email', '<3'],
      ['letter', '<3'],
    ]);
    for (const section of stats.sections) {
      for (const row of section.rows) {
        if (typeof row.count === 'number') expect(row.count).toBeGreaterThanOrEqual(3);
        else expect(['<3', 'x']).toContain(row.count);
      }
      if (typeof section.total === 'number') expect(section.total).toBeGreaterThanOrEqual(3);
      const hidden = section.rows.filter((r) => typeof r.count === 'string').length;
      // One hidden count beside a published total could be recovered by subtraction.
      if (section.total !== '<3') expect(hidden).not.toBe(1);
    }
    const csv = csvRows(expectStatus(await quality.get(path('csv')), 200));
    expect(csv[0]).toEqual(['Sekcja', 'Nazwa sekcji', 'Kod', 'Pozycja', 'Liczba']);
    const fromJson = stats.sections.flatMap((s) => [
      ...s.rows.map((r) => [s.id, s.title, r.key, r.label, String(r.count)]),
      [s.id, s.title, 'total', 'Razem', String(s.total)],
    ]);
    expect(csv.slice(1)).toEqual(fromJson);
  });
});

describe('the annual report', () => {
  it('as PDF: A4, Polish, the office’s name, the tables, the charts and page numbers', async () => {
    const res = expectStatus(await binary(quality, `/api/exports/annual-report.pdf?year=${YEAR}`), 200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('raport-jakosci-2013.pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 595.28 × 841.89 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const pages = await pdfText(pdf);
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join('\n');
    expect(text).toContain('Urząd Miasta Testowo');
    expect(text).toContain('Raport o jakości obsługi klientów');
    expect(text).toContain(`Okres: 01.01.${YEAR} – 31.12.${YEAR}`);
    for (const heading of [
      'Najważniejsze wskaźniki',
      'Sprawy według rodzaju',
      'Sprawy według miesiąca i rodzaju',
      'Obszary do poprawy',
      'Sposób załatwienia skarg',
      'Załatwienie w terminie',
      'Zadowolenie klienta',
      'Działania doskonalące',
    ]) {
      expect(text).toContain(heading);
    }
    // Polish letters survive the embedded font (extracted back as text, not as boxes).
    expect(text).toMatch(/Pomyłka urzędu/);
    expect(text).toMatch(/Czas oczekiwania/);
    pages.forEach((page, i) => expect(page).toContain(`Strona ${i + 1}`));
    // Chart legends are drawn as text beside the bars.
    expect(text).toContain('Poprzedni okres');
  }, 30_000);

  it('as XLSX: one sheet per section, numbers as numbers', async () => {
    const res = expectStatus(await binary(managerA, `/api/exports/annual-report.xlsx?year=${YEAR}`), 200);
    const workbook = new ExcelJS.Workbook();
    const body = res.body as Buffer;
    await workbook.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Wskaźniki', 'Rodzaje', 'Miesiące', 'Przyczyny', 'Terminowość']));
    const kinds = workbook.getWorksheet('Rodzaje')!;
    // Title lines (office, report, section), then the header row.
    expect(kinds.getCell('A1').value).toBe('Urząd Miasta Testowo');
    const header = (kinds.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual(['Rodzaj', 'Okres', 'Poprzedni okres', 'Zmiana', 'Zmiana %']);
    const rows = kinds.getSheetValues().slice(5) as unknown[][];
    const complaints = rows.find((r) => r?.[1] === 'Skarga');
    // Manager A's department: the three complaints of 2013 (as numbers, not text).
    expect(complaints?.[2]).toBe(3);
    const total = rows.find((r) => r?.[1] === 'Razem');
    expect(total?.[2]).toBe(4);
  }, 30_000);

  it('is refused to clerks and the administrator, and records the export', async () => {
    for (const who of ['clerkA', 'admin'] as const) {
      const client = await office.as(who);
      expect((await client.get(`/api/exports/annual-report.pdf?year=${YEAR}`)).status).toBe(403);
      expect((await client.get(`/api/exports/annual-report.xlsx?year=${YEAR}`)).status).toBe(403);
    }
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'export' AND entity_id = 'annual-report' AND actor_id = $1`,
      [office.users.quality.id],
    );
    expect(n).toBeGreaterThanOrEqual(1);
  });
});

// Watching the export's query from a second connection while it runs needs a server: PGlite serves one.
const describeOnServer = describeIf(
  Boolean(process.env['E2E_MIGRATION_DATABASE_URL']),
  'the API e2e suite runs on the embedded PGlite, which serves one connection: export disconnect test (set DATABASE_URL)',
);

describeOnServer('a client that leaves mid-download', () => {
  it('stops the query and gives the connection back', async () => {
    // Enough complaints that the file cannot fit in the socket buffers: the server waits on the client.
    const dept = office.departments.b.id;
    const runner = db.createQueryRunner();
    const restore = liftQueryDeadline(await runner.connect());
    await runner.startTransaction();
    await runner.query(`SET LOCAL statement_timeout = '120s'`);
    await runner.query(
      `INSERT INTO cases (id, kind, reference, year, seq, subject, channel, received_at, client_name, department_id,
                          register_department_id, progress, deadlines, created_by)
       SELECT gen_random_uuid(), 'complaint', 'ZZ.1510.' || g || '.2009.${tag}', 2009, g, 'Temat ' || g || repeat(' skargi', 40), 'letter',
              '2009-01-02 09:00+01'::timestamptz + g * interval '10 seconds', 'Klient ' || g, $1, $1,
              '{"kind":"complaint","entries":{},"closed":false,"lastCompleted":[]}', '{"main":null,"extensions":[]}', $2
       FROM generate_series(1, 40000) g`,
      [dept, office.users.clerkB.id],
    );
    await runner.commitTransaction();
    restore();
    await runner.release();
    const firstBytes = await pausedDownload('/api/exports/complaints-register.csv?year=2009');
    expect(firstBytes.statusCode).toBe(200);
    const exportQuery = `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE '%/export' AND state <> 'idle'`;
    let during: number;
    try {
      [{ n: during }] = await db.query(exportQuery);
    } finally {
      firstBytes.destroy();
    }
    expect(during).toBe(1);
    const started = Date.now();
    for (;;) {
      const [{ n }] = await db.query(exportQuery);
      if (n === 0) break;
      if (Date.now() - started > 5000) throw new Error('the export query still runs after the client left');
      await new Promise((r) => setTimeout(r, 50));
    }
    const [{ n: stuck }] = await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`,
    );
    expect(stuck).toBe(0);
  }, 30_000);

  it('refuses a download beyond EXPORTS_AT_ONCE at once, saying when to try again, and takes one when a slot is free', async () => {
    // The 40,000 complaints of 2009 from the test above: each file waits on its client as long as it reads nothing.
    const path = '/api/exports/complaints-register.csv?year=2009';
    const limit = t.config.exportsAtOnce;
    const held = [];
    for (let i = 0; i < limit; i++) held.push(await pausedDownload(path));
    const { port } = await listening();
    const refused = (lang: string) =>
      fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie: cookieHeader(quality), 'accept-language': lang } });
    try {
      for (const [lang, text] of [
        ['pl', `Trwają już inne pobrania rejestru (naraz najwyżej ${limit}). Spróbuj ponownie za 30 s.`],
        ['en', `Other register downloads are running (at most ${limit} at once). Please try again in 30 s.`],
      ]) {
        const res = await refused(lang);
        expect(res.status).toBe(429);
        expect(res.headers.get('retry-after')).toBe('30');
        expect(await res.json()).toMatchObject({ code: 'EXPORTS_BUSY', message: text, retryAfterSeconds: 30 });
      }
    } finally {
      held.shift()?.destroy();
    }
    // The slot comes back once the connection is back in the pool.
    const started = Date.now();
    for (;;) {
      const res = await refused('pl');
      if (res.status !== 429) {
        expect(res.status).toBe(200);
        await res.body?.cancel();
        break;
      }
      if (Date.now() - started > 5000) throw new Error('the slot of a download that ended was not given back');
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const res of held) res.destroy();
  }, 30_000);
});

/** A download whose first bytes have come and whose client then reads nothing more, as on a slow line. */
async function pausedDownload(path: string): Promise<IncomingMessage> {
  const { port } = await listening();
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpGet({ host: '127.0.0.1', port, path, headers: { cookie: cookieHeader(quality) } }, (res) => {
      res.once('data', () => {
        res.pause();
        resolve(res);
      });
      res.once('error', reject);
    });
    req.once('error', reject);
  });
}

async function listening(): Promise<AddressInfo> {
  const server = t.app.getHttpServer() as import('node:http').Server;
  if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return server.address() as AddressInfo;
}

/** The session cookies the API client holds, for a raw HTTP request that can be cut off mid-body. */
function cookieHeader(client: ApiClient): string {
  const agent = client.raw() as unknown as { jar: { getCookies(o: object): { toValueString(): string }[] } };
  return agent.jar
    .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
    .map((c) => c.toValueString())
    .join('; ');
}
