import type { CaseBoard } from '@pu/contracts';
import { workflowOf } from '@pu/workflow';
import type { ApiClient } from './support/api-client';
import { CaseFlow, createCase, expectError, expectStatus } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

/** The board: a kind's open cases in the columns of its steps, counted, with the list's filters. */
describe('Case board', () => {
  let t: TestApp;
  let office: Office;
  let clerk: ApiClient;
  let otherDepartment: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    clerk = await office.as('clerkA');
    otherDepartment = await office.as('clerkB');
  });
  afterAll(() => t.close());

  const board = async (client: ApiClient, query: string): Promise<CaseBoard> =>
    expectStatus(await client.get(`/api/cases/board?${query}`), 200).body as CaseBoard;

  it('has a column per step of the kind, plus one for cases ready to close, each case at its current step', async () => {
    const tag = `Tablica${Date.now()}`;
    const fresh = await CaseFlow.create(clerk, 'refusal', { subject: `${tag} nowa`, client: { name: 'Ewa Żółć' } });
    const delivered = await CaseFlow.create(clerk, 'refusal', { subject: `${tag} doręczona` });
    await delivered.steps('decision', 'deliver');
    const closed = await CaseFlow.create(clerk, 'refusal', { subject: `${tag} zamknięta` });
    await closed.steps('decision', 'deliver', 'justify', 'farewell');
    expectStatus(await closed.close(), 200);

    const b = await board(clerk, `kind=refusal&q=${tag}`);
    expect(b.columns.map((c) => c.stepId)).toEqual([...workflowOf('refusal').steps.map((s) => s.id), null]);
    const at = (step: string | null) => b.columns.find((c) => c.stepId === step);
    expect(at(fresh.current.currentStep)?.cards.map((c) => c.id)).toEqual([fresh.id]);
    expect(at(delivered.current.currentStep)?.cards.map((c) => c.id)).toEqual([delivered.id]);
    expect(b.columns.reduce((n, c) => n + c.count, 0)).toBe(2);
    const card = at(fresh.current.currentStep)?.cards[0];
    expect(card).toMatchObject({ reference: fresh.current.reference, clientName: 'Ewa Żółć', version: fresh.version });
    // A refusal has no settlement date: no deadline, no days left.
    expect(card).toMatchObject({ dueAt: null, daysLeft: null, overdue: false });
  });

  it('shows the deadline and the Warsaw days left; the list filters apply (text without diacritics)', async () => {
    const tag = `Terminy${Date.now()}`;
    const c = await createCase(clerk, 'complaint', { subject: `${tag} skarga`, client: { name: 'Łucja Ślęzak' } });
    await createCase(clerk, 'complaint', { subject: `${tag} inna`, client: { name: 'Jan Nowak' } });
    const b = await board(clerk, `kind=complaint&q=${encodeURIComponent(`${tag} skarga`)}`);
    const cards = b.columns.flatMap((col) => col.cards);
    expect(cards.map((x) => x.id)).toEqual([c.id]);
    expect(cards[0].dueAt).toBe(c.dueAt);
    expect(cards[0].daysLeft).toBeGreaterThanOrEqual(28);
    expect(
      (await board(clerk, `kind=complaint&q=slezak`)).columns.flatMap((col) => col.cards.map((x) => x.id)),
    ).toEqual([c.id]);
    expect((await board(clerk, `kind=complaint&q=${tag}&overdue=true`)).columns.every((col) => col.count === 0)).toBe(
      true,
    );
  });

  it("keeps to the user's scope and needs a kind", async () => {
    const tag = `Zakres${Date.now()}`;
    await createCase(clerk, 'complaint', { subject: tag });
    expect((await board(otherDepartment, `kind=complaint&q=${tag}`)).columns.every((c) => c.count === 0)).toBe(true);
    expectError(await clerk.get('/api/cases/board'), 422);
    expectStatus(await clerk.get('/api/cases/board?kind=nope'), 400, 422);
  });

  // Last: it moves the app's clock on.
  it("applies the dashboard's filters too: who has the case, due within N working days, no changes for N days", async () => {
    const tag = `Obciazenie${Date.now()}`;
    const hourAgo = () => new Date(t.clock.now().getTime() - 3600_000).toISOString();
    const stale = await createCase(clerk, 'office_error', { subject: `${tag} stara`, discoveredAt: hourAgo() });
    expect(stale.assignee?.id).toBe(office.users.clerkA.id);
    t.clock.advance(8 * 24 * 3600_000);
    const later = await office.as('clerkA');
    // Found an hour ago: due the next working day.
    const nobodys = await createCase(later, 'office_error', {
      subject: `${tag} nowa`,
      assigneeId: null,
      discoveredAt: hourAgo(),
    });
    const ids = async (filter: string): Promise<string[]> => {
      const b = await board(later, `kind=office_error&q=${tag}${filter}`);
      const cards = b.columns.flatMap((col) => col.cards.map((x) => x.id));
      expect(b.columns.reduce((n, col) => n + col.count, 0)).toBe(cards.length);
      return cards.sort();
    };
    expect(await ids('')).toEqual([stale.id, nobodys.id].sort());
    expect(await ids('&idleDays=7')).toEqual([stale.id]);
    expect(await ids('&unassigned=true')).toEqual([nobodys.id]);
    expect(await ids(`&assigneeId=${office.users.clerkA.id}`)).toEqual([stale.id]);
    // The stale one is overdue by now: not "due within".
    expect(await ids('&dueWithinWorkingDays=3')).toEqual([nobodys.id]);
    expect(await ids('&dueWithinWorkingDays=3&idleDays=7')).toEqual([]);
    expectStatus(await later.get(`/api/cases/board?kind=office_error&idleDays=0`), 400, 422);
  });
});
