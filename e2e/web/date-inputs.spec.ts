import type { Browser } from '@playwright/test';
import { CSRF_COOKIE, CSRF_HEADER, ROUTES, type CaseResponse } from '@pu/contracts';
import { dateInput, officeDay, timeInput, typedDate, typedTime } from './support/date-inputs';
import { BASE_URL } from './support/environment';
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, unique } from './support/fixtures';

type Lang = 'pl' | 'en';

const UI = {
  pl: {
    extend: 'Przedłuż termin',
    newDue: 'Nowy termin',
    reason: 'Przyczyna zwłoki',
    toldAt: 'Kiedy zawiadomiono klienta',
    openCalendar: 'Otwórz kalendarz',
    receivedAt: 'Data i godzina wpływu',
    complaint: /^Skarga/,
    placeholder: 'dd.mm.rrrr',
  },
  en: {
    extend: 'Extend the deadline',
    newDue: 'New deadline',
    reason: 'Reason for the delay',
    toldAt: 'When the client was told',
    openCalendar: 'Open calendar',
    receivedAt: 'Received at',
    complaint: /^Complaint/,
    placeholder: 'dd/mm/yyyy',
  },
} as const;

/**
 * A signed-in page in `lang`. The English one runs in a US-English browser in New York: the fields follow the app's
 * language (dd/mm/yyyy, 24-hour), not the browser's (mm/dd/yyyy, AM/PM), and times are the office's, not New York's.
 */
async function signedIn(browser: Browser, lang: Lang, username: string) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: lang === 'en' ? 'en-US' : 'pl-PL',
    timezoneId: lang === 'en' ? 'America/New_York' : 'Europe/Warsaw',
  });
  await context.addInitScript((l) => localStorage.setItem('pu-lang', l), lang);
  await context.request.get(`${BASE_URL}/api/${ROUTES.health}`);
  const csrf = async (): Promise<Record<string, string>> => {
    const cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
    return cookie ? { [CSRF_HEADER]: cookie.value } : {};
  };
  const login = await context.request.post(`${BASE_URL}/api/${ROUTES.auth.login}`, {
    data: { username, password: DEMO_PASSWORD },
    headers: await csrf(),
  });
  expect(login.status()).toBe(200);
  return { context, page: await context.newPage(), csrf };
}

/** A working day (Monday–Friday) some weeks after `iso`, away from the year-end holidays. */
function laterWorkingDay(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 21);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6 || (d.getUTCMonth() === 0 && d.getUTCDate() <= 6))
    d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

for (const lang of ['pl', 'en'] as const) {
  test.describe(`date and time fields (${lang})`, () => {
    test(`a date is typed and another picked from the calendar by keyboard, in ${lang === 'pl' ? 'Polish' : 'English'} form`, async ({
      browser,
    }) => {
      const ui = UI[lang];
      const u = unique();
      const { context, page, csrf } = await signedIn(browser, lang, DEMO.manager.username);
      const created = await context.request.post(`${BASE_URL}/api/${ROUTES.cases}`, {
        data: { kind: 'complaint', subject: `Daty ${u}`, channel: 'in_person', client: { name: `Jan Daty ${u}` } },
        headers: await csrf(),
      });
      expect(created.status()).toBe(201);
      const c = (await created.json()) as CaseResponse;
      const newDue = laterWorkingDay(c.deadlines.main?.due ?? '');

      await page.goto(`/sprawy/${c.id}`);
      await page.getByRole('button', { name: ui.extend }).first().click();
      const dialog = page.getByRole('dialog');
      await expect(dateInput(dialog, ui.newDue)).toHaveAttribute('placeholder', ui.placeholder);
      // The dialog puts focus on its first field once it has opened: typing before that lands in the wrong field.
      await expect(dateInput(dialog, ui.newDue)).toBeFocused();

      // Typed in the language's own form.
      await dateInput(dialog, ui.newDue).fill(typedDate(newDue, lang));
      await dialog.getByLabel(ui.reason).fill(`Opinia ${u}`);
      await expect(dialog.getByLabel(ui.reason)).toHaveValue(`Opinia ${u}`);
      await expect(dateInput(dialog, ui.newDue)).toHaveValue(typedDate(newDue, lang));

      // Picked: the calendar opens from its button by keyboard on today, Enter takes the day; the time is typed.
      const toldAt = new Date(Date.now() - 5 * 60_000);
      const toldField = dialog.locator('pu-date-time-field').nth(1);
      await toldField.getByRole('button', { name: ui.openCalendar }).focus();
      await page.keyboard.press('Enter');
      const calendar = page.getByRole('dialog').filter({ has: page.locator('mat-calendar') });
      await expect(calendar).toBeVisible();
      await expectAccessible(page, `calendar (${lang})`);
      if (officeDay(toldAt) !== officeDay(new Date())) await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      await expect(calendar).toHaveCount(0);
      await expect(dateInput(dialog, ui.toldAt)).toHaveValue(typedDate(toldAt, lang));
      await timeInput(dialog, ui.toldAt, lang).fill(typedTime(toldAt));
      await timeInput(dialog, ui.toldAt, lang).press('Tab');
      await expect(timeInput(dialog, ui.toldAt, lang)).toHaveValue(typedTime(toldAt));

      // The API gets exactly what it did from the native inputs: a calendar day and an instant.
      const request = page.waitForRequest((r) => r.url().includes('/deadline-extensions') && r.method() === 'POST');
      await dialog.getByRole('button', { name: ui.extend }).click();
      const body = (await request).postDataJSON() as { newDue: string; clientToldAt: string };
      const minute = new Date(toldAt);
      minute.setSeconds(0, 0);
      expect(body).toMatchObject({ newDue, clientToldAt: minute.toISOString() });
      await expect(dialog).toHaveCount(0);
      await expect(page.getByTestId('main-due')).toHaveText(typedDate(newDue, lang));
      await context.close();
    });
  });
}

test('a typed date and time survive a reload as a draft, and the picker follows a language switch', async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, 'pl', DEMO.clerk.username);
  await page.goto('/sprawy/nowa');
  await page.getByRole('radio', { name: UI.pl.complaint }).check();
  const at = new Date(Date.now() - 2 * 3_600_000);
  await dateInput(page, UI.pl.receivedAt).fill(typedDate(at));
  await timeInput(page, UI.pl.receivedAt).fill(typedTime(at));
  await timeInput(page, UI.pl.receivedAt).press('Tab');
  await page.reload();
  await expect(dateInput(page, UI.pl.receivedAt)).toHaveValue(typedDate(at));
  await expect(timeInput(page, UI.pl.receivedAt)).toHaveValue(typedTime(at));

  // The same value, written in English the moment the language changes.
  await page.getByRole('button', { name: /Zmień język na angielski/ }).click();
  await expect(dateInput(page, UI.en.receivedAt)).toHaveValue(typedDate(at, 'en'));
  await expect(timeInput(page, UI.en.receivedAt, 'en')).toHaveValue(typedTime(at));
  await expectAccessible(page, 'registration form with date fields, in English');
  await context.close();
});

test('on the registration form the calendar takes a day by keyboard and closes on Escape, focus back where it was', async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, 'pl', DEMO.clerk.username);
  await page.goto('/sprawy/nowa');
  await page.getByRole('radio', { name: UI.pl.complaint }).check();
  const field = page.locator('pu-date-time-field').first();
  const toggle = field.getByRole('button', { name: UI.pl.openCalendar });
  const calendar = page.getByRole('dialog').filter({ has: page.locator('mat-calendar') });
  const activeDay = calendar.locator('.mat-calendar-body-active');
  const yesterday = new Date(Date.now() - 86_400_000);

  // Keys are pressed the moment the calendar has focus: a close asked for while it was still opening used to be lost.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(activeDay).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(calendar).toHaveCount(0);
  await expect(dateInput(page, UI.pl.receivedAt)).toHaveValue(typedDate(yesterday));
  await expect(toggle).toBeFocused();

  // Opened from the input itself (Alt+↓), Escape closes it without changing the day.
  await dateInput(page, UI.pl.receivedAt).press('Alt+ArrowDown');
  await expect(activeDay).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(calendar).toHaveCount(0);
  await expect(dateInput(page, UI.pl.receivedAt)).toBeFocused();
  await expect(dateInput(page, UI.pl.receivedAt)).toHaveValue(typedDate(yesterday));
  await context.close();
});
