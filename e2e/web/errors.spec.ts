import { CSRF_COOKIE, ROUTES } from '@pu/contracts';
import { BASE_URL } from './support/environment';
import { DEMO, expect, signIn, test, unique } from './support/fixtures';

test.describe('HTTP errors are shown, never swallowed', () => {
  test('an unreachable server is reported, and the page offers to try again', async ({ page }) => {
    await signIn(page, DEMO.admin.username);
    await page.route(`**/api/${ROUTES.admin.departments}`, (route) => route.abort('connectionrefused'));
    await page.getByRole('navigation').getByRole('link', { name: 'Wydziały' }).click();

    await expect(page.getByText('Serwer jest chwilowo niedostępny').first()).toBeVisible();
    await page.unroute(`**/api/${ROUTES.admin.departments}`);
    await page.getByRole('button', { name: 'Spróbuj ponownie' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Wydział Organizacyjny' })).toBeVisible();
  });

  test('a 503 says the server is unavailable; a 500 is translated by its code, in English too', async ({ page }) => {
    await signIn(page, DEMO.admin.username);
    await page.route(`**/api/${ROUTES.admin.users}`, (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'Baza danych niedostępna.' }),
      }),
    );
    await page.goto('/administracja/uzytkownicy');
    await expect(page.getByText('Baza danych jest chwilowo niedostępna. Spróbuj ponownie za chwilę.')).toBeVisible();
    await page.unroute(`**/api/${ROUTES.admin.users}`);

    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await page.route(`**/api/${ROUTES.admin.users}`, (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 500,
          code: 'INTERNAL_ERROR',
          message: 'Błąd serwera.',
          requestId: 'req-123',
        }),
      }),
    );
    await page.reload();
    await expect(page.getByText('A server error occurred.')).toBeVisible();
    await expect(page.getByText('Request ID: req-123')).toBeVisible();
    await page.unroute(`**/api/${ROUTES.admin.users}`);

    // An error code the SPA does not know falls back to the server's (Polish) message.
    await page.route(`**/api/${ROUTES.admin.users}`, (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 409, code: 'SOMETHING_NEW', message: 'Nowy rodzaj błędu serwera.' }),
      }),
    );
    await page.reload();
    await expect(page.getByText('Nowy rodzaj błędu serwera.')).toBeVisible();
    await page.getByRole('button', { name: 'Switch language to Polish' }).click();
  });

  test('a missing CSRF cookie is recovered from by one retry, invisibly', async ({ page }) => {
    const symbol = `C${unique().toUpperCase()}`.slice(0, 10);
    await signIn(page, DEMO.admin.username);
    await page.goto('/administracja/wydzialy/nowy');
    await page.getByLabel('Symbol').fill(symbol);
    await page.getByLabel('Nazwa', { exact: true }).fill('Wydział CSRF');
    const answers: number[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && response.url().endsWith(`/api/${ROUTES.admin.departments}`)) {
        answers.push(response.status());
      }
    });
    await page.context().clearCookies({ name: CSRF_COOKIE });
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect(page).toHaveURL('/administracja/wydzialy');
    await expect(page.getByText(`Dodano wydział ${symbol}.`)).toBeVisible();
    expect(answers).toEqual([403, 201]);
  });

  test("a CSRF token from before sign-in is refused, and the SPA retries with the session's own", async ({ page }) => {
    const planted = 'planted-before-sign-in-0123456789';
    await page.goto('/');
    await page.context().addCookies([{ name: CSRF_COOKIE, value: planted, url: BASE_URL }]);
    await signIn(page, DEMO.admin.username);
    // Sign-in replaced it with a token bound to the new session.
    const issued = (await page.context().cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE)?.value;
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);

    const symbol = `P${unique().toUpperCase()}`.slice(0, 10);
    await page.goto('/administracja/wydzialy/nowy');
    await page.getByLabel('Symbol').fill(symbol);
    await page.getByLabel('Nazwa', { exact: true }).fill('Wydział CSRF po zalogowaniu');
    const answers: number[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && response.url().endsWith(`/api/${ROUTES.admin.departments}`)) {
        answers.push(response.status());
      }
    });
    // Planted again after sign-in, as a sibling subdomain can set cookies for this one: refused, then repaired by one GET.
    await page.context().addCookies([{ name: CSRF_COOKIE, value: planted, url: BASE_URL }]);
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect(page).toHaveURL('/administracja/wydzialy');
    await expect(page.getByText(`Dodano wydział ${symbol}.`)).toBeVisible();
    expect(answers).toEqual([403, 201]);
  });
});
