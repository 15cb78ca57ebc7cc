import type { Page } from '@playwright/test';
import { SESSION_COOKIE } from '@pu/contracts';
import { DEMO, api, expect, navLinks, newSignedInPage, signIn, test, unique } from './support/fixtures';

const NEW_PASSWORD = 'Nowe-haslo-e2e-2026';

async function openUserActions(page: Page, username: string): Promise<void> {
  await page.getByLabel('Szukaj').fill(username);
  await page.getByRole('button', { name: `Akcje dla użytkownika ${username}`, exact: true }).click();
}

async function chooseOption(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

test.describe('administration of users', () => {
  test('admin creates a user who can then sign in', async ({ page, browser }) => {
    const username = `e2e.nowy.${unique()}`;
    await signIn(page, DEMO.admin.username);
    await page.getByRole('link', { name: 'Dodaj użytkownika' }).click();
    await expect(page).toHaveURL('/administracja/uzytkownicy/nowy');
    await expect(page).toHaveTitle('Nowy użytkownik · Przyjazny Urząd');

    // Client-side rules first: nothing is sent while the form is invalid.
    await page.getByLabel('Nazwa użytkownika').fill('Ż');
    await page.getByLabel('Hasło początkowe').fill('krotkie');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect(page.getByRole('alert')).toContainText('Formularz zawiera błędy');
    await expect(page.getByText('Login to od 3 do 50 znaków')).toBeVisible();
    await expect(page.getByText('Wpisz co najmniej 12 znaków.')).toBeVisible();
    await expect(page.getByLabel('Nazwa użytkownika')).toBeFocused();

    await page.getByLabel('Nazwa użytkownika').fill(username);
    await page.getByLabel('Imię i nazwisko').fill('Jan Testowy');
    await page.getByLabel('Adres e-mail (opcjonalnie)').fill('jan.testowy@example.org');
    await chooseOption(page, 'Rola', 'Urzędnik');
    await chooseOption(page, 'Wydział', /^GK – /);
    await page.getByLabel('Hasło początkowe').fill(NEW_PASSWORD);
    await page.getByLabel('Powtórz hasło').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Zapisz' }).click();

    await expect(page).toHaveURL('/administracja/uzytkownicy');
    await expect(page.getByText(`Utworzono konto ${username}.`)).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: username });
    await expect(row).toContainText('Jan Testowy');
    await expect(row).toContainText('Urzędnik');
    await expect(row).toContainText('GK – Wydział Gospodarki Komunalnej');
    await expect(row).toContainText('Aktywne');

    // A duplicate username is reported on the field by the server.
    await page.getByRole('link', { name: 'Dodaj użytkownika' }).click();
    await page.getByLabel('Nazwa użytkownika').fill(username);
    await page.getByLabel('Imię i nazwisko').fill('Jan Drugi');
    await chooseOption(page, 'Wydział', /^GK – /);
    await page.getByLabel('Hasło początkowe').fill(NEW_PASSWORD);
    await page.getByLabel('Powtórz hasło').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect(page.getByRole('alert')).not.toBeEmpty();
    await expect(page).toHaveURL('/administracja/uzytkownicy/nowy');

    const newUser = await newSignedInPage(browser, username, NEW_PASSWORD);
    await expect(newUser).toHaveURL('/moja-praca');
    expect(await navLinks(newUser)).toEqual(['Moja praca', 'Moje sprawy', 'Obietnice']);
    await expect(newUser.getByRole('region', { name: 'Zalogowany użytkownik' })).toContainText('Jan Testowy');
    await newUser.context().close();
  });

  test("disabling a user ends that user's open session", async ({ page, browser }) => {
    const username = `e2e.wylaczany.${unique()}`;
    await signIn(page, DEMO.admin.username);
    const admin = api(page.context());
    const department = (await admin.departments()).find((d) => d.symbol === 'SO');
    await admin.createUser({
      username,
      displayName: 'Wyłączany Testowy',
      role: 'clerk',
      departmentId: department!.id,
      password: NEW_PASSWORD,
    });

    const victim = await newSignedInPage(browser, username, NEW_PASSWORD);
    await expect(victim).toHaveURL('/moja-praca');

    await page.goto('/administracja/uzytkownicy');
    await openUserActions(page, username);
    await page.getByRole('menuitem', { name: 'Wyłącz konto' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('wszystkie jego otwarte sesje zostaną natychmiast zakończone');
    await dialog.getByRole('button', { name: 'Wyłącz konto' }).click();
    await expect(page.getByText(`Wyłączono konto ${username}`)).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: username })).toContainText('Wyłączone');

    // The other browser still shows the app; its next navigation finds the session gone.
    await victim.getByRole('navigation').getByRole('link', { name: 'Obietnice' }).click();
    await expect(victim).toHaveURL(/\/logowanie\?powrot=%2Fobietnice/);
    await expect(victim.getByText('Sesja wygasła.')).toBeVisible();

    // And the account cannot sign in again.
    await victim.getByLabel('Nazwa użytkownika').fill(username);
    await victim.getByLabel('Hasło', { exact: true }).fill(NEW_PASSWORD);
    await victim.getByRole('button', { name: 'Zaloguj się' }).click();
    await expect(victim.getByRole('alert')).toContainText('Nieprawidłowa nazwa użytkownika lub hasło.');
    await victim.context().close();

    // Enabling it again lets the user back in.
    await openUserActions(page, username);
    await page.getByRole('menuitem', { name: 'Włącz konto' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Włącz konto' }).click();
    await expect(page.getByRole('row').filter({ hasText: username })).toContainText('Aktywne');
    const back = await newSignedInPage(browser, username, NEW_PASSWORD);
    await back.context().close();
  });

  test('admin edits a user and sets a new password', async ({ page, browser }) => {
    const username = `e2e.edytowany.${unique()}`;
    await signIn(page, DEMO.admin.username);
    const admin = api(page.context());
    const department = (await admin.departments()).find((d) => d.symbol === 'SO');
    await admin.createUser({
      username,
      displayName: 'Edytowany Testowy',
      role: 'clerk',
      departmentId: department!.id,
      password: NEW_PASSWORD,
    });

    await page.goto('/administracja/uzytkownicy');
    await page.getByRole('link', { name: username }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edycja użytkownika ${username}`);
    await expect(page.getByLabel('Imię i nazwisko')).toHaveValue('Edytowany Testowy');
    await page.getByLabel('Imię i nazwisko').fill('Edytowana Nazwa');
    await chooseOption(page, 'Rola', 'Kierownik');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect(page).toHaveURL('/administracja/uzytkownicy');
    const row = page.getByRole('row').filter({ hasText: username });
    await expect(row).toContainText('Edytowana Nazwa');
    await expect(row).toContainText('Kierownik');

    const password = 'Inne-haslo-e2e-2026';
    await openUserActions(page, username);
    await page.getByRole('menuitem', { name: 'Ustaw nowe hasło' }).click();
    const dialog = page.getByRole('dialog');
    // The dialog puts focus in its first field once it has opened.
    await expect(dialog.getByLabel('Nowe hasło')).toBeFocused();
    await dialog.getByLabel('Nowe hasło').fill(password);
    await dialog.getByLabel('Powtórz hasło').fill('Inne-haslo-e2e-2027');
    await dialog.getByRole('button', { name: 'Ustaw nowe hasło' }).click();
    await expect(dialog.getByText('Hasła nie są takie same.')).toBeVisible();
    await dialog.getByLabel('Powtórz hasło').fill(password);
    await dialog.getByRole('button', { name: 'Ustaw nowe hasło' }).click();
    await expect(page.getByText(`Ustawiono nowe hasło dla ${username}.`)).toBeVisible();

    const manager = await newSignedInPage(browser, username, password);
    expect(await navLinks(manager)).toEqual(['Moja praca', 'Sprawy', 'Obietnice', 'Terminy', 'Raport jakości']);
    await manager.context().close();
  });

  test('an edit saved by someone else meanwhile is reported and the typed input is kept', async ({ page, browser }) => {
    const username = `e2e.rownolegly.${unique()}`;
    await signIn(page, DEMO.admin.username);
    const admin = api(page.context());
    const department = (await admin.departments()).find((d) => d.symbol === 'SO');
    const user = await admin.createUser({
      username,
      displayName: 'Przed Zmianą',
      role: 'clerk',
      departmentId: department!.id,
      password: NEW_PASSWORD,
    });

    await page.goto(`/administracja/uzytkownicy/${user.id}`);
    await page.getByLabel('Imię i nazwisko').fill('Moja Zmiana');

    // A second administrator changes the role in the meantime.
    const other = await newSignedInPage(browser, DEMO.admin.username);
    await other.goto(`/administracja/uzytkownicy/${user.id}`);
    await chooseOption(other, 'Rola', 'Pełnomocnik ds. jakości');
    await other.getByRole('button', { name: 'Zapisz' }).click();
    await expect(other).toHaveURL('/administracja/uzytkownicy');
    await other.context().close();

    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect(page.getByRole('alert')).toContainText('Ktoś inny zmienił to konto w czasie Twojej edycji');
    await expect(page.getByLabel('Imię i nazwisko')).toHaveValue('Moja Zmiana');
    await expect(page.getByRole('combobox', { name: 'Rola' })).toContainText('Pełnomocnik ds. jakości');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect(page).toHaveURL('/administracja/uzytkownicy');
    const row = page.getByRole('row').filter({ hasText: username });
    await expect(row).toContainText('Moja Zmiana');
    await expect(row).toContainText('Pełnomocnik ds. jakości');
  });

  test('what the admin typed survives an expired session and a reload', async ({ page }) => {
    const username = `e2e.szkic.${unique()}`;
    await signIn(page, DEMO.admin.username);
    await page.goto('/administracja/uzytkownicy/nowy');
    await page.getByLabel('Nazwa użytkownika').fill(username);
    await page.getByLabel('Imię i nazwisko').fill('Szkic Zachowany');
    await chooseOption(page, 'Wydział', /^FN – /);

    // Reload: the draft comes back (passwords are never stored).
    await page.waitForTimeout(800);
    await page.reload();
    await expect(page.getByText('Przywrócono niezapisane dane')).toBeVisible();
    await expect(page.getByLabel('Imię i nazwisko')).toHaveValue('Szkic Zachowany');

    // The session ends while the form is open; saving leads to sign-in and back, nothing lost.
    await page.getByLabel('Hasło początkowe').fill(NEW_PASSWORD);
    await page.getByLabel('Powtórz hasło').fill(NEW_PASSWORD);
    await page.context().clearCookies({ name: SESSION_COOKIE });
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect(page).toHaveURL(/\/logowanie\?powrot=%2Fadministracja%2Fuzytkownicy%2Fnowy/);
    await expect(page.getByText('Sesja wygasła.')).toBeVisible();
    await signIn(page, DEMO.admin.username);

    await expect(page).toHaveURL('/administracja/uzytkownicy/nowy');
    await expect(page.getByLabel('Nazwa użytkownika')).toHaveValue(username);
    await expect(page.getByLabel('Imię i nazwisko')).toHaveValue('Szkic Zachowany');
    await expect(page.getByRole('combobox', { name: 'Wydział' })).toContainText('FN – Wydział Finansowy');
    await expect(page.getByLabel('Hasło początkowe')).toHaveValue('');
    await page.getByLabel('Hasło początkowe').fill(NEW_PASSWORD);
    await page.getByLabel('Powtórz hasło').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect(page.getByText(`Utworzono konto ${username}.`)).toBeVisible();

    // A successful save clears the draft.
    await page.goto('/administracja/uzytkownicy/nowy');
    await expect(page.getByLabel('Nazwa użytkownika')).toHaveValue('');
    await expect(page.getByText('Przywrócono niezapisane dane')).toHaveCount(0);
  });
});

test.describe('administration of departments', () => {
  test('admin creates, edits and deactivates a department', async ({ page }) => {
    const symbol = `T${unique().toUpperCase()}`.slice(0, 10);
    await signIn(page, DEMO.admin.username);
    await page.getByRole('navigation').getByRole('link', { name: 'Wydziały' }).click();
    await page.getByRole('link', { name: 'Dodaj wydział' }).click();

    await page.getByLabel('Symbol').fill('zły symbol');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect(page.getByText('Symbol to od 1 do 10 znaków')).toBeVisible();
    await expect(page.getByText('To pole jest wymagane.')).toBeVisible();

    await page.getByLabel('Symbol').fill(symbol);
    await page.getByLabel('Nazwa', { exact: true }).fill('Wydział Testowy');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect(page).toHaveURL('/administracja/wydzialy');
    await expect(page.getByText(`Dodano wydział ${symbol}.`)).toBeVisible();

    await page.getByRole('link', { name: symbol, exact: true }).click();
    await expect(page.getByLabel('Nazwa', { exact: true })).toHaveValue('Wydział Testowy');
    await page.getByLabel('Nazwa', { exact: true }).fill('Wydział Testowy Zmieniony');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    const row = page.getByRole('row').filter({ hasText: symbol });
    await expect(row).toContainText('Wydział Testowy Zmieniony');
    await expect(row).toContainText('Aktywny');

    await page.getByRole('button', { name: `Akcje dla wydziału ${symbol}` }).click();
    await page.getByRole('menuitem', { name: 'Dezaktywuj' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Dezaktywuj' }).click();
    await expect(row).toContainText('Nieaktywny');

    // An inactive department is not offered for new users.
    await page.goto('/administracja/uzytkownicy/nowy');
    await page.getByRole('combobox', { name: 'Wydział' }).click();
    await expect(page.getByRole('option', { name: /^OR – / })).toBeVisible();
    await expect(page.getByRole('option', { name: new RegExp(`^${symbol} – `) })).toHaveCount(0);
    await page.keyboard.press('Escape');
  });
});

test.describe('administration of case registers', () => {
  const REFUSAL = 'Decyzja odmowna';
  const NEW_FORMAT = '{jrwa}/{department}/{n}/{yyyy}';
  const year = new Date().getFullYear();

  /** Other tests register refusals: whatever a test changed, the register gets its format back. */
  async function restoreRefusal(page: Page, original: { jrwa: string; format: string }): Promise<void> {
    const admin = api(page.context());
    const now = await admin.caseRegister('refusal');
    if (now.jrwa !== original.jrwa || now.format !== original.format) {
      await admin.updateCaseRegister('refusal', now.version, { jrwa: original.jrwa, format: original.format });
    }
  }

  test('admin changes the refusal register format with a live example, checked before saving', async ({ page }) => {
    await signIn(page, DEMO.admin.username);
    const original = await api(page.context()).caseRegister('refusal');
    try {
      await page.getByRole('navigation').getByRole('link', { name: 'Rejestry spraw' }).click();
      await expect(page).toHaveURL('/administracja/rejestry');
      await expect(page).toHaveTitle('Rejestry spraw · Przyjazny Urząd');
      const row = page.getByRole('row').filter({ hasText: REFUSAL });
      await expect(row).toContainText(original.format);
      await expect(row).toContainText(original.example);

      await row.getByRole('link', { name: `Edytuj rejestr: ${REFUSAL}` }).click();
      await expect(page).toHaveURL('/administracja/rejestry/refusal');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edycja rejestru: ${REFUSAL}`);
      await expect(page.getByText('numeracja w rejestrze jest kontynuowana')).toBeVisible();
      const format = page.getByLabel('Format znaku sprawy');
      const example = page.getByTestId('register-example');
      await expect(page.getByLabel('Symbol JRWA')).toHaveValue(original.jrwa);
      await expect(format).toHaveValue(original.format);
      await expect(example).toHaveText(original.example);

      // The example follows the typing.
      await format.fill(NEW_FORMAT);
      await expect(example).toHaveText(`${original.jrwa}/OR/12/${year}`);

      // A format without the year is refused on the field, and nothing is sent.
      const patches: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'PATCH') {
          patches.push(request.url());
        }
      });
      await format.fill('{department}.{jrwa}.{n}');
      await expect(
        page.getByText('Format musi zawierać symbol wydziału {department}, numer w rejestrze {n} i rok {yyyy}'),
      ).toBeVisible();
      await expect(example).toHaveCount(0);
      await page.getByRole('button', { name: 'Zapisz' }).click();
      await expect(page.getByRole('alert')).toContainText('Formularz zawiera błędy');
      await expect(format).toBeFocused();
      await expect(page).toHaveURL('/administracja/rejestry/refusal');
      expect(patches).toEqual([]);

      // The same references as the complaint register: the server's message appears on the fields.
      const complaint = await api(page.context()).caseRegister('complaint');
      await page.getByLabel('Symbol JRWA').fill(complaint.jrwa);
      await format.fill(complaint.format);
      await page.getByRole('button', { name: 'Zapisz' }).click();
      await expect(page.getByText('Znaki spraw powtarzałyby się z rejestrem skarg')).toBeVisible();
      await expect(page).toHaveURL('/administracja/rejestry/refusal');

      await page.getByLabel('Symbol JRWA').fill(original.jrwa);
      await format.fill(NEW_FORMAT);
      await page.getByRole('button', { name: 'Zapisz' }).click();
      await expect(page).toHaveURL('/administracja/rejestry');
      const saved = `${original.jrwa}/OR/12/${year}`;
      await expect(
        page.getByText(`Zapisano rejestr: ${REFUSAL}. Nowe sprawy otrzymają znaki w postaci ${saved}.`),
      ).toBeVisible();
      await expect(row).toContainText(NEW_FORMAT);
      await expect(row).toContainText(saved);

      // Back to the original format, through the form as well.
      await row.getByRole('link', { name: `Edytuj rejestr: ${REFUSAL}` }).click();
      await format.fill(original.format);
      await expect(example).toHaveText(original.example);
      await page.getByRole('button', { name: 'Zapisz' }).click();
      await expect(page).toHaveURL('/administracja/rejestry');
      await expect(row).toContainText(original.example);
    } finally {
      await restoreRefusal(page, original);
    }
  });

  test('a register changed by someone else meanwhile is reported and the typed format is kept', async ({ page }) => {
    await signIn(page, DEMO.admin.username);
    const admin = api(page.context());
    const original = await admin.caseRegister('refusal');
    const otherJrwa = `${original.jrwa}X`;
    try {
      await page.goto('/administracja/rejestry/refusal');
      const format = page.getByLabel('Format znaku sprawy');
      await expect(format).toHaveValue(original.format);
      await format.fill(NEW_FORMAT);

      // Another administrator changes the JRWA symbol in the meantime.
      await admin.updateCaseRegister('refusal', original.version, { jrwa: otherJrwa });

      await page.getByRole('button', { name: 'Zapisz' }).click();
      await expect(page.getByRole('alert')).toContainText('Ktoś inny zmienił ten rejestr w czasie Twojej edycji');
      await expect(format).toHaveValue(NEW_FORMAT);
      await expect(page.getByLabel('Symbol JRWA')).toHaveValue(otherJrwa);
      await expect(page.getByTestId('register-example')).toHaveText(`${otherJrwa}/OR/12/${year}`);

      await page.getByRole('button', { name: 'Zapisz' }).click();
      await expect(page).toHaveURL('/administracja/rejestry');
      await expect(page.getByRole('row').filter({ hasText: REFUSAL })).toContainText(`${otherJrwa}/OR/12/${year}`);
    } finally {
      await restoreRefusal(page, original);
    }
  });
});
