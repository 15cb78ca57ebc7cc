import { CASE_LIST_COUNT_CAP, CASE_SEARCH_COUNT_CAP, type CasePage } from '@pu/contracts';
import { SEARCH_FOLD_FROM, SEARCH_FOLD_TO } from '@pu/workflow';
import { DataSource } from 'typeorm';
import type { ApiClient } from './support/api-client';
import { CaseFlow, createCase, expectStatus } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/** The list finds what a clerk types: without diacritics or case, a closed case by its reference, with a total. */
describe('Case list: search, total, reference', () => {
  let t: TestApp;
  let office: Office;
  let clerk: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    clerk = await office.as('clerkA');
  });
  afterAll(() => t.close());

  const page = async (query: string): Promise<CasePage> =>
    expectStatus(await clerk.get(`/api/cases?${query}`), 200).body as CasePage;
  const ids = async (query: string) => (await page(`${query}&limit=100`)).items.map((i) => i.id).sort();

  /** Copies of one case straight in the database: the API would take minutes to register a thousand. */
  const copyCase = async (id: string, copies: number): Promise<void> => {
    const db = t.app.get(DataSource);
    const columns = (
      await db.query<{ column_name: string }[]>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'cases' AND table_schema = current_schema() AND is_generated = 'NEVER'
            AND column_name NOT IN ('id', 'reference', 'seq')`,
      )
    ).map((r) => `"${r.column_name}"`);
    await db.query(
      `INSERT INTO cases (id, reference, seq, ${columns.join(', ')})
       SELECT gen_random_uuid(), c.reference || '-' || g, 1000000 + (SELECT max(seq) FROM cases) + g,
              ${columns.map((col) => `c.${col}`).join(', ')}
         FROM cases c, generate_series(1, $2::int) g WHERE c.id = $1`,
      [id, copies],
    );
  };

  it('ignores Polish diacritics and case, both ways', async () => {
    const c = await createCase(clerk, 'complaint', {
      subject: 'Źle naliczona opłata za śmieci',
      client: { name: 'Zofia Zielińska-Łęcka' },
    });
    for (const q of ['zielinska', 'ZIELINSKA', 'Zielińska', 'zieliŃska', 'lecka', 'łęcka', 'zle naliczona', 'SMIECI'])
      expect({ q, found: await ids(`q=${encodeURIComponent(q)}`) }).toEqual({ q, found: [c.id] });
    expect(await ids('q=zielinsky')).toEqual([]);
  });

  it('finds each typed word by its beginning, in any order', async () => {
    const tag = `Przedrostek${Date.now()}`;
    const c = await createCase(clerk, 'complaint', {
      subject: `${tag} hałas z warsztatu samochodowego`,
      client: { name: 'Bożena Wróblewska-Kaczmarek' },
    });
    const other = await createCase(clerk, 'complaint', {
      subject: `${tag} dziura w jezdni`,
      client: { name: 'Jan Wróbel' },
    });
    const found = (q: string) => ids(`q=${encodeURIComponent(q)}`);
    for (const q of [
      `${tag} wroblewsk`,
      `${tag} WARSZT`,
      `kaczmarek ${tag} bozena`,
      `${tag} wroblewska-kacz`,
      `${tag} samochodowego hałas`,
    ])
      expect({ q, found: await found(q) }).toEqual({ q, found: [c.id] });
    expect(await found(`${tag} wrob`)).toEqual([c.id, other.id].sort());
    // Every word must begin a word of the case: the middle of a word is not its beginning.
    expect(await found(`${tag} roblewska`)).toEqual([]);
    expect(await found(`${tag} hałas jezdni`)).toEqual([]);
  });

  it('answers hostile text-search syntax with what the words find, never an error', async () => {
    const tag = `Skladnia${Date.now()}`;
    const c = await createCase(clerk, 'complaint', { subject: `${tag} opłata`, client: { name: "Anna O'Brien" } });
    const chars = ["'", '&', '|', '!', '(', ')', ':', '*', '\\', '<->', '"', ':*', "\\'", "''"];
    for (const ch of chars) {
      expect({ q: ch, found: await ids(`q=${encodeURIComponent(ch)}`) }).toEqual({ q: ch, found: [] });
      for (const q of [`${tag}${ch}`, `${ch}${tag}`, `${tag} ${ch}`, `${ch}${tag}${ch} ${ch}oplata${ch}`])
        expect({ q, found: await ids(`q=${encodeURIComponent(q)}`) }).toEqual({ q, found: [c.id] });
    }
    expect(await ids(`q=${encodeURIComponent(`'&|!():*\\`)}`)).toEqual([]);
    expect(await ids(`q=${encodeURIComponent(`${tag} !oplata`)}`)).toEqual([c.id]);
    expect(await ids(`q=${encodeURIComponent(`${tag} | nikt`)}`)).toEqual([]);
    expect(await ids(`q=${encodeURIComponent("o'brien")}`)).toEqual([c.id]);
  });

  it('folds every letter of the mapping the same in PostgreSQL as in TypeScript', async () => {
    const letters = [...SEARCH_FOLD_FROM];
    // One case per slice of letters, so a letter that folds wrongly is named.
    const slices = Array.from({ length: Math.ceil(letters.length / 24) }, (_, i) => letters.slice(i * 24, i * 24 + 24));
    for (const [i, slice] of slices.entries()) {
      const name = `Fałdowanie${i} ${slice.join('')}`;
      const c = await createCase(clerk, 'complaint', { client: { name } });
      const ascii = [...SEARCH_FOLD_TO].slice(i * 24, i * 24 + slice.length).join('');
      expect({ ascii, found: await ids(`q=${encodeURIComponent(ascii.toLowerCase())}`) }).toEqual({
        ascii,
        found: [c.id],
      });
      expect(await ids(`q=${encodeURIComponent(slice.join(''))}`)).toEqual([c.id]);
    }
  });

  it('finds a closed case by its whole reference whatever the status filter', async () => {
    const flow = await CaseFlow.create(clerk, 'complaint', { client: { name: 'Klient Zamknięty Znakiem' } });
    expectStatus(await flow.step('outcome', { outcome: 'left_without_consideration', summary: 'Wycofana.' }), 200);
    expectStatus(await flow.close(), 200);
    const ref = flow.current.reference;
    expect(await ids(`q=${encodeURIComponent(ref)}`)).toEqual([flow.id]);
    expect(await ids(`status=open&q=${encodeURIComponent(ref)}`)).toEqual([flow.id]);
    expect(await ids(`status=open&overdue=true&q=${encodeURIComponent(ref.toLowerCase())}`)).toEqual([flow.id]);
    // A fragment is a search like any other: the status filter applies.
    expect(await ids(`status=open&q=${encodeURIComponent('Zamknięty Znakiem')}`)).toEqual([]);
  });

  it("a department's everyday search (its cases by deadline, a word typed) answers as the planned search does", async () => {
    // The everyday search runs as one reusable statement over the department's deadline walk (case-list.queries.ts);
    // any other filter, here the kind (every case below is a refusal), leaves it to the planner: both must agree.
    const manager = await office.as('managerA');
    const dept = office.departments.a.id;
    const tag = `Wspolne${Date.now()}`;
    const rare = `Rzadkie${Date.now()}`;
    const seed = await createCase(clerk, 'refusal', { subject: `${tag} wzór` });
    await copyCase(seed.id, 40);
    const lone = await createCase(clerk, 'refusal', { subject: `${tag} ${rare}` });
    const get = async (query: string): Promise<CasePage> =>
      expectStatus(await manager.get(`/api/cases?departmentId=${dept}&${query}`), 200).body as CasePage;
    for (const sort of ['deadline', '-deadline'])
      for (const status of ['status=open&', '']) {
        const everyday = await get(`${status}q=${tag}&sort=${sort}&limit=25`);
        const planned = await get(`${status}kind=refusal&q=${tag}&sort=${sort}&limit=25`);
        expect(everyday.items.map((i) => i.id)).toEqual(planned.items.map((i) => i.id));
        expect(everyday.items).toHaveLength(25);
        expect(everyday.total).toEqual({ count: CASE_SEARCH_COUNT_CAP, exact: false });
        expect(planned.total).toEqual(everyday.total);
        expect(everyday.nextCursor).toEqual(planned.nextCursor);
      }
    // A word with fewer matches than a page within the walk goes to the planner, which finds it all the same.
    const found = await get(`status=open&q=${rare}&limit=25`);
    expect(found.items.map((i) => i.id)).toEqual([lone.id]);
    expect(found.total).toEqual({ count: 1, exact: true });
  });

  it('answers the total of all pages, exact below the cap', async () => {
    const tag = `Licznik${Date.now()}`;
    for (let i = 0; i < 7; i++) await createCase(clerk, 'refusal', { subject: `${tag} ${i}` });
    const first = await page(`q=${tag}&limit=3`);
    expect(first.items).toHaveLength(3);
    expect(first.total).toEqual({ count: 7, exact: true });
    const second = await page(`q=${tag}&limit=3&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    expect(second.total).toEqual({ count: 7, exact: true });
    expect((await page('q=nic-takiego-nie-ma')).total).toEqual({ count: 0, exact: true });
  });

  it('says "more than N" for very large results, without counting them all', async () => {
    const tag = `Masowa${Date.now()}`;
    const seed = await createCase(clerk, 'refusal', { subject: `${tag} 0` });
    await copyCase(seed.id, CASE_LIST_COUNT_CAP + 5);
    const res = await page(`q=${tag}&limit=5`);
    expect(res.items).toHaveLength(5);
    expect(res.total).toEqual({ count: CASE_SEARCH_COUNT_CAP, exact: false });
    // A page longer than the search cap counts to its own length, on its first page and the next alike.
    const long = CASE_SEARCH_COUNT_CAP + 10;
    const first = await page(`q=${tag}&limit=${long}`);
    expect(first.items).toHaveLength(long);
    expect(first.total).toEqual({ count: long, exact: false });
    const next = await page(`q=${tag}&limit=${long}&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    expect(next.total).toEqual({ count: long, exact: false });
    // Without a search text the cap is the list's: the copies are refusals of one department, open.
    const all = await page(`kind=refusal&departmentId=${office.departments.a.id}&limit=5`);
    expect(all.total).toEqual({ count: CASE_LIST_COUNT_CAP, exact: false });
  });
});
