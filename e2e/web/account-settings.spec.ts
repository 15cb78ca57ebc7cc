import { DEMO, api, expect, expectAccessible, newSignedInPage, signIn, test, unique } from './support/fixtures';

const PASSWORD = 'Ustawienia-e2e-2026';

test.describe('account settings', () => {
  test('a user chooses the morning digest only and English from the user menu; the administrator sees it', async ({
    page,
    browser,
  }, testInfo) => {
    await signIn(page, DEMO.admin.username);
    const departments = await api(page.context()).departments();
    const username = `e2e.ustawienia.${unique()}`;
    await api(page.context()).createUser({
      username,
      displayName: 'Ustawienia Testowe',
      email: `${username}@urzad.example`,
      role: 'clerk',
      departmentId: departments.find((d) => d.symbol === 'SO')?.id ?? departments[0].id,
      password: PASSWORD,
    });

    const user = await newSignedInPage(browser, username, PASSWORD);
    await user.getByRole('button', { name: 'Menu użytkownika' }).click();
    await user.getByRole('menuitem', { name: 'Ustawienia konta i e-maili' }).click();
    await expect(user).toHaveURL('/ustawienia');
    await expect(user).toHaveTitle('Ustawienia konta · Przyjazny Urząd');
    await expect(user.getByRole('heading', { level: 1 })).toHaveText('Ustawienia konta');
    await expect(user.getByTestId('account-email')).toContainText(`${username}@urzad.example`);
    const modes = user.getByRole('radiogroup', { name: 'Powiadomienia e-mail' });
    await expect(modes.getByRole('radio', { name: /Każde powiadomienie/ })).toBeChecked();
    await expectAccessible(user, 'account settings (pl)');
    await user.screenshot({ path: testInfo.outputPath('account-settings-pl.png'), fullPage: true });

    await modes.getByRole('radio', { name: /Tylko poranne zestawienie/ }).check();
    await user.getByRole('button', { name: 'Zapisz' }).click();
    await expect(user.getByText('Zapisano ustawienia.')).toBeVisible();
    await user.reload();
    await expect(
      user.getByRole('radiogroup', { name: 'Powiadomienia e-mail' }).getByRole('radio', { name: /Tylko poranne/ }),
    ).toBeChecked();

    // The language chosen for e-mail becomes the interface's too.
    await user
      .getByRole('radiogroup', { name: 'Język e-maili i aplikacji' })
      .getByRole('radio', { name: 'English' })
      .check();
    await user.getByRole('button', { name: 'Zapisz' }).click();
    await expect(user.getByRole('heading', { level: 1 })).toHaveText('Account settings');
    await expect(user.getByText('Settings saved.')).toBeVisible();
    await expect(
      user
        .getByRole('radiogroup', { name: 'E-mail notifications' })
        .getByRole('radio', { name: /Morning digest only/ }),
    ).toBeChecked();
    await expectAccessible(user, 'account settings (en)');
    await user.screenshot({ path: testInfo.outputPath('account-settings-en.png'), fullPage: true });
    await user.context().close();

    await page.goto('/administracja/uzytkownicy');
    await page.getByLabel('Szukaj').fill(username);
    const row = page.getByRole('row').filter({ hasText: username });
    await expect(row).toContainText(`${username}@urzad.example`);
    await expect(row).toContainText('(Tylko poranne zestawienie)');
  });
});
