import { TZDate } from '@date-fns/tz';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  ROUTES,
  type CaseResponse,
  type CreateCaseRequest,
  type UpdateCaseRequest,
} from '@pu/contracts';
import { BASE_URL } from './support/environment';
import { DEMO, expect, expectAccessible, newSignedInPage, signIn, test, unique } from './support/fixtures';
import { dateInput, timeInput } from './support/date-inputs';

/** Set-up through the API with a signed-in context's cookies, the way the SPA calls it. */
function casesApi(context: BrowserContext) {
  const headers = async (extra: Record<string, string> = {}): Promise<Record<string, string>> => {
    let cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
    if (!cookie) {
      await context.request.get(`${BASE_URL}/api/${ROUTES.health}`);
      cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
    }
    return { ...extra, ...(cookie ? { [CSRF_HEADER]: cookie.value } : {}) };
  };
  const change = async (c: CaseResponse, route: string, data: object): Promise<CaseResponse> => {
    const res = await context.request.post(`${BASE_URL}/api/${route}`, {
      data,
      headers: await headers({ 'If-Match': `"${c.version}"` }),
    });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as CaseResponse;
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
    step: (c: CaseResponse, stepId: string, data: Record<string, unknown>) =>
      change(c, ROUTES.caseStep(c.id, stepId), data),
    close: (c: CaseResponse) => change(c, ROUTES.caseClose(c.id), {}),
    async update(c: CaseResponse, data: UpdateCaseRequest): Promise<CaseResponse> {
      const res = await context.request.patch(`${BASE_URL}/api/${ROUTES.case(c.id)}`, {
        data,
        headers: await headers({ 'If-Match': `"${c.version}"` }),
      });
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as CaseResponse;
    },
  };
}

const step = (page: Page, id: string): Locator => page.locator(`li.step[data-step="${id}"]`);
const refusal = (subject: string, name: string): CreateCaseRequest => ({
  kind: 'refusal',
  subject,
  channel: 'in_person',
  client: { name },
});

async function listSettled(page: Page): Promise<void> {
  await expect(page.getByTestId('list-status')).not.toContainText('Wczytywanie');
  await expect(page.getByTestId('list-status')).not.toContainText('Loading');
}

test.describe("the clerk's day", () => {
  test('the list finds without diacritics, counts, sorts by its headers, finds a closed case by reference and keeps its filters on the way back', async ({
    page,
  }) => {
    const u = unique();
    await signIn(page, DEMO.clerk.username);
    const api = casesApi(page.context());
    const older = await api.create({
      ...refusal(`Lista ${u} starsza`, `Zofia Zielińska ${u}`),
      receivedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    });
    const newer = await api.create(refusal(`Lista ${u} nowsza`, `Zenon Zieliński ${u}`));
    let closed = await api.create(refusal(`Lista ${u} zamknięta`, `Żaneta Łęcka ${u}`));
    closed = await api.step(closed, 'decision', { decisionReference: 'D.1', scope: 'Zasiłek' });
    closed = await api.step(closed, 'deliver', { deliveredAt: new Date().toISOString(), channel: 'in_person' });
    closed = await api.step(closed, 'justify', { facts: 'Dochód powyżej progu.', legalBasis: 'Art. 8 ustawy.' });
    closed = await api.step(closed, 'farewell', { appealInfoGiven: true });
    closed = await api.close(closed);

    await page.goto('/sprawy');
    await page.getByRole('searchbox', { name: 'Szukaj' }).fill(`${u}`);
    await listSettled(page);
    await expect(page.getByTestId('list-status')).toHaveText('Sprawy 1–2 z 2.');
    await page.getByRole('searchbox', { name: 'Szukaj' }).fill(`ZIELINSKA ${u}`);
    await expect(page).toHaveURL(/q=ZIELINSKA/);
    await listSettled(page);
    await expect(page.getByRole('row').filter({ hasText: older.reference })).toBeVisible();
    await expect(page.getByTestId('list-status')).toHaveText('Sprawy 1–1 z 1.');

    // Sorting by clicking headers (the received column), both ways.
    await page.getByRole('searchbox', { name: 'Szukaj' }).fill(u);
    await listSettled(page);
    const received = page.getByRole('columnheader', { name: /Data i godzina wpływu/ });
    await received.getByRole('button').click();
    await expect(page).toHaveURL(/sort=received/);
    await expect(received).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.getByRole('row').nth(1)).toContainText(older.reference);
    await received.getByRole('button').click();
    await expect(page).toHaveURL(/sort=-received/);
    await expect(received).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByRole('row').nth(1)).toContainText(newer.reference);
    await page.screenshot({ path: test.info().outputPath('list-pl.png') });
    await expectAccessible(page, 'case list sorted by a header');

    // The closed case's reference finds it while the list shows open cases only.
    await page.getByRole('searchbox', { name: 'Szukaj' }).fill(closed.reference);
    await listSettled(page);
    await expect(page.getByRole('row').filter({ hasText: closed.reference })).toBeVisible();
    await expect(page.getByTestId('list-status')).toContainText('niezależnie od filtra statusu');

    // Back from a case: the same search and sort.
    await page.getByRole('searchbox', { name: 'Szukaj' }).fill(u);
    await listSettled(page);
    await page.getByRole('link', { name: newer.reference }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(newer.reference);
    await page.getByRole('link', { name: /Wróć do rejestru spraw/ }).click();
    await expect(page).toHaveURL(new RegExp(`q=${u}`));
    await expect(page).toHaveURL(/sort=-received/);
    await expect(page.getByRole('searchbox', { name: 'Szukaj' })).toHaveValue(u);

    // An empty result says so once.
    await page.getByRole('searchbox', { name: 'Szukaj' }).fill(`nic-takiego-${u}`);
    await listSettled(page);
    await expect(page.getByText('Brak spraw spełniających wybrane kryteria.')).toHaveCount(1);

    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill(`zielinski ${u}`);
    await listSettled(page);
    await expect(page.getByTestId('list-status')).toHaveText('Cases 1–1 of 1.');
    await expect(page.getByRole('row').filter({ hasText: newer.reference })).toBeVisible();
    await expectAccessible(page, 'case list in English');
    await page.getByRole('button', { name: 'Switch language to Polish' }).click();
  });

  test('a clerk corrects the case details by keyboard alone; each change is in the history', async ({ page }) => {
    const u = unique();
    await signIn(page, DEMO.clerk.username);
    const c = await casesApi(page.context()).create(refusal(`Poprawka ${u}`, `Jan Poprawny ${u}`));
    await page.goto(`/sprawy/${c.id}`);
    await page.getByRole('button', { name: 'Popraw dane' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: `Popraw dane sprawy ${c.reference}` })).toBeVisible();
    // The dialog puts focus on its first field once it has opened: text typed before that would land there.
    await expect(dialog.getByLabel('Temat')).toBeFocused();
    await dialog.getByLabel('Temat').fill(`Poprawka ${u} – właściwy temat`);
    await dialog.getByLabel('Telefon').fill('+48 600 700 800');
    await dialog.getByLabel('Szczególne potrzeby klienta').fill('Pętla indukcyjna');
    await dialog.getByRole('checkbox', { name: /posłem, senatorem lub radnym/ }).focus();
    await page.keyboard.press('Space');
    await expectAccessible(page, 'case edit dialog');
    await dialog.getByRole('button', { name: 'Zapisz poprawki' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('właściwy temat');
    await expect(page.getByText('Pętla indukcyjna')).toBeVisible();
    await expect(page.getByRole('link', { name: '+48 600 700 800' })).toBeVisible();

    await page.getByRole('tab', { name: 'Historia' }).click();
    const edit = page.getByRole('tabpanel').locator('li').filter({ hasText: 'Zmieniono dane sprawy' });
    await expect(edit).toContainText('+48 600 700 800');
    await expect(edit).toContainText('Pętla indukcyjna');

    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await page.getByRole('tab', { name: 'Steps' }).click();
    await page.getByRole('button', { name: 'Correct details' }).click();
    await expect(
      page.getByRole('dialog').getByRole('heading', { name: `Correct the details of case ${c.reference}` }),
    ).toBeVisible();
    await expectAccessible(page, 'case edit dialog in English');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Switch language to Polish' }).click();
  });

  test('a conflict shows both versions side by side; "apply mine again" saves mine, and every panel is read again', async ({
    page,
    browser,
  }) => {
    const u = unique();
    await signIn(page, DEMO.clerk.username);
    const c = await casesApi(page.context()).create(refusal(`Konflikt ${u}`, `Ola Równoległa ${u}`));
    await page.goto(`/sprawy/${c.id}`);
    await page.getByRole('button', { name: 'Popraw dane' }).click();
    const dialog = page.getByRole('dialog');
    // Typed once the dialog has put focus on its first field (before that, the text would land there).
    await expect(dialog.getByLabel('Temat')).toBeFocused();
    await dialog.getByLabel('Telefon').fill('+48 500 000 001');

    // Meanwhile the manager corrects the phone and adds a promise.
    const other = await newSignedInPage(browser, DEMO.manager.username);
    const otherApi = casesApi(other.context());
    await otherApi.update(c, { client: { phone: '+48 500 000 999' }, subject: `Konflikt ${u} (kierownik)` });
    await other.context().request.post(`${BASE_URL}/api/${ROUTES.casePromises(c.id)}`, {
      data: { description: `Oddzwonię ${u}`, channel: 'phone' },
      headers: {
        [CSRF_HEADER]: (await other.context().cookies(BASE_URL)).find((k) => k.name === CSRF_COOKIE)?.value ?? '',
      },
    });
    await other.context().close();

    await dialog.getByRole('button', { name: 'Zapisz poprawki' }).click();
    const table = dialog.getByTestId('conflict-table');
    await expect(dialog.getByTestId('conflict-heading')).toBeFocused();
    await expect(table.getByRole('row').filter({ hasText: 'Telefon' })).toContainText('+48 500 000 999');
    await expect(table.getByRole('row').filter({ hasText: 'Telefon' })).toContainText('+48 500 000 001');
    await expect(table.getByRole('row').filter({ hasText: 'Temat' })).toContainText('(kierownik)');
    await expect(dialog.getByLabel('Telefon')).toHaveValue('+48 500 000 001');
    await page.screenshot({ path: test.info().outputPath('edit-conflict-pl.png') });
    await expectAccessible(page, 'case edit conflict');
    await dialog.getByRole('button', { name: 'Zastosuj moje ponownie' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('link', { name: '+48 500 000 001' })).toBeVisible();
    // Their other change stays; the promise panel and its count were read again.
    await expect(page.getByRole('heading', { level: 1 })).toContainText('(kierownik)');
    await expect(page.getByRole('tab', { name: 'Obietnice (1)' })).toBeVisible();
    await page.getByRole('tab', { name: 'Obietnice (1)' }).click();
    await expect(page.getByText(`Oddzwonię ${u}`)).toBeVisible();
  });

  test('a step saved meanwhile by someone else: theirs beside mine, "discard mine" keeps theirs; in English too', async ({
    page,
    browser,
  }) => {
    const u = unique();
    await signIn(page, DEMO.clerk.username);
    const c = await casesApi(page.context()).create(refusal(`Krok ${u}`, `Piotr Krokowy ${u}`));
    await page.goto(`/sprawy/${c.id}`);
    const decision = step(page, 'decision');
    await decision.getByLabel('Znak decyzji').fill(`MOJ.${u}`);
    await decision.getByLabel('Czego dotyczy odmowa').fill('Moja wersja zakresu');

    const other = await newSignedInPage(browser, DEMO.manager.username);
    await casesApi(other.context()).step(c, 'decision', { decisionReference: `ICH.${u}`, scope: 'Ich wersja zakresu' });
    await other.context().close();

    await decision.getByRole('button', { name: 'Zapisz krok' }).click();
    await expect(decision.getByRole('alert')).toContainText('Ktoś inny zmienił tę sprawę w międzyczasie');
    const table = decision.getByTestId('conflict-table');
    await expect(decision.getByTestId('conflict-heading')).toContainText(
      'Ten krok zapisał w międzyczasie Piotr Wiśniewski',
    );
    await expect(table.getByRole('row').filter({ hasText: 'Znak decyzji' })).toContainText(`ICH.${u}`);
    await expect(table.getByRole('row').filter({ hasText: 'Znak decyzji' })).toContainText(`MOJ.${u}`);
    await expect(decision.getByLabel('Czego dotyczy odmowa')).toHaveValue('Moja wersja zakresu');
    // A clerk cannot reopen a step: the panel says how, and keeps the text.
    await expect(decision.getByRole('button', { name: 'Zastosuj moje ponownie' })).toBeDisabled();
    await expect(decision).toContainText('poproś kierownika o ponowne otwarcie kroku');
    await expectAccessible(page, 'step conflict');

    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await expect(decision.getByTestId('conflict-heading')).toContainText('saved this step meanwhile');
    await expect(decision.getByRole('columnheader', { name: 'Your version' })).toBeVisible();
    await expectAccessible(page, 'step conflict in English');
    await decision.getByRole('button', { name: 'Discard mine' }).click();
    await expect(decision.getByTestId('conflict-table')).toHaveCount(0);
    await expect(decision).toContainText(`ICH.${u}`);
    await page.getByRole('button', { name: 'Switch language to Polish' }).click();
  });

  test('a manager replaces a step saved meanwhile with "apply mine again"; a reopened step comes back filled in', async ({
    page,
    browser,
  }) => {
    const u = unique();
    await signIn(page, DEMO.manager.username);
    const c = await casesApi(page.context()).create(refusal(`Zastąp ${u}`, `Maria Zastępcza ${u}`));
    await page.goto(`/sprawy/${c.id}`);
    const decision = step(page, 'decision');
    await decision.getByLabel('Znak decyzji').fill(`KIER.${u}`);
    await decision.getByLabel('Czego dotyczy odmowa').fill('Wersja kierownika');
    const other = await newSignedInPage(browser, DEMO.clerk.username);
    await casesApi(other.context()).step(c, 'decision', { decisionReference: `URZ.${u}`, scope: 'Wersja urzędnika' });
    await other.context().close();

    await decision.getByRole('button', { name: 'Zapisz krok' }).click();
    await expect(decision.getByTestId('conflict-table')).toContainText(`URZ.${u}`);
    await decision.getByRole('button', { name: 'Zastosuj moje ponownie' }).click();
    await expect(decision.getByText(/^Wykonano: /)).toBeVisible();
    await expect(decision).toContainText(`KIER.${u}`);

    // Reopening brings the form back with what it held.
    await decision.getByRole('button', { name: /^Cofnij/ }).click();
    await page.getByRole('dialog').getByLabel('Powód cofnięcia').fill('Literówka w znaku decyzji.');
    await page.getByRole('dialog').getByRole('button', { name: 'Cofnij' }).click();
    await expect(decision.getByTestId('step-prefilled')).toBeVisible();
    await expect(decision.getByLabel('Znak decyzji')).toHaveValue(`KIER.${u}`);
    await expect(decision.getByLabel('Czego dotyczy odmowa')).toHaveValue('Wersja kierownika');
    await page.getByRole('tab', { name: 'Historia' }).click();
    await expect(page.getByRole('tabpanel')).toContainText('Cofnięto krok');
  });

  test('the board: columns of the steps with counts; "Next step" by keyboard and drag and drop open the form', async ({
    page,
  }) => {
    const u = unique();
    await signIn(page, DEMO.clerk.username);
    const api = casesApi(page.context());
    const first = await api.create(refusal(`Tablica ${u} pierwsza`, `Karol Kartowy ${u}`));
    let second = await api.create(refusal(`Tablica ${u} druga`, `Kinga Kartowa ${u}`));
    second = await api.step(second, 'decision', { decisionReference: 'T.2', scope: 'Zakres' });

    await page.goto(`/sprawy?kind=refusal&q=${u}`);
    await page.getByRole('link', { name: 'Tablica' }).click();
    await expect(page).toHaveURL(/\/sprawy\/tablica\?.*q=/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tablica spraw' })).toBeVisible();
    const column = (title: string) => page.getByRole('region', { name: title, exact: true });
    const decisionColumn = page.locator('section.column[data-step="decision"]');
    const deliverColumn = page.locator('section.column[data-step="deliver"]');
    await expect(decisionColumn.getByTestId('column-count')).toHaveText('1');
    await expect(deliverColumn.getByTestId('column-count')).toHaveText('1');
    await expect(decisionColumn).toContainText(first.reference);
    await expect(decisionColumn).toContainText(`Karol Kartowy ${u}`);
    await expect(decisionColumn).toContainText('bez terminu');
    void column;
    await page.screenshot({ path: test.info().outputPath('board-pl.png'), fullPage: true });
    await expectAccessible(page, 'case board');

    // By keyboard: the card's "Next step" opens the form of its current step.
    await decisionColumn.getByRole('button', { name: new RegExp(first.reference) }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/sprawy/${first.id}\\?krok=decision`));
    await expect(step(page, 'decision').getByLabel('Znak decyzji')).toBeFocused();

    // By drag and drop: to the next column only.
    await page.goBack();
    const card = deliverColumn.locator('li.card').filter({ hasText: second.reference });
    await expect(card).toBeVisible();
    const target = page.locator('section.column[data-step="justify"] ul.cards');
    const from = await card.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('the board is not laid out');
    await page.mouse.move(from.x + 20, from.y + 10);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 20, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 20, { steps: 15 });
    await page.mouse.up();
    await expect(page).toHaveURL(new RegExp(`/sprawy/${second.id}\\?krok=deliver`));
    await expect(step(page, 'deliver')).toBeVisible();

    await page.goto(`/sprawy/tablica?kind=refusal&q=${u}`);
    // Opened directly, the kind field names the kind of the columns.
    await expect(page.getByLabel('Rodzaj').locator('option:checked')).toHaveText('Decyzja odmowna');
    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await expect(page.getByLabel('Kind').locator('option:checked')).toHaveText('Refusal');
    await expect(page.getByRole('heading', { level: 1, name: 'Case board' })).toBeVisible();
    await expect(decisionColumn).toContainText('no deadline');
    await page.screenshot({ path: test.info().outputPath('board-en.png'), fullPage: true });
    await expectAccessible(page, 'case board in English');
    await page.getByRole('button', { name: 'Switch language to Polish' }).click();
  });

  test('small things: a new promise form without errors, "kept" undoable, an event time of now', async ({ page }) => {
    const u = unique();
    await signIn(page, DEMO.clerk.username);
    const api = casesApi(page.context());
    const c = await api.create({
      kind: 'aggressive_client',
      subject: `Drobiazgi ${u}`,
      channel: 'in_person',
      client: { name: `Jerzy Drobny ${u}` },
    });
    await page.goto(`/sprawy/${c.id}`);
    await page.getByRole('tab', { name: /Obietnice/ }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByLabel('Co obiecano').fill(`Oddzwonię jutro ${u}`);
    await panel.getByRole('combobox', { name: 'Jaką drogą' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Telefonicznie', exact: true }).click();
    await panel.getByRole('button', { name: 'Dodaj obietnicę' }).click();
    await expect(panel.getByText(`Oddzwonię jutro ${u}`)).toBeVisible();
    await expect(panel.getByLabel('Co obiecano')).toHaveValue('');
    await expect(panel.getByText('To pole jest wymagane')).toHaveCount(0);
    await expect(panel.locator('mat-error')).toHaveCount(0);

    await panel.getByRole('button', { name: `Dotrzymana: Oddzwonię jutro ${u}` }).click();
    await expect(panel.getByTestId('kept-pending')).toBeVisible();
    await panel.getByRole('button', { name: `Cofnij: Oddzwonię jutro ${u}` }).click();
    await expect(panel.getByTestId('kept-pending')).toHaveCount(0);
    await expect(panel.getByRole('button', { name: `Dotrzymana: Oddzwonię jutro ${u}` })).toBeVisible();
    await expect(panel).toContainText('otwarta');

    await panel.getByRole('button', { name: `Dotrzymana: Oddzwonię jutro ${u}` }).click();
    await expect(panel).toContainText('dotrzymana', { timeout: 15_000 });
    await expect(panel.getByRole('button', { name: `Dotrzymana: Oddzwonię jutro ${u}` })).toHaveCount(0);

    await page.getByRole('tab', { name: 'Przebieg sprawy' }).click();
    const api2 = casesApi(page.context());
    let current = (await (
      await page.context().request.get(`${BASE_URL}/api/${ROUTES.case(c.id)}`)
    ).json()) as CaseResponse;
    current = await api2.step(current, 'listen', { account: 'Krzyczał.' });
    current = await api2.step(current, 'quiet_place', { quietPlace: 'offered' });
    await api2.step(current, 'restate', { restatement: 'Zdenerwowanie.', clientConfirmed: true });
    await page.reload();
    const conduct = step(page, 'conduct');
    const before = Date.now();
    await conduct.getByRole('button', { name: 'Dodaj zdarzenie' }).click();
    // The day as dd.mm.rrrr and the 24-hour time, the office's (Warsaw) whatever the browser's zone.
    const day = await dateInput(conduct, 'Data i godzina').inputValue();
    const time = await timeInput(conduct, 'Data i godzina').inputValue();
    expect(`${day} ${time}`).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    const [d, m, y] = day.split('.').map(Number);
    const [h, min] = time.split(':').map(Number);
    const shown = new TZDate(y, m - 1, d, h, min, 'Europe/Warsaw').getTime();
    expect(Math.abs(shown - before)).toBeLessThan(2 * 60_000);
  });
});
