import { DEMO, expect, navLinks, signIn, test, unique } from './support/fixtures';

const ROLE_VIEWS = [
  {
    role: 'clerk',
    user: DEMO.clerk,
    roleLabel: 'Urzędnik',
    home: '/moja-praca',
    nav: ['Moja praca', 'Moje sprawy', 'Obietnice'],
  },
  {
    role: 'manager',
    user: DEMO.manager,
    roleLabel: 'Kierownik',
    home: '/moja-praca',
    nav: ['Moja praca', 'Sprawy', 'Obietnice', 'Terminy', 'Raport jakości'],
  },
  {
    role: 'quality',
    user: DEMO.quality,
    roleLabel: 'Pełnomocnik ds. jakości',
    home: '/sprawy',
    nav: ['Sprawy', 'Obietnice', 'Terminy', 'Raport jakości'],
  },
  {
    role: 'admin',
    user: DEMO.admin,
    roleLabel: 'Administrator',
    home: '/administracja/uzytkownicy',
    nav: ['Użytkownicy', 'Wydziały', 'Rejestry spraw'],
  },
] as const;

test.describe('sign-in and role navigation', () => {
  for (const view of ROLE_VIEWS) {
    test(`${view.role} signs in and sees the ${view.role}'s menu`, async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/logowanie/);
      await expect(page).toHaveTitle('Logowanie · Przyjazny Urząd');
      await signIn(page, view.user.username);

      await expect(page).toHaveURL(view.home);
      expect(await navLinks(page)).toEqual([...view.nav]);
      const userInfo = page.getByRole('region', { name: 'Zalogowany użytkownik' });
      await expect(userInfo).toContainText(view.user.displayName);
      await expect(userInfo).toContainText(view.roleLabel);
      await expect(userInfo).toContainText(view.user.department);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('link', { name: view.nav[0] })).toHaveAttribute('aria-current', 'page');

      // Every menu entry opens a page of its own, with a title.
      for (const name of view.nav) {
        await page.getByRole('navigation').getByRole('link', { name }).click();
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page).toHaveTitle(/ · Przyjazny Urząd$/);
      }
    });
  }

  test('a wrong password shows an error and keeps the user on the sign-in page', async ({ page }) => {
    await page.goto('/logowanie');
    await page.getByLabel('Nazwa użytkownika').fill(DEMO.clerk.username);
    await page.getByLabel('Hasło', { exact: true }).fill('zle-haslo-123456');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();

    await expect(page.getByRole('alert')).toContainText('Nieprawidłowa nazwa użytkownika lub hasło.');
    await expect(page).toHaveURL(/\/logowanie/);
    await expect(page.getByLabel('Hasło', { exact: true })).toBeFocused();
    await expect(page.getByLabel('Hasło', { exact: true })).toHaveValue('');
  });

  test('empty fields are reported on the fields, without calling the server', async ({ page }) => {
    await page.goto('/logowanie');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await expect(page.getByText('Podaj nazwę użytkownika.')).toBeVisible();
    await expect(page.getByText('Podaj hasło.')).toBeVisible();
    await expect(page.getByLabel('Nazwa użytkownika')).toBeFocused();
  });

  test('repeated failures show the throttling message', async ({ page }) => {
    const username = `nieznany.${unique()}`;
    await page.goto('/logowanie');
    await page.getByLabel('Nazwa użytkownika').fill(username);
    for (let attempt = 0; attempt < 6; attempt++) {
      await page.getByLabel('Hasło', { exact: true }).fill(`zle-haslo-${attempt}`);
      // The alert still shows the previous answer, so wait for this attempt's own answer before the next one.
      const answered = page.waitForResponse((res) => res.url().endsWith('/api/auth/login'));
      await page.getByRole('button', { name: 'Zaloguj się' }).click();
      await answered;
      await expect(page.getByRole('alert')).not.toBeEmpty();
      await expect(page.getByRole('button', { name: 'Zaloguj się' })).toBeEnabled();
    }
    await expect(page.getByRole('alert')).toContainText('Zbyt wiele nieudanych prób logowania');
  });

  test('after signing in the user returns to the page they wanted', async ({ page }) => {
    await page.goto('/administracja/wydzialy');
    await expect(page).toHaveURL(/\/logowanie\?powrot=%2Fadministracja%2Fwydzialy/);
    await signIn(page, DEMO.admin.username);
    await expect(page).toHaveURL('/administracja/wydzialy');
    await expect(page.getByRole('heading', { level: 1, name: 'Wydziały' })).toBeVisible();
  });

  test('a role without access sees the "no access" page, not a blank one', async ({ page }) => {
    await signIn(page, DEMO.clerk.username);
    await page.goto('/administracja/uzytkownicy');
    await expect(page.getByRole('heading', { level: 1, name: 'Brak dostępu' })).toBeVisible();
    await expect(page).toHaveTitle('Brak dostępu · Przyjazny Urząd');

    await signOut(page);
    await signIn(page, DEMO.admin.username);
    await page.goto('/sprawy');
    await expect(page.getByRole('heading', { level: 1, name: 'Brak dostępu' })).toBeVisible();
  });

  test('signing out ends the session', async ({ page }) => {
    await signIn(page, DEMO.manager.username);
    await signOut(page);
    await page.goto('/terminy');
    await expect(page).toHaveURL(/\/logowanie\?powrot=%2Fterminy/);
  });

  test('the interface switches to English and remembers it', async ({ page }) => {
    await page.goto('/logowanie');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page).toHaveTitle('Sign in · Przyjazny Urząd');

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByLabel('Username').fill(DEMO.clerk.username);
    await page.getByLabel('Password', { exact: true }).fill('wrong-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Wrong username or password.');

    await page.getByRole('button', { name: 'Switch language to Polish' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await expect(page.getByRole('heading', { level: 1, name: 'Zaloguj się' })).toBeVisible();
  });

  test('the skip link moves focus to the main content', async ({ page }) => {
    await signIn(page, DEMO.clerk.username);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Przejdź do treści głównej' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });
});

async function signOut(page: import('@playwright/test').Page): Promise<void> {
  await page.getByRole('button', { name: 'Wyloguj' }).click();
  await expect(page).toHaveURL(/\/logowanie/);
}
