import type { Page } from '@playwright/test';
import { DEMO, expect, expectAccessible, signIn, test } from './support/fixtures';

/** Wait until the page has settled (heading shown, no "loading" status left) before running axe. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Wczytywanie' })).toHaveCount(0);
}

test.describe('accessibility (axe-core, WCAG 2.1 A/AA): no serious or critical violations', () => {
  test('sign-in page, empty, with field errors, with a server error, in English', async ({ page }) => {
    await page.goto('/logowanie');
    await settled(page);
    await expectAccessible(page, 'sign-in page');

    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await expect(page.getByText('Podaj hasło.')).toBeVisible();
    await expectAccessible(page, 'sign-in page with field errors');

    await page.getByLabel('Nazwa użytkownika').fill(DEMO.clerk.username);
    await page.getByLabel('Hasło', { exact: true }).fill('zle-haslo-a11y');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await expect(page.getByRole('alert')).not.toBeEmpty();
    await expectAccessible(page, 'sign-in page with a wrong-password error');

    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectAccessible(page, 'sign-in page in English');
    await page.getByRole('button', { name: 'Switch language to Polish' }).click();
  });

  test('clerk, manager and quality pages', async ({ page }) => {
    // Fifteen pages, each scanned by axe: more than the default minute on a busy machine.
    test.setTimeout(150_000);
    const pages: [string, string[]][] = [
      [DEMO.clerk.username, ['/moja-praca', '/sprawy', '/obietnice', '/brak-dostepu', '/nie-ma-takiej-strony']],
      [DEMO.manager.username, ['/moja-praca', '/sprawy', '/obietnice', '/terminy']],
      [DEMO.quality.username, ['/sprawy', '/obietnice', '/terminy', '/raport-jakosci']],
    ];
    for (const [username, paths] of pages) {
      await page.goto('/logowanie');
      await signIn(page, username);
      for (const path of paths) {
        await page.goto(path);
        await settled(page);
        await expectAccessible(page, `${username} ${path}`);
      }
      await page.getByRole('button', { name: 'Wyloguj' }).click();
      await expect(page).toHaveURL(/\/logowanie/);
    }
  });

  test('narrow screen: the menu collapses behind a button', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await signIn(page, DEMO.manager.username);
    await settled(page);
    await expectAccessible(page, 'manager page on a narrow screen');
    await page.getByRole('button', { name: 'Otwórz menu nawigacji' }).click();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Terminy' })).toBeVisible();
    await expectAccessible(page, 'open menu on a narrow screen');
    await page.getByRole('navigation').getByRole('link', { name: 'Terminy' }).click();
    await expect(page).toHaveURL('/terminy');
  });

  test('administration pages, forms and dialogs', async ({ page }) => {
    await signIn(page, DEMO.admin.username);
    for (const path of ['/administracja/uzytkownicy', '/administracja/wydzialy', '/administracja/wydzialy/nowy']) {
      await page.goto(path);
      await settled(page);
      await expectAccessible(page, path);
    }

    await page.goto('/administracja/uzytkownicy/nowy');
    await settled(page);
    await expectAccessible(page, 'new user form');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect(page.getByRole('alert')).toContainText('Formularz zawiera błędy');
    await expectAccessible(page, 'new user form with errors');

    await page.goto('/administracja/uzytkownicy');
    await settled(page);
    await page.getByRole('link', { name: DEMO.clerk.username, exact: true }).click();
    await settled(page);
    await expectAccessible(page, 'edit user form');

    await page.goto('/administracja/uzytkownicy');
    await settled(page);
    await page.getByRole('button', { name: `Akcje dla użytkownika ${DEMO.clerk.username}`, exact: true }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expectAccessible(page, 'user actions menu');
    await page.getByRole('menuitem', { name: 'Ustaw nowe hasło' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page, 'reset password dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Anuluj' }).click();

    await page.getByRole('button', { name: `Akcje dla użytkownika ${DEMO.clerk.username}`, exact: true }).click();
    await page.getByRole('menuitem', { name: 'Wyłącz konto' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectAccessible(page, 'disable confirmation dialog');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Anuluj' }).click();

    await page.goto('/administracja/wydzialy');
    await settled(page);
    await page.getByRole('link', { name: 'OR', exact: true }).click();
    await settled(page);
    await expectAccessible(page, 'edit department form');

    await page.goto('/administracja/rejestry');
    await settled(page);
    await expectAccessible(page, 'case registers');
    await page.getByRole('link', { name: 'Edytuj rejestr: Decyzja odmowna' }).click();
    await settled(page);
    await expect(page.getByTestId('register-example')).toBeVisible();
    await expectAccessible(page, 'edit case register form');
    // An unusable format, shown on the field (nothing is saved).
    await page.getByLabel('Format znaku sprawy').fill('{department}.{n}');
    await page.getByLabel('Symbol JRWA').focus();
    await expect(page.getByText('Format musi zawierać')).toBeVisible();
    await expectAccessible(page, 'edit case register form with a field error');
  });
});
