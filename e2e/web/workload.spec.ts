import { DEMO, expect, expectAccessible, newSignedInPage, signIn, test, unique } from './support/fixtures';
import type { BrowserContext } from '@playwright/test';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  ROUTES,
  type CaseResponse,
  type CreateCaseRequest,
  type CreatePromiseRequest,
} from '@pu/contracts';
import { BASE_URL } from './support/environment';

const DAY = 24 * 3600_000;

/** Cases and promises set up through the API, as the signed-in context (CSRF header included). */
function cases(context: BrowserContext) {
  const headers = async (): Promise<Record<string, string>> => {
    let cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
    if (!cookie) {
      await context.request.get(`${BASE_URL}/api/${ROUTES.health}`);
      cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
    }
    return cookie ? { [CSRF_HEADER]: cookie.value } : {};
  };
  return {
    async create(body: CreateCaseRequest): Promise<CaseResponse> {
      const res = await context.request.post(`${BASE_URL}/api/${ROUTES.cases}`, {
        data: body,
        headers: await headers(),
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as CaseResponse;
    },
    async promise(caseId: string, body: CreatePromiseRequest): Promise<void> {
      const res = await context.request.post(`${BASE_URL}/api/${ROUTES.casePromises(caseId)}`, {
        data: body,
        headers: await headers(),
      });
      expect(res.status(), await res.text()).toBe(201);
    },
  };
}

test.describe('dashboard, my work and assignment', () => {
  test('a manager follows a dashboard number to the list of exactly those cases', async ({ page, browser }) => {
    const tag = unique();
    const clerk = await newSignedInPage(browser, DEMO.clerk.username);
    const clerkApi = cases(clerk.context());
    // Received long ago: overdue, and first in deadline order.
    const overdue = await clerkApi.create({
      kind: 'complaint',
      subject: `Skarga z pulpitu ${tag}`,
      channel: 'letter',
      receivedAt: new Date(Date.now() - 300 * DAY).toISOString(),
      client: { name: 'Teresa Pulpitowa' },
    });
    await clerkApi.promise(overdue.id, {
      description: `Oddzwonię za chwilę ${tag}`,
      channel: 'phone',
      dueAt: new Date(Date.now() + 2_000).toISOString(),
    });
    await clerk.context().close();

    await signIn(page, DEMO.manager.username);
    await expect(page).toHaveURL('/moja-praca');
    await page.getByRole('navigation').getByRole('link', { name: 'Terminy' }).click();
    await expect(page).toHaveURL('/terminy');
    await expect(page.getByRole('heading', { level: 1, name: 'Terminy i obciążenie wydziału' })).toBeVisible();
    await expect(page.getByText('SO – Wydział Spraw Obywatelskich')).toBeVisible();
    const table = page.getByRole('table');
    const clerkRow = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: DEMO.clerk.displayName }) });
    await expect(clerkRow).toBeVisible();
    await expectAccessible(page, 'manager dashboard');

    // The clerk's "overdue" number: a link to the list of exactly the clerk's overdue cases of SO.
    const link = clerkRow.getByRole('link', { name: new RegExp(`^${DEMO.clerk.displayName} – Po terminie: \\d+$`) });
    const count = Number(await link.innerText());
    expect(count).toBeGreaterThan(0);
    await link.click();
    await expect(page).toHaveURL(/\/sprawy\?.*overdue=true/);
    expect(new URL(page.url()).searchParams.get('assignee')).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByRole('combobox', { name: 'Prowadzący' })).toContainText(DEMO.clerk.displayName);
    await expect(page.getByRole('checkbox', { name: 'Tylko po terminie' })).toBeChecked();
    const rows = page
      .getByRole('table')
      .getByRole('row')
      .filter({ has: page.getByRole('link') });
    await expect(rows.filter({ hasText: overdue.reference })).toBeVisible();
    if (count <= 25) await expect(rows).toHaveCount(count);
    for (const text of await rows.allInnerTexts()) expect(text).toContain(DEMO.clerk.displayName);
    await expectAccessible(page, 'the case list filtered by a dashboard number');

    // Back, and the department's broken promises: the promise made above is among them.
    await page.goBack();
    await expect(page).toHaveURL('/terminy');
    await page.waitForTimeout(2_500); // the promise above falls due
    await page.reload();
    const broken = page.getByRole('list', { name: 'Razem' }).getByRole('link', { name: /Obietnice niedotrzymane/ });
    await broken.click();
    await expect(page).toHaveURL(/\/obietnice\?.*stan=po-terminie/);
    await expect(page.getByText('Pokazujemy tylko obietnice')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: `Oddzwonię za chwilę ${tag}` })).toContainText(
      'niedotrzymana',
    );
    await expectAccessible(page, 'promises filtered by a dashboard number');
  });

  test("the board honours the dashboard's filters from the list, and both keep them when switching", async ({
    page,
  }) => {
    const tag = unique();
    await signIn(page, DEMO.clerk.username);
    const api = cases(page.context());
    const mine = await api.create({
      kind: 'complaint',
      subject: `Tablica z pulpitu ${tag} moja`,
      channel: 'letter',
      client: { name: 'Marek Przydzielony' },
    });
    const nobodys = await api.create({
      kind: 'complaint',
      subject: `Tablica z pulpitu ${tag} niczyja`,
      channel: 'letter',
      client: { name: 'Nina Nieprzydzielona' },
      assigneeId: null,
    });
    const me = mine.assignee?.id ?? '';
    expect(me).toMatch(/^[0-9a-f-]{36}$/);
    const cards = page.locator('li.card');

    await page.goto(`/sprawy?kind=complaint&q=${tag}&unassigned=true`);
    await expect(page.getByRole('combobox', { name: 'Prowadzący' })).toContainText('Nieprzydzielone');
    await page.getByRole('link', { name: 'Tablica' }).click();
    await expect(page).toHaveURL(/\/sprawy\/tablica\?.*unassigned=true/);
    await expect(page.getByText(`Filtry z rejestru: tekst „${tag}” · nieprzydzielone`)).toBeVisible();
    await expect(cards.filter({ hasText: nobodys.reference })).toBeVisible();
    await expect(cards).toHaveCount(1);
    await page.getByRole('link', { name: 'Rejestr spraw' }).click();
    await expect(page).toHaveURL(/\/sprawy\?.*unassigned=true/);
    await expect(page.getByRole('combobox', { name: 'Prowadzący' })).toContainText('Nieprzydzielone');

    // The person, "due within" and "no changes for": fresh cases are due in a month and were just changed.
    await page.goto(`/sprawy/tablica?kind=complaint&q=${tag}&assignee=${me}&dueWithin=60`);
    await expect(
      page.getByText(`Filtry z rejestru: tekst „${tag}” · moje sprawy · termin mija w ciągu 60 dni roboczych`),
    ).toBeVisible();
    await expect(cards.filter({ hasText: mine.reference })).toBeVisible();
    await expect(cards).toHaveCount(1);
    await page.goto(`/sprawy/tablica?kind=complaint&q=${tag}&dueWithin=5`);
    await expect(page.getByText('termin mija w ciągu 5 dni roboczych')).toBeVisible();
    await expect(page.locator('[data-testid="column-count"]').first()).toHaveText('0');
    await expect(cards).toHaveCount(0);
    await page.goto(`/sprawy/tablica?kind=complaint&q=${tag}&assignee=${me}&idle=7`);
    await expect(page.getByText('bez zmian od 7 dni lub dłużej')).toBeVisible();
    await expect(cards).toHaveCount(0);
    await expectAccessible(page, 'the board with the dashboard filters');

    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await expect(
      page.getByText(`Filters from the register: text “${tag}” · my cases · no changes for 7 days or more`),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Case register' }).click();
    await expect(page).toHaveURL(new RegExp(`/sprawy\\?.*assignee=${me}`));
    expect(new URL(page.url()).searchParams.get('idle')).toBe('7');
    await expect(page.getByRole('combobox', { name: 'No changes for' })).toContainText('7 days or more');
    await page.getByRole('button', { name: 'Switch language to Polish' }).click();
  });

  test("a clerk takes over a case from “Moja praca” and reads the manager's handover note", async ({
    page,
    browser,
  }) => {
    const tag = unique();
    const manager = await newSignedInPage(browser, DEMO.manager.username);
    const unassigned = await cases(manager.context()).create({
      kind: 'complaint',
      subject: `Sprawa do przejęcia ${tag}`,
      channel: 'email',
      assigneeId: null,
      client: { name: 'Adam Nieprzydzielony' },
    });

    await signIn(page, DEMO.clerk.username);
    await expect(page).toHaveURL('/moja-praca');
    await expect(page.getByRole('heading', { level: 1, name: 'Moja praca' })).toBeVisible();
    await expectAccessible(page, 'my work');
    const queue = page.getByRole('link', { name: /Sprawy nieprzydzielone – do przejęcia/ });
    await expect(queue).toContainText(/[1-9]\d*/);
    await queue.click();
    await expect(page).toHaveURL(/\/sprawy\?.*unassigned=true/);
    await expect(page.getByRole('combobox', { name: 'Prowadzący' })).toContainText('Nieprzydzielone');
    await page.getByRole('searchbox', { name: 'Szukaj' }).fill(tag);
    await page.getByRole('link', { name: unassigned.reference }).click();
    await expect(page).toHaveURL(`/sprawy/${unassigned.id}`);

    await page.getByRole('button', { name: 'Przejmij sprawę' }).click();
    await expect(page.getByText(`Przejęto sprawę ${unassigned.reference}`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Przejmij sprawę' })).toHaveCount(0);
    const facts = page.locator('dl.facts');
    await expect(facts).toContainText(DEMO.clerk.displayName);
    await expect(page.getByRole('region', { name: 'Przekazanie sprawy' })).toContainText('Sprawę przejęto.');
    await expectAccessible(page, 'a case just taken over');

    // The manager assigns another case to the clerk with a note; the clerk reads it on the case page.
    const note = `Klient dzwonił dwa razy – proszę oddzwonić przed 12:00 (${tag}).`;
    const managed = await cases(manager.context()).create({
      kind: 'complaint',
      subject: `Sprawa przydzielona ${tag}`,
      channel: 'phone',
      client: { name: 'Ewa Przydzielona' },
    });
    await manager.goto(`/sprawy/${managed.id}`);
    await manager.getByRole('button', { name: 'Przydziel' }).click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Osoba' }).click();
    await manager.getByRole('option', { name: DEMO.clerk.displayName }).click();
    await dialog.getByLabel('Notatka (opcjonalnie)').fill(note);
    await expectAccessible(manager, 'the assign dialog');
    await dialog.getByRole('button', { name: 'Przydziel' }).click();
    await expect(
      manager.getByText(`Przydzielono sprawę ${managed.reference}: ${DEMO.clerk.displayName}.`),
    ).toBeVisible();
    await manager.context().close();

    await page.goto(`/sprawy/${managed.id}`);
    await expect(page.getByTestId('handover-note')).toHaveText(note);
    await expect(page.getByRole('region', { name: 'Przekazanie sprawy' })).toContainText(DEMO.manager.displayName);

    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await expect(page.getByRole('region', { name: 'Handover' })).toContainText('The case was assigned.');
    await page.goto('/moja-praca');
    await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
    await expectAccessible(page, 'my work in English');
    await page.getByRole('button', { name: 'Switch language to Polish' }).click();
  });
});
