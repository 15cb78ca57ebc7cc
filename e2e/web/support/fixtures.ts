import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  ROUTES,
  type CaseKindName,
  type CaseRegisterResponse,
  type CreateUserRequest,
  type DepartmentResponse,
  type UpdateCaseRegisterRequest,
  type UserResponse,
} from '@pu/contracts';
import { BASE_URL, CHROMIUM_FOUND, CHROMIUM_MISSING_MESSAGE } from './environment';

export const DEMO_PASSWORD = 'Demo-haslo-2026';

export const DEMO = {
  clerk: { username: 'urzednik', displayName: 'Anna Nowak', department: 'SO' },
  manager: { username: 'kierownik', displayName: 'Piotr Wiśniewski', department: 'SO' },
  quality: { username: 'jakosc', displayName: 'Ewa Kamińska', department: 'OR' },
  admin: { username: 'admin', displayName: 'Tomasz Lewandowski', department: 'OR' },
} as const;

/** Every test is skipped, with the reason, when there is no browser to run it (CI fails earlier, in the config). */
export const test = base.extend<{ requireChromium: void }>({
  requireChromium: [
    // Playwright reads the fixtures a function needs from its destructured first parameter: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, testInfo) => {
      testInfo.skip(!CHROMIUM_FOUND, CHROMIUM_MISSING_MESSAGE);
      await use();
    },
    { auto: true },
  ],
});
export { expect };

/** A short unique suffix, so a run against a non-empty DATABASE_URL does not collide with earlier runs. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().includes('/logowanie')) {
    await page.goto('/logowanie');
  }
  await page.getByLabel('Nazwa użytkownika').fill(username);
  await page.getByLabel('Hasło', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(page).not.toHaveURL(/\/logowanie/);
  await expect(page.getByRole('button', { name: 'Wyloguj' })).toBeVisible();
}

export async function newSignedInPage(browser: Browser, username: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'pl-PL' });
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

/** The main navigation's link names, in order. */
export async function navLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Nawigacja główna' });
  await expect(nav.getByRole('link').first()).toBeVisible();
  return (await nav.getByRole('link').allInnerTexts()).map((t) => t.replace(/^\S+\s+/, '').trim());
}

/**
 * axe-core with the WCAG 2.0/2.1 A and AA rules: no serious or critical violation allowed.
 * The message lists what failed and where, so a failure is actionable from the report alone.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Colours are measured after Material's fade-ins (error texts, dialogs) have finished.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n');
  expect(serious, `${what} (${page.url()}) has accessibility violations:\n${report}`).toEqual([]);
}

/** Set-up through the API, with a signed-in context's cookies (the way the SPA calls it, CSRF header included). */
export function api(context: BrowserContext) {
  const csrf = async (): Promise<Record<string, string>> => {
    let cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
    if (!cookie) {
      await context.request.get(`${BASE_URL}/api/${ROUTES.health}`);
      cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
    }
    return cookie ? { [CSRF_HEADER]: cookie.value } : {};
  };
  return {
    async departments(): Promise<DepartmentResponse[]> {
      const res = await context.request.get(`${BASE_URL}/api/${ROUTES.admin.departments}`);
      expect(res.status()).toBe(200);
      return (await res.json()) as DepartmentResponse[];
    },
    async createUser(body: CreateUserRequest): Promise<UserResponse> {
      const res = await context.request.post(`${BASE_URL}/api/${ROUTES.admin.users}`, {
        data: body,
        headers: await csrf(),
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as UserResponse;
    },
    async caseRegister(kind: CaseKindName): Promise<CaseRegisterResponse> {
      const res = await context.request.get(`${BASE_URL}/api/${ROUTES.admin.caseRegisters}`);
      expect(res.status()).toBe(200);
      const register = ((await res.json()) as CaseRegisterResponse[]).find((r) => r.kind === kind);
      if (!register) {
        throw new Error(`No register for ${kind} in the list`);
      }
      return register;
    },
    async updateCaseRegister(
      kind: CaseKindName,
      version: number,
      body: UpdateCaseRegisterRequest,
    ): Promise<CaseRegisterResponse> {
      const res = await context.request.patch(`${BASE_URL}/api/${ROUTES.admin.caseRegister(kind)}`, {
        data: body,
        headers: { ...(await csrf()), 'If-Match': `"${version}"` },
      });
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as CaseRegisterResponse;
    },
  };
}
