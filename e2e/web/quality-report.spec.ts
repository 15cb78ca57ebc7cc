import type { BrowserContext } from '@playwright/test';
import { CSRF_COOKIE, CSRF_HEADER, ROUTES, type CaseResponse } from '@pu/contracts';
import { BASE_URL } from './support/environment';
import { DEMO, expect, expectAccessible, newSignedInPage, signIn, test, unique } from './support/fixtures';

/** A clerk's complaint with its cause recorded, through the API (the report counts it this year). */
async function complaintWithCause(context: BrowserContext, subject: string): Promise<void> {
  let cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
  if (!cookie) {
    await context.request.get(`${BASE_URL}/api/${ROUTES.health}`);
    cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
  }
  const headers = (version?: number) => ({
    ...(cookie ? { [CSRF_HEADER]: cookie.value } : {}),
    ...(version === undefined ? {} : { 'If-Match': `"${version}"` }),
  });
  const created = await context.request.post(`${BASE_URL}/api/${ROUTES.cases}`, {
    data: { kind: 'complaint', subject, channel: 'email', client: { name: 'Jan Testowy', phone: '600 100 200' } },
    headers: headers(),
  });
  expect(created.status(), await created.text()).toBe(201);
  let c = (await created.json()) as CaseResponse;
  const steps: [string, Record<string, unknown>][] = [
    ['listen', { account: 'Długo czekałem na obsługę.' }],
    ['restate', { restatement: 'Długie oczekiwanie.', clientConfirmed: true }],
    ['regret', { confirmed: true }],
    ['cause', { rootCause: 'waiting_time', description: 'Jedno stanowisko w godzinach szczytu.' }],
  ];
  for (const [stepId, data] of steps) {
    const res = await context.request.post(`${BASE_URL}/api/${ROUTES.caseStep(c.id, stepId)}`, {
      data,
      headers: headers(c.version),
    });
    expect(res.status(), await res.text()).toBe(200);
    c = (await res.json()) as CaseResponse;
  }
}

test.describe('Quality report page', () => {
  test('the quality officer reads the report, a chart as a table, changes the year and adds an action', async ({
    page,
    browser,
  }) => {
    const clerk = await newSignedInPage(browser, DEMO.clerk.username);
    await complaintWithCause(clerk.context(), `Skarga do raportu ${unique()}`);
    await clerk.context().close();

    await signIn(page, DEMO.quality.username);
    await page.getByRole('link', { name: 'Raport jakości' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Raport doskonalenia jakości obsługi' })).toBeVisible();
    const year = new Date().getFullYear();
    await expect(page.getByRole('status').filter({ hasText: `Raport za ${year}` })).toBeVisible();

    // Tiles: the headline figures, each with its change against the year before.
    const complaints = page.getByTestId('tile-complaints');
    await expect(complaints).toContainText('Skargi');
    await expect(complaints).toContainText(`(${year - 1})`);
    expect(Number((await complaints.locator('.tile-value').innerText()).replace(/\s/g, ''))).toBeGreaterThanOrEqual(1);

    // A chart's figures as a table: the root causes, ranked.
    const causes = page.getByTestId('chart-table-root-causes');
    await causes.getByText('Pokaż dane wykresu w tabeli').click();
    const table = causes.getByRole('table', { name: 'Przyczyny skarg – obszary do poprawy' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Ten okres' })).toBeVisible();
    const waiting = table.getByRole('row', { name: /Czas oczekiwania/ });
    await expect(waiting).toBeVisible();
    expect(Number(await waiting.getByRole('cell').first().innerText())).toBeGreaterThanOrEqual(1);
    await expect(page.locator('canvas[role="img"]').first()).toBeVisible();
    await page.screenshot({ path: 'tmp/e2e-web/quality-report-pl.png', fullPage: true });
    await expectAccessible(page, 'quality report');

    // Another year: the address and the figures follow.
    await page.getByTestId('report-year').click();
    await page.getByRole('option', { name: String(year - 1) }).click();
    await page.getByRole('button', { name: 'Pokaż raport' }).click();
    await expect(page).toHaveURL(new RegExp(`rok=${year - 1}`));
    await expect(
      page.getByRole('status').filter({ hasText: `Raport za ${year - 1} w porównaniu z ${year - 2}` }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Pokaż raport' }).focus();
    await page.goBack();
    await expect(page.getByRole('status').filter({ hasText: `Raport za ${year} ` })).toBeVisible();

    // An improvement action for the area, recorded from the report.
    const what = `Drugie stanowisko obsługi ${unique()}`;
    await page.getByTestId('add-action').click();
    const dialog = page.getByRole('dialog', { name: 'Nowe działanie doskonalące' });
    await dialog.getByRole('button', { name: 'Zapisz' }).click();
    await expect(dialog.getByText('To pole jest wymagane.').first()).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Obszar (kategoria przyczyny)' }).click();
    await page.getByRole('option', { name: 'Czas oczekiwania' }).click();
    await dialog.getByLabel('Działanie').fill(what);
    await dialog.getByLabel('Odpowiedzialny').fill('Kierownik Wydziału Spraw Obywatelskich');
    await dialog.getByLabel('Termin').fill(`${year}-12-31`);
    await dialog.getByLabel('Wykonano').fill(`${year}-01-15`);
    await dialog.getByLabel('Oczekiwany efekt').fill('O połowę mniej skarg na czas oczekiwania');
    await expectAccessible(page, 'improvement action dialog');
    await dialog.getByRole('button', { name: 'Zapisz' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByTestId('actions-table').getByRole('row', { name: new RegExp(what) });
    await expect(row).toBeVisible();
    await expect(row).toContainText('Czas oczekiwania');
    await expect(row.getByRole('cell').nth(5)).not.toHaveText('—');

    // English.
    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Service quality improvement report' })).toBeVisible();
    await expect(page.getByTestId('tile-complaints')).toContainText('Complaints');
    await page.screenshot({ path: 'tmp/e2e-web/quality-report-en.png', fullPage: true });
    await expectAccessible(page, 'quality report in English');
    await page.getByRole('button', { name: 'Switch language to Polish' }).click();
  });

  test('the quality officer manages the root-cause categories', async ({ page }) => {
    await signIn(page, DEMO.quality.username);
    await page.goto('/raport-jakosci/kategorie');
    await expect(page.getByRole('heading', { level: 1, name: 'Kategorie przyczyn skarg' })).toBeVisible();
    const code = `e2e_${unique()}`;
    await page.getByRole('button', { name: 'Dodaj kategorię' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nowa kategoria przyczyny' });
    await dialog.getByLabel('Kod').fill(code);
    await dialog.getByLabel('Nazwa po polsku').fill(`Parkowanie ${code}`);
    await dialog.getByLabel('Nazwa po angielsku').fill(`Parking ${code}`);
    await dialog.getByRole('button', { name: 'Zapisz' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByTestId('categories-table').getByRole('row', { name: new RegExp(`Parkowanie ${code}`) });
    await expect(row).toContainText('Aktywna');
    await row.getByRole('button', { name: `Wycofaj kategorię Parkowanie ${code}` }).click();
    await expect(row).toContainText('Wycofana');
    await page.screenshot({ path: 'tmp/e2e-web/root-causes-pl.png', fullPage: true });
    await expectAccessible(page, 'root-cause categories');
  });

  test("a manager sees their department's report, without the quality officer's tools", async ({ page }) => {
    await signIn(page, DEMO.manager.username);
    await page.getByRole('link', { name: 'Raport jakości' }).click();
    await expect(page.getByText('Wydział SO – Wydział Spraw Obywatelskich')).toBeVisible();
    await expect(page.getByTestId('add-action')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Kategorie przyczyn' })).toHaveCount(0);
    await expectAccessible(page, "manager's quality report");
  });
});
