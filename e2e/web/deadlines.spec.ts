import type { BrowserContext } from '@playwright/test';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  ROUTES,
  type CasePage,
  type CaseResponse,
  type CreateCaseRequest,
  type CreatePromiseRequest,
  type PromiseResponse,
} from '@pu/contracts';
import { BASE_URL } from './support/environment';
import { DEMO, expect, expectAccessible, newSignedInPage, signIn, test, unique } from './support/fixtures';

const DAY = 24 * 3600_000;

/** Cases and promises set up through the API with the signed-in context's cookies and CSRF header. */
function caseApi(context: BrowserContext) {
  const headers = async (): Promise<Record<string, string>> => {
    let cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
    if (!cookie) {
      await context.request.get(`${BASE_URL}/api/${ROUTES.health}`);
      cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
    }
    return cookie ? { [CSRF_HEADER]: cookie.value } : {};
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
  };
}

test.describe('deadlines of a department (/terminy)', () => {
  test('the manager sees the overdue case, the one due within 7 days and the overdue promise', async ({
    page,
    browser,
  }) => {
    const tag = unique();
    const clerk = await newSignedInPage(browser, DEMO.clerk.username);
    const api = caseApi(clerk.context());
    // A complaint is settled within a month of receipt (KPA art. 237): received two months ago, it is overdue.
    const overdue = await api.createCase({
      kind: 'complaint',
      subject: `Skarga przeterminowana ${tag}`,
      channel: 'letter',
      receivedAt: new Date(Date.now() - 61 * DAY).toISOString(),
      client: { name: 'Zofia Czekająca', accommodation: 'obsługa na parterze' },
    });
    expect(overdue.overdue).toBe(true);
    // Received 28 days ago: the month ends within the week (moved at most a few days past a weekend or holiday).
    const soon = await api.createCase({
      kind: 'complaint',
      subject: `Skarga z bliskim terminem ${tag}`,
      channel: 'email',
      receivedAt: new Date(Date.now() - 28 * DAY).toISOString(),
      client: { name: 'Marek Terminowy' },
    });
    expect(soon.overdue).toBe(false);
    expect(Date.parse(soon.dueAt ?? '') - Date.now()).toBeLessThan(7 * DAY);
    const promise = `Zadzwonię z informacją o stanie skargi ${tag}`;
    await api.createPromise(overdue.id, {
      description: promise,
      channel: 'phone',
      dueAt: new Date(Date.now() - 2 * 60_000).toISOString(),
    });
    await clerk.context().close();

    await signIn(page, DEMO.manager.username);
    await page.getByRole('navigation').getByRole('link', { name: 'Terminy' }).click();
    await expect(page).toHaveURL('/terminy');
    await expect(page).toHaveTitle('Terminy · Przyjazny Urząd');
    await expect(page.getByRole('heading', { level: 1, name: 'Terminy wydziału' })).toBeVisible();
    await expect(page.getByText('SO – Wydział Spraw Obywatelskich')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Wczytywanie' })).toHaveCount(0);

    for (const counter of ['Sprawy po terminie', 'Termin w ciągu 7 dni', 'Obietnice po terminie']) {
      await expect(page.getByRole('listitem').filter({ hasText: counter })).toContainText(/[1-9]\d*\+?/);
    }

    const overdueList = page.getByRole('region', { name: 'Sprawy po terminie' });
    const row = overdueList.getByRole('row').filter({ hasText: overdue.reference });
    await expect(row).toContainText(`Skarga przeterminowana ${tag}`);
    await expect(row).toContainText('Skarga');
    await expect(row).toContainText('Zofia Czekająca');
    await expect(row).toContainText('obsługa na parterze');
    await expect(row).toContainText(DEMO.clerk.displayName);
    await expect(row).toContainText(/\d+ (dni|dzień) po terminie/);
    await expect(overdueList.getByRole('row').filter({ hasText: soon.reference })).toHaveCount(0);

    const soonRow = page
      .getByRole('region', { name: 'Termin w ciągu 7 dni' })
      .getByRole('row')
      .filter({ hasText: soon.reference });
    await expect(soonRow).toContainText(/za \d+ (dni|dzień|h|min)/);

    const promiseRow = page
      .getByRole('region', { name: 'Obietnice po terminie' })
      .getByRole('row')
      .filter({ hasText: promise });
    await expect(promiseRow).toContainText('niedotrzymana');
    await expect(promiseRow).toContainText(overdue.reference);
    // Read-only here; the actions live on the promises page.
    await expect(promiseRow.getByRole('button')).toHaveCount(0);

    await expectAccessible(page, 'manager deadlines');

    await row.getByRole('link', { name: overdue.reference }).click();
    await expect(page).toHaveURL(`/sprawy/${overdue.id}`);
  });

  test('"Więcej" appends the next page of the keyset list and moves focus to its first case', async ({ page }) => {
    const tag = unique();
    await signIn(page, DEMO.manager.username);
    const api = caseApi(page.context());
    const first = await api.createCase({
      kind: 'complaint',
      subject: `Pierwsza strona ${tag}`,
      channel: 'in_person',
      receivedAt: new Date(Date.now() - 70 * DAY).toISOString(),
      client: { name: 'Olga Stronicowa' },
    });
    // An office error is due one working day after discovery: 20 days ago sorts after the complaint above.
    const secondAt = new Date(Date.now() - 20 * DAY).toISOString();
    const second = await api.createCase({
      kind: 'office_error',
      subject: `Druga strona ${tag}`,
      channel: 'epuap',
      receivedAt: secondAt,
      discoveredAt: secondAt,
      client: { name: 'Piotr Stronicowy' },
    });
    // A department with more than a page of overdue cases: the first page stops after this test's first case,
    // the second answers the real next page (requested with the API's cursor) from the second case on.
    await page.route(/\/api\/cases\?.*overdue=true/, async (route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.get('cursor') === 'e2e-next') {
        url.searchParams.delete('cursor');
        const real = (await (await route.fetch({ url: url.toString() })).json()) as CasePage;
        const from = real.items.findIndex((c) => c.id === second.id);
        await route.fulfill({
          json: { items: real.items.slice(from), nextCursor: null, total: real.total } satisfies CasePage,
        });
        return;
      }
      const real = (await (await route.fetch()).json()) as CasePage;
      const upTo = real.items.findIndex((c) => c.id === first.id);
      await route.fulfill({
        json: { items: real.items.slice(0, upTo + 1), nextCursor: 'e2e-next', total: real.total } satisfies CasePage,
      });
    });

    await page.goto('/terminy');
    const overdueList = page.getByRole('region', { name: 'Sprawy po terminie' });
    await expect(overdueList.getByRole('link', { name: first.reference })).toBeVisible();
    await expect(overdueList.getByRole('link', { name: second.reference })).toHaveCount(0);
    await expect(page.getByRole('listitem').filter({ hasText: 'Sprawy po terminie' })).toContainText(/\d+\+/);

    await overdueList.getByRole('button', { name: /^Więcej/ }).click();
    await expect(overdueList.getByRole('link', { name: second.reference })).toBeFocused();
    await expect(overdueList.getByRole('row').filter({ hasText: second.reference })).toContainText('Pomyłka urzędu');
    await expect(overdueList.getByRole('button', { name: /^Więcej/ })).toHaveCount(0);
  });

  test('the quality officer reaches both views from the menu and can look at any department', async ({ page }) => {
    await signIn(page, DEMO.quality.username);
    const menu = page.getByRole('navigation');
    await menu.getByRole('link', { name: 'Terminy' }).click();
    await expect(page).toHaveURL(/\/terminy/);
    await expect(page.getByRole('heading', { level: 1, name: 'Terminy' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Wydział' })).toBeVisible();
    await menu.getByRole('link', { name: 'Obietnice' }).click();
    await expect(page).toHaveURL(/\/obietnice/);
    await expect(page.getByRole('tab', { name: 'Wszystkie wydziały – po terminie' })).toBeVisible();
  });
});
