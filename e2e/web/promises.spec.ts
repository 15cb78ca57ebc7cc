import type { BrowserContext, Locator, Page } from '@playwright/test';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  ROUTES,
  type CaseResponse,
  type CreateCaseRequest,
  type CreatePromiseRequest,
  type PromiseResponse,
  type UpdatePromiseRequest,
} from '@pu/contracts';
import { BASE_URL } from './support/environment';
import { DEMO, expect, expectAccessible, newSignedInPage, signIn, test, unique } from './support/fixtures';
import { dateInput, fillDateTime, timeInput, typedDate, typedTime } from './support/date-inputs';

const HOUR = 3600_000;
/** "Kept" is sent once its undo time (6 s) is over. */
const KEPT_SAVED_WITHIN = 15_000;

/** Cases and promises set up through the API with the signed-in context's cookies and CSRF header. */
function caseApi(context: BrowserContext) {
  const headers = async (extra: Record<string, string> = {}): Promise<Record<string, string>> => {
    let cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
    if (!cookie) {
      await context.request.get(`${BASE_URL}/api/${ROUTES.health}`);
      cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
    }
    return { ...extra, ...(cookie ? { [CSRF_HEADER]: cookie.value } : {}) };
  };
  return {
    async createCase(body: CreateCaseRequest): Promise<CaseResponse> {
      const res = await context.request.post(`${BASE_URL}/api/${ROUTES.cases}`, {
        data: body,
        headers: await headers(),
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as CaseResponse;
    },
    async createPromise(caseId: string, body: CreatePromiseRequest): Promise<PromiseResponse> {
      const res = await context.request.post(`${BASE_URL}/api/${ROUTES.casePromises(caseId)}`, {
        data: body,
        headers: await headers(),
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as PromiseResponse;
    },
    async promises(caseId: string): Promise<PromiseResponse[]> {
      const res = await context.request.get(`${BASE_URL}/api/${ROUTES.casePromises(caseId)}`);
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as PromiseResponse[];
    },
    async updatePromise(p: PromiseResponse, body: UpdatePromiseRequest): Promise<PromiseResponse> {
      const res = await context.request.patch(`${BASE_URL}/api/${ROUTES.promise(p.id)}`, {
        data: body,
        headers: await headers({ 'If-Match': `"${p.version}"` }),
      });
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as PromiseResponse;
    },
  };
}

/** As the page shows it (pl-PL, day.month.year, hour:minute, the office's time whatever the browser's zone). */
function shownDateTime(d: Date): string {
  return new Intl.DateTimeFormat('pl-PL', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Warsaw',
  }).format(d);
}

function promiseRow(page: Page, description: string): Locator {
  return page.getByRole('tabpanel').getByRole('row').filter({ hasText: description });
}

async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Obietnice dla klientów' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Wczytywanie' })).toHaveCount(0);
}

test.describe('promises to clients (/obietnice)', () => {
  test('a clerk sees an open promise, marks it kept and moves the date of another after telling the client', async ({
    page,
  }) => {
    const tag = unique();
    await signIn(page, DEMO.clerk.username);
    const api = caseApi(page.context());
    const c = await api.createCase({
      kind: 'complaint',
      subject: `Obietnice e2e ${tag}`,
      channel: 'phone',
      client: { name: 'Jan Obietnicki' },
    });
    const callBack = `Oddzwonię z terminem naprawy ${tag}`;
    const letter = `Wyślę pismo z odpowiedzią ${tag}`;
    await api.createPromise(c.id, {
      description: callBack,
      channel: 'phone',
      dueAt: new Date(Date.now() + 3 * HOUR).toISOString(),
    });
    await api.createPromise(c.id, {
      description: letter,
      channel: 'letter',
      dueAt: new Date(Date.now() + 26 * HOUR).toISOString(),
    });

    await page.getByRole('navigation').getByRole('link', { name: 'Obietnice' }).click();
    await expect(page).toHaveURL('/obietnice');
    await expect(page).toHaveTitle('Obietnice · Przyjazny Urząd');
    await settled(page);
    await expect(page.getByRole('tab', { name: /^Moje otwarte/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: /^Moje po terminie/ })).toBeVisible();
    await expect(page.getByRole('tab', { name: /^Wydział/ })).toHaveCount(0);

    // Each row: case (a link to its page), what, channel, due (relative and absolute), state in words, who.
    const row = promiseRow(page, callBack);
    await expect(row.getByRole('link', { name: c.reference })).toHaveAttribute('href', `/sprawy/${c.id}`);
    await expect(row).toContainText('Telefonicznie');
    await expect(row).toContainText(/za [23] h/);
    await expect(row).toContainText('otwarta');
    await expect(row).toContainText(DEMO.clerk.displayName);
    await expect(promiseRow(page, letter)).toContainText(/za 1 dzień/);
    await expectAccessible(page, 'clerk promises, open');

    // "Kept" waits a few seconds before it is recorded; until then "Cofnij" takes the place of the row's actions.
    await row.getByRole('button', { name: /^Dotrzymana/ }).click();
    await expect(row.getByTestId('kept-pending')).toContainText('Dotrzymana – zapis za kilka sekund');
    const undo = row.getByRole('button', { name: new RegExp(`^Cofnij ?: ${c.reference}, ${callBack}$`) });
    await expect(undo).toBeFocused();
    await expect(row.getByRole('button', { name: /^Zmień termin/ })).toHaveCount(0);
    await expectAccessible(page, 'clerk promises, kept waiting to be recorded');
    await undo.click();
    await expect(page.getByText('Cofnięto: obietnica nadal czeka na dotrzymanie.')).toBeVisible();
    await expect(row.getByTestId('kept-pending')).toHaveCount(0);
    await expect(row.getByRole('button', { name: /^Dotrzymana/ })).toBeFocused();
    await expect(row).toContainText('otwarta');
    expect((await api.promises(c.id)).find((p) => p.description === callBack)?.keptAt).toBeNull();

    await row.getByRole('button', { name: /^Dotrzymana/ }).click();
    await expect(page.getByText(`Zapisano dotrzymanie obietnicy w sprawie ${c.reference}.`)).toBeVisible({
      timeout: KEPT_SAVED_WITHIN,
    });
    await expect(promiseRow(page, callBack)).toHaveCount(0);
    // Focus is not lost with the removed row: it lands on the next row's action.
    await expect(page.locator('[data-promise-action]:focus')).toHaveCount(1);

    // Moving the date: the dialog explains standard 17.4 and requires both date-times.
    await promiseRow(page, letter)
      .getByRole('button', { name: /^Zmień termin/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Zmień termin obietnicy' });
    await expect(dialog).toContainText('Standard 17 pkt 4');
    await dialog.getByRole('button', { name: 'Zapisz nowy termin' }).click();
    await expect(dialog.getByText('Podaj nowy termin: datę i godzinę.')).toBeVisible();
    await expect(dialog.getByText('Podaj, kiedy klient dowiedział się o nowym terminie')).toBeVisible();
    await expect(dateInput(dialog, 'Nowy termin (data i godzina)')).toBeFocused();
    await expectAccessible(page, 'reschedule dialog with errors');

    const newDue = new Date(Date.now() + 5 * 24 * HOUR);
    newDue.setHours(10, 30, 0, 0);
    await fillDateTime(dialog, 'Nowy termin (data i godzina)', newDue);
    await dialog.getByRole('button', { name: 'Zapisz nowy termin' }).click();
    await expect(dateInput(dialog, 'Kiedy klient dowiedział się o nowym terminie')).toBeFocused();
    await expect(dialog.getByText('Podaj, kiedy klient dowiedział się o nowym terminie')).toBeVisible();

    await fillDateTime(dialog, 'Kiedy klient dowiedział się o nowym terminie', new Date(Date.now() - 10 * 60_000));
    await dialog.getByRole('button', { name: 'Zapisz nowy termin' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText(`Zapisano nowy termin obietnicy w sprawie ${c.reference}.`)).toBeVisible();
    const moved = promiseRow(page, letter);
    await expect(moved).toContainText(shownDateTime(newDue));
    await expect(moved).toContainText('zmiany terminu: 1');
    await expect(moved).toContainText('otwarta');
  });

  test('someone else changed the promise meanwhile: the page says so and reloads; the dialog keeps what was typed', async ({
    page,
    browser,
  }) => {
    const tag = unique();
    await signIn(page, DEMO.clerk.username);
    const api = caseApi(page.context());
    const c = await api.createCase({
      kind: 'complaint',
      subject: `Obietnice 412 e2e ${tag}`,
      channel: 'email',
      client: { name: 'Ewa Równoległa' },
    });
    const description = `Przekażę informację e-mailem ${tag}`;
    const p = await api.createPromise(c.id, {
      description,
      channel: 'email',
      dueAt: new Date(Date.now() + 4 * HOUR).toISOString(),
    });
    await page.goto('/obietnice');
    await settled(page);

    // The manager moves the date in another browser while the clerk's page shows version 1.
    const manager = await newSignedInPage(browser, DEMO.manager.username);
    const movedDue = new Date(Date.now() + 30 * HOUR);
    await caseApi(manager.context()).updatePromise(p, {
      dueAt: movedDue.toISOString(),
      clientToldAt: new Date(Date.now() - 60_000).toISOString(),
    });

    await promiseRow(page, description)
      .getByRole('button', { name: /^Dotrzymana/ })
      .click();
    await expect(page.getByRole('alert')).toContainText('Ktoś inny zmienił tę obietnicę w międzyczasie', {
      timeout: KEPT_SAVED_WITHIN,
    });
    await expect(promiseRow(page, description)).toContainText(shownDateTime(movedDue));
    await expect(promiseRow(page, description)).toContainText('zmiany terminu: 1');

    // The dialog opened with the old version meets the manager's second change: it shows the fresh due time.
    await promiseRow(page, description)
      .getByRole('button', { name: /^Zmień termin/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Zmień termin obietnicy' });
    const current = await caseApi(manager.context()).updatePromise(
      { ...p, version: p.version + 1 },
      { description: `${description} (uzupełnione)` },
    );
    const typedDue = new Date(Date.now() + 3 * 24 * HOUR);
    typedDue.setHours(12, 0, 0, 0);
    await fillDateTime(dialog, 'Nowy termin (data i godzina)', typedDue);
    await fillDateTime(dialog, 'Kiedy klient dowiedział się o nowym terminie', new Date(Date.now() - 60_000));
    await dialog.getByRole('button', { name: 'Zapisz nowy termin' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Ktoś inny zmienił tę obietnicę w międzyczasie');
    await expect(dialog).toContainText(current.description);
    await expect(dateInput(dialog, 'Nowy termin (data i godzina)')).toHaveValue(typedDate(typedDue));
    await expect(timeInput(dialog, 'Nowy termin (data i godzina)')).toHaveValue(typedTime(typedDue));
    await expectAccessible(page, 'reschedule dialog after a stale version');
    await dialog.getByRole('button', { name: 'Zapisz nowy termin' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(promiseRow(page, description)).toContainText('zmiany terminu: 2');
    await manager.context().close();
  });

  test('a promise past its due time is listed as not kept, for the clerk and in the manager’s department tab', async ({
    page,
    browser,
  }) => {
    const tag = unique();
    await signIn(page, DEMO.clerk.username);
    const api = caseApi(page.context());
    const c = await api.createCase({
      kind: 'office_error',
      subject: `Pomyłka e2e ${tag}`,
      channel: 'in_person',
      client: { name: 'Adam Spóźniony' },
      discoveredAt: new Date(Date.now() - HOUR).toISOString(),
    });
    // The API accepts a due time up to 5 minutes back (a promise logged just after the conversation).
    const description = `Oddzwonię po sprawdzeniu akt ${tag}`;
    await api.createPromise(c.id, {
      description,
      channel: 'phone',
      dueAt: new Date(Date.now() - 2 * 60_000).toISOString(),
    });

    await page.goto('/obietnice?widok=moje-po-terminie');
    await settled(page);
    await expect(page.getByRole('tab', { name: /^Moje po terminie/ })).toHaveAttribute('aria-selected', 'true');
    const row = promiseRow(page, description);
    await expect(row).toContainText('niedotrzymana');
    await expect(row).toContainText(/\d+ min po terminie/);
    await expectAccessible(page, 'clerk promises, overdue');

    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await expect(page.getByRole('tab', { name: /^My overdue/ })).toHaveAttribute('aria-selected', 'true');
    await expect(row).toContainText('not kept');
    await expect(row).toContainText(/\d+ min overdue/);
    await expectAccessible(page, 'clerk promises in English');
    // The snackbar offers the undo too.
    await row.getByRole('button', { name: /^Kept/ }).click();
    await expect(row.getByTestId('kept-pending')).toContainText('Kept – saved in a few seconds');
    await expect(row.getByRole('button', { name: /^Undo ?: / })).toBeVisible();
    await page.locator('mat-snack-bar-container').getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('Undone: the promise is still to be kept.')).toBeVisible();
    await expect(row.getByRole('button', { name: /^Kept/ })).toBeVisible();
    await expect(row).toContainText('not kept');
    await page.getByRole('button', { name: 'Switch language to Polish' }).click();

    const manager = await newSignedInPage(browser, DEMO.manager.username);
    await manager.goto('/obietnice');
    await settled(manager);
    await manager.getByRole('tab', { name: /^Wydział – po terminie/ }).click();
    await expect(manager).toHaveURL('/obietnice?widok=wydzial');
    const managerRow = promiseRow(manager, description);
    await expect(managerRow).toContainText(DEMO.clerk.displayName);
    await expect(managerRow).toContainText('niedotrzymana');
    await expectAccessible(manager, 'manager promises, department overdue');
    // Kept late is still recorded: it leaves the overdue list.
    await managerRow.getByRole('button', { name: /^Dotrzymana/ }).click();
    await expect(manager.getByText(`Zapisano dotrzymanie obietnicy w sprawie ${c.reference}.`)).toBeVisible({
      timeout: KEPT_SAVED_WITHIN,
    });
    await expect(promiseRow(manager, description)).toHaveCount(0);
    await manager.context().close();
  });
});
