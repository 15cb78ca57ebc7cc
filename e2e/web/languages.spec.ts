import type { Browser, BrowserContext, Page } from '@playwright/test';
import { CSRF_COOKIE, CSRF_HEADER, ROUTES, type CaseResponse } from '@pu/contracts';
import { BASE_URL } from './support/environment';
import { fillDateTime } from './support/date-inputs';
import { DEMO, DEMO_PASSWORD, expect, test, unique } from './support/fixtures';
import { collectApiData, expectOneLanguage, type Lang } from './support/one-language';

/** What the walk clicks, in each language. */
const UI = {
  pl: {
    username: 'Nazwa użytkownika',
    password: 'Hasło',
    signIn: 'Zaloguj się',
    register: 'Zarejestruj',
    receivedAt: 'Data i godzina wpływu',
    subject: 'Temat',
    extend: 'Przedłuż termin',
    openCalendar: 'Otwórz kalendarz',
    save: 'Zapisz',
    complaint: /^Skarga/,
  },
  en: {
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    register: 'Register',
    receivedAt: 'Received at',
    subject: 'Subject',
    extend: 'Extend the deadline',
    openCalendar: 'Open calendar',
    save: 'Save',
    complaint: /^Complaint/,
  },
} as const;

async function csrfHeaders(
  context: BrowserContext,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  let cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
  if (!cookie) {
    await context.request.get(`${BASE_URL}/api/${ROUTES.health}`);
    cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
  }
  return { ...extra, ...(cookie ? { [CSRF_HEADER]: cookie.value } : {}) };
}

/** A context in `lang` (the SPA's remembered choice), signed in through the API, that collects the API's data. */
async function contextFor(browser: Browser, lang: Lang, username?: string) {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: lang === 'en' ? 'en-GB' : 'pl-PL' });
  await context.addInitScript((l) => localStorage.setItem('pu-lang', l), lang);
  const data = collectApiData(context);
  if (username) {
    const res = await context.request.post(`${BASE_URL}/api/${ROUTES.auth.login}`, {
      data: { username, password: DEMO_PASSWORD },
      headers: await csrfHeaders(context),
    });
    expect(res.status(), await res.text()).toBe(200);
    // The sign-in answer is the user's own data (name, department).
    collectFrom(data, (await res.json()) as unknown);
  }
  const page = await context.newPage();
  return { context, page, data };
}

function collectFrom(data: Set<string>, value: unknown): void {
  if (typeof value === 'string') data.add(value);
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectFrom(data, v));
}

/** Opens a route and waits until it has rendered its heading (and its data has arrived). */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('h1').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
}

async function post(context: BrowserContext, path: string, body: unknown, version?: number): Promise<CaseResponse> {
  const headers = await csrfHeaders(context, version === undefined ? {} : { 'If-Match': `"${version}"` });
  const res = await context.request.post(`${BASE_URL}/api/${path}`, { data: body, headers });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as CaseResponse;
}

for (const lang of ['en', 'pl'] as const) {
  test.describe(`one language per page: ${lang === 'en' ? 'English' : 'Polish'}`, () => {
    test(`every route and error state speaks ${lang === 'en' ? 'English' : 'Polish'} only, data aside`, async ({
      browser,
    }) => {
      test.setTimeout(180_000);
      const ui = UI[lang];
      const u = unique();

      // Signed out: the sign-in page, its field errors and the API's refusal.
      const guest = await contextFor(browser, lang);
      await visit(guest.page, '/logowanie');
      await guest.page.getByRole('button', { name: ui.signIn }).click();
      await expectOneLanguage(guest.page, lang, guest.data, 'sign-in page with field errors');
      await guest.page.getByLabel(ui.username).fill(DEMO.clerk.username);
      await guest.page.getByLabel(ui.password, { exact: true }).fill('not-the-password');
      await guest.page.getByRole('button', { name: ui.signIn }).click();
      await expect(guest.page.getByRole('alert').first()).toBeVisible();
      await expectOneLanguage(guest.page, lang, guest.data, 'sign-in page refused');
      await guest.context.close();

      // A clerk's case with a promise, a step done and a manager's extension (whose explanation has dates).
      const clerk = await contextFor(browser, lang, DEMO.clerk.username);
      let c = await post(clerk.context, ROUTES.cases, {
        kind: 'complaint',
        subject: `Skarga ${u}`,
        channel: 'in_person',
        client: { name: `Zofia Kowalczyk ${u}`, phone: '600 100 200' },
      });
      await post(clerk.context, ROUTES.casePromises(c.id), { description: `Oddzwonię ${u}`, channel: 'phone' });
      c = await post(clerk.context, ROUTES.caseStep(c.id, 'listen'), { account: `Relacja ${u}` }, c.version);
      const manager = await contextFor(browser, lang, DEMO.manager.username);
      // A later working day (the first few candidates, should one be a public holiday).
      const due = c.deadlines.main?.due ?? '';
      const extended = [10, 11, 12, 13].map((days) => nextWorkingDay(due, days));
      for (const newDue of extended) {
        const res = await manager.context.request.post(`${BASE_URL}/api/${ROUTES.caseDeadlineExtensions(c.id)}`, {
          data: { newDue, reason: `Opinia ${u}`, clientToldAt: new Date(Date.now() - 60_000).toISOString() },
          headers: await csrfHeaders(manager.context, { 'If-Match': `"${c.version}"` }),
        });
        if (res.ok()) break;
        expect(res.status(), await res.text()).toBe(422);
      }

      const page = clerk.page;
      for (const path of [
        '/sprawy',
        '/sprawy/tablica?kind=complaint',
        '/obietnice',
        '/powiadomienia',
        `/sprawy/${c.id}`,
        '/nie-ma-takiej-strony',
        '/brak-dostepu',
      ]) {
        await visit(page, path);
        await expectOneLanguage(page, lang, clerk.data, `clerk at ${path}`);
      }
      await page.goto('/sprawy/00000000-0000-4000-8000-000000000000');
      await page.waitForLoadState('networkidle');
      await expectOneLanguage(page, lang, clerk.data, 'a case that does not exist');

      // Registration: the form's own errors, the calendar, then the API's refusal of a receipt in the future.
      await visit(page, '/sprawy/nowa');
      await page.getByRole('button', { name: ui.register, exact: true }).click();
      await expectOneLanguage(page, lang, clerk.data, 'registration form with errors');
      await page.getByRole('radio', { name: ui.complaint }).check();
      await page.getByRole('button', { name: ui.register, exact: true }).click();
      await expectOneLanguage(page, lang, clerk.data, 'complaint registration form with errors');
      await page.getByRole('button', { name: ui.openCalendar }).first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectOneLanguage(page, lang, clerk.data, 'the calendar');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await page.getByLabel(ui.subject).fill(`Skarga ${u}`);
      await fillDateTime(page, ui.receivedAt, new Date(Date.now() + 3 * 86_400_000), lang);
      await page.getByRole('button', { name: ui.register, exact: true }).click();
      await expect(page.locator('mat-error').first()).toBeVisible();
      await expectOneLanguage(page, lang, clerk.data, 'registration refused by the API');
      await clerk.context.close();

      // The manager: the department's deadlines, and the extension dialog's errors.
      for (const path of ['/terminy', `/sprawy/${c.id}`]) {
        await visit(manager.page, path);
        await expectOneLanguage(manager.page, lang, manager.data, `manager at ${path}`);
      }
      await manager.page.getByRole('button', { name: ui.extend }).first().click();
      const dialog = manager.page.getByRole('dialog');
      await dialog.getByRole('button', { name: ui.extend }).click();
      await expectOneLanguage(manager.page, lang, manager.data, 'extension dialog with errors');
      await manager.context.close();

      // The administrator's lists and forms, the reference format's own check included.
      const admin = await contextFor(browser, lang, DEMO.admin.username);
      for (const path of [
        '/administracja/uzytkownicy',
        '/administracja/uzytkownicy/nowy',
        '/administracja/wydzialy',
        '/administracja/wydzialy/nowy',
        '/administracja/rejestry',
        '/administracja/rejestry/complaint',
      ]) {
        await visit(admin.page, path);
        const save = admin.page.getByRole('button', { name: ui.save, exact: true });
        if (path.endsWith('/nowy') && (await save.count())) await save.click();
        await expectOneLanguage(admin.page, lang, admin.data, `admin at ${path}`);
      }
      await admin.context.close();

      const quality = await contextFor(browser, lang, DEMO.quality.username);
      for (const path of ['/raport-jakosci', '/obietnice']) {
        await visit(quality.page, path);
        await expectOneLanguage(quality.page, lang, quality.data, `quality officer at ${path}`);
      }
      await quality.context.close();
    });
  });
}

/** A day `days` calendar days after `iso`, moved off a weekend (holidays are not needed for a later date). */
function nextWorkingDay(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
