import type { CaseListItem, CasePage } from '@pu/contracts';
import type { ApiClient } from './support/api-client';
import { CaseFlow, createCase, expectStatus } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/** The case list: keyset pages that neither repeat nor skip, every sort and filter. */
describe('Case list', () => {
  let t: TestApp;
  let office: Office;
  let clerk: ApiClient;
  let clerk2: ApiClient;
  const created: {
    id: string;
    kind: string;
    receivedAt: string;
    dueAt: string | null;
    clientName: string | null;
    reference: string;
    assignee: string | null;
  }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    clerk = await office.as('clerkA');
    clerk2 = await office.as('clerkA2');
    // 23 cases in a fresh department: three kinds, receipt dates spread over the year (several on one
    // day, to exercise ties), refusals without a deadline, two assignees.
    for (let i = 0; i < 23; i++) {
      const kind = (['complaint', 'refusal', 'aggressive_client'] as const)[i % 3];
      const day = String(1 + (i % 9) * 3).padStart(2, '0');
      const receivedAt = `2026-${String(1 + (i % 10)).padStart(2, '0')}-${day}T09:00:00Z`;
      const c = await createCase(i % 4 ? clerk : clerk2, kind, { receivedAt, client: { name: `Klient Listowy ${i}` } });
      created.push({
        id: c.id,
        kind,
        receivedAt: c.receivedAt,
        dueAt: c.dueAt,
        clientName: c.client.name,
        reference: c.reference,
        assignee: c.assignee?.id ?? null,
      });
    }
  });
  afterAll(() => t.close());

  it('a list item is the case as the case page shows it, minus contact details, as JSON', async () => {
    const one = created[7];
    const res = expectStatus(await clerk.get(`/api/cases?q=${encodeURIComponent(one.reference)}`), 200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const [item] = (res.body as CasePage).items;
    const detail = expectStatus(await clerk.get(`/api/cases/${one.id}`), 200).body as Record<string, unknown>;
    const listKeys: (keyof CaseListItem)[] = [
      'id',
      'reference',
      'kind',
      'subject',
      'channel',
      'receivedAt',
      'clientName',
      'clientAccommodation',
      'department',
      'assignee',
      'currentStep',
      'status',
      'dueAt',
      'overdue',
      'outcome',
      'version',
    ];
    expect(Object.keys(item).sort()).toEqual([...listKeys].sort());
    for (const key of listKeys.filter((k) => k !== 'clientName' && k !== 'clientAccommodation'))
      expect({ [key]: item[key] }).toEqual({ [key]: detail[key] });
    expect(item.clientName).toBe(one.clientName);
  });

  async function allPages(query: string, limit = 5): Promise<CaseListItem[]> {
    const items: CaseListItem[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const url = `/api/cases?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const body = expectStatus(await clerk.get(url), 200).body as CasePage;
      expect(body.items.length).toBeLessThanOrEqual(limit);
      items.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) return items;
    }
    throw new Error('More than 50 pages: the cursor does not advance');
  }

  const dueKey = (i: { dueAt: string | null }) => (i.dueAt ? Date.parse(i.dueAt) : Number.MAX_SAFE_INTEGER);
  const receivedKey = (i: { receivedAt: string }) => Date.parse(i.receivedAt);

  it.each([
    ['deadline', dueKey, 1],
    ['-deadline', dueKey, -1],
    ['received', receivedKey, 1],
    ['-received', receivedKey, -1],
  ] as const)('sort=%s pages through every case exactly once, in order', async (sort, key, direction) => {
    const items = await allPages(`sort=${sort}`);
    expect(items.map((i) => i.id).sort()).toEqual(created.map((c) => c.id).sort());
    const keys = items.map((i) => key(i) * direction);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });

  it('the default page is 25 and the limit is 1 to 100', async () => {
    const page = expectStatus(await clerk.get('/api/cases'), 200).body as CasePage;
    expect(page.items).toHaveLength(23);
    expect(page.nextCursor).toBeNull();
    expect((expectStatus(await clerk.get('/api/cases?limit=1'), 200).body as CasePage).items).toHaveLength(1);
    for (const limit of ['0', '101', '-1', 'abc']) expectStatus(await clerk.get(`/api/cases?limit=${limit}`), 400, 422);
  });

  it('filters by kind, assignee, text, due date and overdue', async () => {
    const ids = async (query: string) => (await allPages(query, 100)).map((i) => i.id).sort();
    const expected = (pred: (c: (typeof created)[number]) => boolean) =>
      created
        .filter(pred)
        .map((c) => c.id)
        .sort();

    expect(await ids('kind=refusal')).toEqual(expected((c) => c.kind === 'refusal'));
    expect(await ids(`assigneeId=${office.users.clerkA2.id}`)).toEqual(
      expected((c) => c.assignee === office.users.clerkA2.id),
    );
    expect(await ids('q=listowy%2012')).toEqual(expected((c) => c.clientName === 'Klient Listowy 12'));
    expect(await ids(`q=${encodeURIComponent(created[5].reference)}`)).toEqual([created[5].id]);
    const cutoff = '2026-06-15T00:00:00.000Z';
    expect(await ids(`dueBefore=${cutoff}`)).toEqual(expected((c) => c.dueAt !== null && c.dueAt < cutoff));
    const now = new Date().toISOString();
    expect(await ids('overdue=true')).toEqual(expected((c) => c.dueAt !== null && c.dueAt < now));
    const combined = await ids(`kind=complaint&dueBefore=${cutoff}&sort=-received`);
    expect(combined).toEqual(expected((c) => c.kind === 'complaint' && c.dueAt !== null && c.dueAt < cutoff));
  });

  it('search text is literal: % and _ are not wildcards', async () => {
    const discount = await createCase(clerk, 'complaint', {
      subject: 'Rabat 50% dla seniora',
      client: { name: 'Klient Procentowy' },
    });
    const ids = async (q: string) => (await allPages(`q=${encodeURIComponent(q)}`, 100)).map((i) => i.id);
    // Search is by words: punctuation alone is no word and finds nothing, and never a wildcard.
    expect(await ids('%')).toEqual([]);
    expect(await ids('50%')).toEqual([discount.id]);
    expect(await ids('R_bat')).toEqual([]);
    expect(await ids('Rabat%seniora')).toEqual([]);
    expect(await ids("'")).toEqual([]);
    expect(await ids('RABAT 50')).toEqual([discount.id]);
  });

  it('filters by status', async () => {
    const flow = await CaseFlow.create(clerk, 'complaint', { client: { name: 'Klient Zamknięty' } });
    expectStatus(await flow.step('outcome', { outcome: 'left_without_consideration', summary: 'Wycofana.' }), 200);
    expectStatus(await flow.close(), 200);
    const closed = (await allPages('status=closed', 100)).map((i) => i.id);
    expect(closed).toEqual([flow.id]);
    expect((await allPages('status=open', 100)).map((i) => i.id)).not.toContain(flow.id);
  });

  it('a cursor is opaque: a tampered one is refused, not a 500', async () => {
    const first = expectStatus(await clerk.get('/api/cases?limit=2'), 200).body as CasePage;
    expect(first.nextCursor).toEqual(expect.any(String));
    const tampered = `${first.nextCursor!.slice(0, -2)}xx`;
    expectStatus(await clerk.get(`/api/cases?limit=2&cursor=${encodeURIComponent(tampered)}`), 200, 400, 422);
    expectStatus(await clerk.get('/api/cases?limit=2&cursor=not-a-cursor'), 400, 422);
  });
});
