import type { BrowserContext, Locator, Page } from '@playwright/test';
import { CSRF_COOKIE, CSRF_HEADER, ROUTES, type CaseResponse, type CreateCaseRequest } from '@pu/contracts';
import { BASE_URL } from './support/environment';
import { DEMO, expect, expectAccessible, newSignedInPage, signIn, test, unique } from './support/fixtures';

/** Set-up through the API with a signed-in context's cookies, the way the SPA calls it. */
function casesApi(context: BrowserContext) {
  const headers = async (extra: Record<string, string> = {}): Promise<Record<string, string>> => {
    let cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
    if (!cookie) {
      await context.request.get(`${BASE_URL}/api/${ROUTES.health}`);
      cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
    }
    return { ...extra, ...(cookie ? { [CSRF_HEADER]: cookie.value } : {}) };
  };
  return {
    async create(body: CreateCaseRequest): Promise<CaseResponse> {
      const res = await context.request.post(`${BASE_URL}/api/${ROUTES.cases}`, {
        data: body,
        headers: await headers(),
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as CaseResponse;
    },
    async promise(c: CaseResponse, description: string): Promise<void> {
      const res = await context.request.post(`${BASE_URL}/api/${ROUTES.casePromises(c.id)}`, {
        data: { description, channel: 'phone' },
        headers: await headers(),
      });
      expect(res.status(), await res.text()).toBe(201);
    },
    async step(c: CaseResponse, stepId: string, data: Record<string, unknown>): Promise<CaseResponse> {
      const res = await context.request.post(`${BASE_URL}/api/${ROUTES.caseStep(c.id, stepId)}`, {
        data,
        headers: await headers({ 'If-Match': `"${c.version}"` }),
      });
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as CaseResponse;
    },
  };
}

const complaint = (subject: string, name: string): CreateCaseRequest => ({
  kind: 'complaint',
  subject,
  channel: 'in_person',
  client: { name, phone: '600 100 200' },
});

/** One step of the workflow on the case page (steps are list items headed by their title). */
function step(page: Page, id: string): Locator {
  return page.locator(`li.step[data-step="${id}"]`);
}

async function saveStep(page: Page, id: string): Promise<void> {
  await step(page, id).getByRole('button', { name: 'Zapisz krok' }).click();
  await expect(step(page, id).getByText(/^Wykonano: /)).toBeVisible();
}

async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  // From the keyboard: in a narrow field the floating label covers the middle of the select.
  const select = scope.getByRole('combobox', { name: label });
  await select.focus();
  await select.press('Enter');
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** `YYYY-MM-DDTHH:mm` for a datetime-local input (the browser runs in this process's time zone). */
function localDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Polish public holidays of a year (KPA art. 57 § 4 moves deadlines off them and off weekends). */
function polishHolidays(year: number): Set<string> {
  // Easter Sunday (anonymous Gregorian algorithm).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  const easter = Date.UTC(year, month - 1, day);
  const shifted = (days: number) => new Date(easter + days * 86_400_000).toISOString().slice(0, 10);
  const fixed = ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-24', '12-25', '12-26'];
  return new Set([...fixed.map((md) => `${year}-${md}`), shifted(1), shifted(49), shifted(60)]);
}

/** The first working day at least `days` after the `YYYY-MM-DD` date. */
function workingDayAfter(date: string, days: number): string {
  let t = Date.parse(`${date}T12:00:00Z`) + days * 86_400_000;
  for (;;) {
    const iso = new Date(t).toISOString().slice(0, 10);
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !polishHolidays(Number(iso.slice(0, 4))).has(iso)) {
      return iso;
    }
    t += 86_400_000;
  }
}

const polishDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

test.describe('cases', () => {
  test('a clerk registers a complaint and takes it through every step, the "no" loop included, to closing', async ({
    page,
  }) => {
    const u = unique();
    await signIn(page, DEMO.clerk.username);
    await page.getByRole('link', { name: 'Zarejestruj sprawę' }).click();
    await expect(page).toHaveURL('/sprawy/nowa');

    await page.getByRole('radio', { name: /Skarga/ }).check();
    await page.getByLabel('Temat').fill(`Długie oczekiwanie ${u}`);
    await choose(page, page.locator('form'), 'Forma kontaktu', 'Osobiście');
    await page.getByLabel('Imię i nazwisko').fill(`Jan Testowy ${u}`);
    await page.getByLabel('Szczególne potrzeby klienta').fill('Obsługa na parterze');
    await page.getByRole('button', { name: 'Zarejestruj' }).click();

    await expect(page).toHaveURL(/\/sprawy\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/SO\.1510\.\d+\.\d{4}/);
    await expect(page.getByText('Szczególne potrzeby klienta (standard 23): Obsługa na parterze')).toBeVisible();
    await expect(page.getByText('Nigdy nie mów, że Klient nie ma racji.').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Zamknij sprawę' })).toBeDisabled();
    await expect(step(page, 'regret')).toContainText('Niedostępny – najpierw wykonaj: „Wysłuchaj klienta”');

    await step(page, 'listen').getByLabel('Relacja klienta, jego słowami').fill('Czekałem dwie godziny w kolejce.');
    await saveStep(page, 'listen');
    await expect(step(page, 'listen')).toContainText(`Wykonano: ${DEMO.clerk.displayName}`);

    await step(page, 'quiet_place').getByRole('button', { name: 'Pomiń' }).click();
    await page.getByRole('dialog').getByLabel('Powód pominięcia').fill('Rozmowa telefoniczna.');
    await page.getByRole('dialog').getByRole('button', { name: 'Pomiń' }).click();
    await expect(step(page, 'quiet_place')).toContainText('Powód pominięcia: Rozmowa telefoniczna.');

    const restate = step(page, 'restate');
    await restate.getByLabel('Sprawa opisana własnymi słowami').fill('Klient czekał zbyt długo na obsługę.');
    await restate
      .getByRole('radiogroup', { name: /Klient potwierdził/ })
      .getByRole('radio', { name: 'Tak' })
      .check();
    await saveStep(page, 'restate');

    await step(page, 'regret')
      .getByRole('checkbox', { name: /jest nam przykro/ })
      .check();
    await saveStep(page, 'regret');

    const cause = step(page, 'cause');
    await choose(page, cause, 'Kategoria przyczyny', 'Czas oczekiwania');
    await cause.getByLabel('Opis przyczyny').fill('Jedno stanowisko czynne w godzinach szczytu.');
    await saveStep(page, 'cause');

    await step(page, 'propose')
      .getByLabel('Proponowane rozwiązanie')
      .fill('Obsługa poza kolejką przy następnej wizycie.');
    await saveStep(page, 'propose');

    // "No" sends the case back to proposing a resolution; what the client expects becomes required.
    const satisfaction = step(page, 'satisfaction');
    await satisfaction.getByRole('radio', { name: 'Nie', exact: true }).check();
    await satisfaction.getByRole('button', { name: 'Zapisz krok' }).click();
    await expect(satisfaction.getByText('To pole jest wymagane.')).toBeVisible();
    await satisfaction.getByLabel('Czego oczekuje klient').fill('Pisemnych przeprosin.');
    await satisfaction.getByRole('button', { name: 'Zapisz krok' }).click();
    await expect(step(page, 'propose')).toContainText('Do wykonania');
    await expect(step(page, 'satisfaction')).toContainText('Niedostępny');

    await step(page, 'propose')
      .getByLabel('Proponowane rozwiązanie')
      .fill('Pisemne przeprosiny i obsługa poza kolejką.');
    await saveStep(page, 'propose');
    await step(page, 'satisfaction').getByRole('radio', { name: 'Tak', exact: true }).check();
    await saveStep(page, 'satisfaction');

    // Informing of the next steps needs a logged promise first.
    const nextSteps = step(page, 'next_steps');
    await expect(nextSteps).toContainText('wymaga co najmniej jednej obietnicy');
    await nextSteps.getByRole('button', { name: 'Dodaj obietnicę' }).click();
    const promises = page.getByRole('tabpanel');
    await promises.getByLabel('Co obiecano').fill('Wyślę pisemne przeprosiny e-mailem.');
    await choose(page, promises, 'Jaką drogą', 'E-mail');
    await expect(promises.getByText('Puste pole: koniec następnego dnia roboczego')).toBeVisible();
    await promises.getByRole('button', { name: 'Dodaj obietnicę' }).click();
    await expect(promises.getByRole('listitem').filter({ hasText: 'Wyślę pisemne przeprosiny' })).toContainText(
      'otwarta',
    );
    await expect(page.getByRole('tab', { name: 'Obietnice (1)' })).toBeVisible();
    await promises.getByRole('button', { name: 'Dotrzymana: Wyślę pisemne przeprosiny e-mailem.' }).click();
    // "Kept" is sent after the few seconds it can be undone in.
    await expect(promises.getByRole('listitem').filter({ hasText: 'Wyślę pisemne przeprosiny' })).toContainText(
      'dotrzymana',
      { timeout: 15_000 },
    );

    await page.getByRole('tab', { name: 'Przebieg sprawy' }).click();
    await step(page, 'next_steps').getByLabel('Kolejne kroki').fill('Przeprosiny e-mailem do jutra.');
    await saveStep(page, 'next_steps');

    const outcome = step(page, 'outcome');
    await choose(page, outcome, 'Rozstrzygnięcie', 'Zasadna');
    await outcome.getByLabel('Sposób załatwienia / uzasadnienie').fill('Skarga zasadna; zmieniono grafik.');
    await outcome.getByLabel('Data wysłania odpowiedzi').fill(new Date().toISOString().slice(0, 10));
    await outcome.getByRole('radio', { name: 'E-mail' }).check();
    await saveStep(page, 'outcome');

    await expect(page.getByText('Wszystkie wymagane kroki są wykonane')).toBeVisible();
    await page.getByRole('button', { name: 'Zamknij sprawę' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Zamknij sprawę' }).click();
    await expect(page.getByText(/Zamknięto sprawę/)).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Zamknięta' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Zapisz krok' })).toHaveCount(0);

    await page.getByRole('tab', { name: 'Historia' }).click();
    const history = page.getByRole('tabpanel');
    await expect(history.getByText('Powrót do wcześniejszego kroku')).toBeVisible();
    await expect(history.getByText('Zamknięto sprawę', { exact: true })).toBeVisible();

    // The register finds it among closed cases.
    await page.goto(`/sprawy?status=closed&q=${u}`);
    await expect(page.getByRole('row').filter({ hasText: `Jan Testowy ${u}` })).toContainText('Zamknięta');
  });

  test('an office error is registered with its discovery time and the page shows its deadline', async ({ page }) => {
    const u = unique();
    await signIn(page, DEMO.clerk.username);
    await page.goto('/sprawy/nowa');
    await page.getByRole('radio', { name: /Pomyłka urzędu/ }).check();
    await page.getByLabel('Temat').fill(`Błędna kwota w decyzji ${u}`);
    await choose(page, page.locator('form'), 'Forma kontaktu', 'Pismo (poczta)');
    await page.getByLabel('Adres', { exact: true }).fill('ul. Polna 1, 00-001 Miasto');

    // Without the discovery time the form says what is missing.
    await page.getByRole('button', { name: 'Zarejestruj' }).click();
    await expect(page.getByTestId('form-error')).toContainText('Formularz zawiera błędy');
    await page.getByLabel('Kiedy stwierdzono pomyłkę').fill(localDateTime(new Date(Date.now() - 3_600_000)));

    // The server's field errors (here: a receipt time in the future) land on their fields.
    const receivedAt = page.getByLabel('Data i godzina wpływu');
    const typedReceivedAt = await receivedAt.inputValue();
    await receivedAt.fill(localDateTime(new Date(Date.now() + 2 * 86_400_000)));
    await page.getByRole('button', { name: 'Zarejestruj' }).click();
    await expect(page.getByText('Data wpływu nie może być w przyszłości.')).toBeVisible();
    await expect(receivedAt).toBeFocused();
    // Nested keys such as "client.name" too (answer staged, the API refuses it only for other kinds).
    await page.route(`**/api/${ROUTES.cases}`, (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 422,
          code: 'VALIDATION_FAILED',
          message: 'Popraw zaznaczone pola.',
          fields: { 'client.name': ['Podaj imię i nazwisko lub adres klienta.'] },
        }),
      }),
    );
    await receivedAt.fill(typedReceivedAt);
    await page.getByRole('button', { name: 'Zarejestruj' }).click();
    await expect(page.getByText('Podaj imię i nazwisko lub adres klienta.')).toBeVisible();
    await expect(page.getByLabel('Imię i nazwisko')).toHaveAttribute('aria-invalid', 'true');
    await page.unroute(`**/api/${ROUTES.cases}`);
    await page.getByLabel('Imię i nazwisko').fill(`Jan Pomyłka ${u}`);
    await page.getByRole('button', { name: 'Zarejestruj' }).click();

    await expect(page).toHaveURL(/\/sprawy\/[0-9a-f-]{36}$/);
    const deadline = page.getByRole('region', { name: 'Termin załatwienia' });
    await expect(deadline.getByTestId('main-due')).toHaveText(/\d{2}\.\d{2}\.\d{4}/);
    await expect(deadline).toContainText('Termin: 1 dzień roboczy od dnia stwierdzenia pomyłki');
    await expect(step(page, 'record')).toContainText('Do wykonania');

    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await expect(page.getByRole('region', { name: 'Deadline' })).toContainText(
      'Deadline: 1 working day from discovery of the error',
    );
    await page.getByRole('button', { name: 'Switch language to Polish' }).click();
  });

  test('a manager undoes a step, extends the deadline (KPA art. 36), reschedules a promise and transfers the case', async ({
    page,
  }) => {
    const u = unique();
    await signIn(page, DEMO.manager.username);
    const api = casesApi(page.context());
    const created = await api.create(complaint(`Przedłużenie ${u}`, `Maria Termin ${u}`));
    await api.step(created, 'listen', { account: 'Relacja zapisana przez pomyłkę w tej sprawie.' });
    await api.promise(created, `Oddzwonię ${u}`);
    const currentDue = created.deadlines.main?.due ?? '';
    const newDue = workingDayAfter(currentDue, 14);
    await page.goto(`/sprawy/${created.id}`);

    // Only the last step done can be undone, with the reason.
    await step(page, 'listen').getByRole('button', { name: 'Cofnij: Wysłuchaj klienta' }).click();
    await page.getByRole('dialog').getByLabel('Powód cofnięcia').fill('Relacja dotyczyła innej sprawy.');
    await page.getByRole('dialog').getByRole('button', { name: 'Cofnij' }).click();
    await expect(step(page, 'listen')).toContainText('Do wykonania');

    await page.getByRole('button', { name: 'Przedłuż termin' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Art. 36 § 1 KPA');
    await dialog.getByRole('button', { name: 'Przedłuż termin' }).click();
    await expect(dialog.getByText('Podaj datę.')).toBeVisible();
    await dialog.getByLabel('Nowy termin').fill(newDue);
    await dialog.getByLabel('Przyczyna zwłoki').fill('Oczekiwanie na wyjaśnienia innego wydziału.');
    await dialog.getByLabel('Kiedy zawiadomiono klienta').fill(localDateTime(new Date(Date.now() - 10 * 60_000)));
    await dialog.getByRole('button', { name: 'Przedłuż termin' }).click();

    await expect(dialog).toHaveCount(0);
    const deadline = page.getByRole('region', { name: 'Termin załatwienia' });
    await expect(deadline.getByTestId('main-due')).toHaveText(polishDate(newDue));
    await expect(deadline).toContainText(`Przedłużono z ${polishDate(currentDue)} do ${polishDate(newDue)}.`);
    await expect(deadline).toContainText('Przyczyna: Oczekiwanie na wyjaśnienia innego wydziału.');

    // A promise gets a new date only once the client has been told it (standard 17 pkt 4).
    await page.getByRole('tab', { name: 'Obietnice (1)' }).click();
    await page.getByRole('button', { name: `Zmień termin: Oddzwonię ${u}` }).click();
    await dialog.getByLabel('Nowy termin').fill(localDateTime(new Date(Date.now() + 7 * 86_400_000)));
    await dialog.getByRole('button', { name: 'Zapisz nowy termin' }).click();
    await expect(dialog.getByText('Podaj, kiedy klient dowiedział się o nowym terminie')).toBeVisible();
    await dialog
      .getByLabel('Kiedy klient dowiedział się o nowym terminie')
      .fill(localDateTime(new Date(Date.now() - 60_000)));
    await dialog.getByRole('button', { name: 'Zapisz nowy termin' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(
      page
        .getByRole('tabpanel')
        .getByRole('listitem')
        .filter({ hasText: `Oddzwonię ${u}` }),
    ).toContainText('zmieniano termin: 1');

    // Handed over to another department with a note: the case is theirs now.
    await page.getByRole('button', { name: 'Przekaż sprawę' }).click();
    await choose(page, dialog, 'Wydział', 'GK – Wydział Gospodarki Komunalnej');
    await dialog.getByLabel('Notatka dla przejmującego').fill('Dotyczy odbioru odpadów – właściwy wydział GK.');
    await dialog.getByRole('button', { name: 'Przekaż' }).click();
    await expect(page).toHaveURL('/sprawy');
    await expect(page.getByText(/Przekazano sprawę .* do wydziału GK/)).toBeVisible();
  });

  test('after a "no" the next proposal shows what the client expects and the earlier proposals, in both languages', async ({
    page,
  }) => {
    const u = unique();
    await signIn(page, DEMO.clerk.username);
    const api = casesApi(page.context());
    let c = await api.create(complaint(`Pętla propozycji ${u}`, `Anna Pętla ${u}`));
    const steps: [string, Record<string, unknown>][] = [
      ['listen', { account: 'Odesłano mnie do trzech okienek.' }],
      ['restate', { restatement: 'Klienta odsyłano między stanowiskami.', clientConfirmed: true }],
      ['regret', { confirmed: true }],
      ['cause', { rootCause: 'procedure', description: 'Brak jednego punktu przyjęć.' }],
      ['propose', { proposal: `Obsługa w jednym okienku ${u}` }],
      ['satisfaction', { satisfaction: 'no', expectation: `Pisemnych przeprosin ${u}` }],
    ];
    for (const [id, data] of steps) c = await api.step(c, id, data);

    await page.goto(`/sprawy/${c.id}`);
    const recall = step(page, 'propose').getByTestId('step-recall');
    await expect(recall).toContainText(`Klient oczekuje: Pisemnych przeprosin ${u}`);
    await expect(recall).toContainText('Wcześniejsze propozycje:');
    await expect(recall.getByRole('listitem')).toHaveText([`Obsługa w jednym okienku ${u}`]);

    await page.getByRole('tab', { name: 'Historia' }).click();
    const history = page.getByRole('tabpanel');
    await expect(history.getByText(`Czego oczekuje klient: Pisemnych przeprosin ${u}`).first()).toBeVisible();
    await expect(history.getByText('Zachowano wcześniejszy wpis w kroku „Zaproponuj rozwiązanie”:')).toBeVisible();

    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await expect(history.getByText(`What the client expects: Pisemnych przeprosin ${u}`).first()).toBeVisible();
    await expect(history.getByText('Earlier entry kept in step "Propose a resolution":')).toBeVisible();
    await page.getByRole('tab', { name: /Case steps|Steps/ }).click();
    const recallEn = step(page, 'propose').getByTestId('step-recall');
    await expect(recallEn).toContainText(`The client expects: Pisemnych przeprosin ${u}`);
    await expect(recallEn).toContainText('Earlier proposals:');
    await page.getByRole('button', { name: 'Switch language to Polish' }).click();
  });

  test('the farewell of a refusal shows the appeal deadline computed under KPA art. 129 § 2, filled in', async ({
    page,
  }) => {
    const u = unique();
    await signIn(page, DEMO.clerk.username);
    const api = casesApi(page.context());
    let c = await api.create({ ...complaint(`Odmowa ${u}`, `Jan Odmowa ${u}`), kind: 'refusal' });
    c = await api.step(c, 'decision', { decisionReference: `GK.6733.${u}`, scope: 'Odmowa pozwolenia.' });
    c = await api.step(c, 'deliver', { deliveredAt: new Date().toISOString(), channel: 'in_person' });
    c = await api.step(c, 'justify', { facts: 'Teren zalewowy.', legalBasis: 'art. 56' });
    const due = c.deadlines.appeal?.due ?? '';

    await page.goto(`/sprawy/${c.id}`);
    const farewell = step(page, 'farewell');
    await expect(farewell.getByLabel('Termin na odwołanie')).toHaveValue(due);
    await expect(farewell.getByTestId('computed-date')).toContainText('art. 129 § 2 KPA');
    await farewell
      .getByRole('radiogroup', { name: /Pouczono/ })
      .getByRole('radio', { name: 'Tak' })
      .check();
    await saveStep(page, 'farewell');
  });

  test('what a clerk typed in the registration form survives a reload', async ({ page }) => {
    const u = unique();
    await signIn(page, DEMO.clerk.username);
    await page.goto('/sprawy/nowa');
    await page.getByRole('radio', { name: /Decyzja odmowna/ }).check();
    await page.getByLabel('Temat').fill(`Odmowa dodatku ${u}`);
    await page.getByLabel('Imię i nazwisko').fill(`Zofia Szkic ${u}`);
    await page.reload();

    await expect(page.getByText('Przywrócono niezapisane dane')).toBeVisible();
    await expect(page.getByRole('radio', { name: /Decyzja odmowna/ })).toBeChecked();
    await expect(page.getByLabel('Temat')).toHaveValue(`Odmowa dodatku ${u}`);
    await expect(page.getByLabel('Imię i nazwisko')).toHaveValue(`Zofia Szkic ${u}`);

    // Submitting twice (a double click, a retry) registers one case: the same Idempotency-Key is sent.
    await choose(page, page.locator('form'), 'Forma kontaktu', 'Osobiście');
    const keys: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/api/${ROUTES.cases}`)) {
        keys.push(r.headers()['idempotency-key'] ?? '');
      }
    });
    await page.getByRole('button', { name: 'Zarejestruj' }).dblclick();
    await expect(page).toHaveURL(/\/sprawy\/[0-9a-f-]{36}$/);
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(new Set(keys).size).toBe(1);
    await page.goto(`/sprawy?q=${u}`);
    await expect(page.getByRole('row').filter({ hasText: `Zofia Szkic ${u}` })).toHaveCount(1);
  });

  test('a change made meanwhile by someone else is reported, and the typed step data is kept', async ({
    page,
    browser,
  }) => {
    const u = unique();
    await signIn(page, DEMO.clerk.username);
    const api = casesApi(page.context());
    const created = await api.create(complaint(`Konflikt ${u}`, `Adam Równoległy ${u}`));
    await api.step(created, 'listen', { account: 'Relacja klienta.' });

    await page.goto(`/sprawy/${created.id}`);
    // The outcome may be recorded early (forwarded, left without consideration): on request only.
    await expect(step(page, 'outcome').getByRole('button', { name: 'Zapisz rozstrzygnięcie teraz' })).toBeVisible();
    await expect(step(page, 'outcome').getByRole('button', { name: 'Zapisz krok' })).toHaveCount(0);
    const restate = step(page, 'restate');
    await restate.getByLabel('Sprawa opisana własnymi słowami').fill(`Mój tekst, którego nie wolno zgubić ${u}`);
    await restate.getByRole('radio', { name: 'Tak' }).check();

    // Meanwhile the manager skips the optional step on the same case.
    const other = await newSignedInPage(browser, DEMO.manager.username);
    await other.goto(`/sprawy/${created.id}`);
    await step(other, 'quiet_place').getByRole('button', { name: 'Pomiń' }).click();
    await other.getByRole('dialog').getByLabel('Powód pominięcia').fill('Brak wolnej sali.');
    await other.getByRole('dialog').getByRole('button', { name: 'Pomiń' }).click();
    await expect(step(other, 'quiet_place')).toContainText('Pominięto');
    await other.context().close();

    await restate.getByRole('button', { name: 'Zapisz krok' }).click();
    await expect(restate.getByRole('alert')).toContainText('Ktoś inny zmienił tę sprawę w międzyczasie');
    await expect(step(page, 'quiet_place')).toContainText('Powód pominięcia: Brak wolnej sali.');
    await expect(restate.getByLabel('Sprawa opisana własnymi słowami')).toHaveValue(
      `Mój tekst, którego nie wolno zgubić ${u}`,
    );
    await saveStep(page, 'restate');
  });

  test('accessibility: the register, the registration form and a case with a step form open', async ({ page }) => {
    const u = unique();
    await signIn(page, DEMO.clerk.username);
    const api = casesApi(page.context());
    let created = await api.create({
      kind: 'aggressive_client',
      subject: `Incydent przy okienku ${u}`,
      channel: 'in_person',
      client: { name: `Ewa Dostępna ${u}`, accommodation: 'Tłumacz języka migowego' },
    });
    created = await api.step(created, 'listen', { account: 'Klient krzyczał, że czeka od rana.' });
    created = await api.step(created, 'quiet_place', { quietPlace: 'offered' });
    await api.step(created, 'restate', { restatement: 'Zdenerwowanie długim czekaniem.', clientConfirmed: true });

    await page.goto(`/sprawy?q=${u}`);
    await expect(page.getByRole('row').filter({ hasText: `Ewa Dostępna ${u}` })).toContainText(
      'Szczególne potrzeby: Tłumacz języka migowego',
    );
    await expect(page.getByRole('status').filter({ hasText: 'Sprawy 1–1 z 1.' })).toBeVisible();
    await expectAccessible(page, 'case register');

    await page.goto('/sprawy/nowa');
    await page.getByRole('radio', { name: /Agresywny klient/ }).check();
    await page.getByRole('button', { name: 'Zarejestruj' }).click();
    await expect(page.getByTestId('form-error')).toBeVisible();
    await expectAccessible(page, 'registration form with errors');

    // The incident log: a repeatable list of events; a vulgar insult needs the protest's time (standard 22 pkt 6).
    await page.goto(`/sprawy/${created.id}`);
    const conduct = step(page, 'conduct');
    await conduct.getByRole('button', { name: 'Dodaj zdarzenie' }).click();
    await choose(page, conduct, 'Rodzaj zdarzenia', 'Wulgarna obelga');
    await conduct.getByLabel('Data i godzina', { exact: true }).fill(localDateTime(new Date(Date.now() - 30 * 60_000)));
    await conduct.getByLabel('Opis (opcjonalnie)').fill('Wulgarne słowa pod adresem pracownika.');
    await conduct.getByRole('button', { name: 'Zapisz krok' }).click();
    await expect(conduct.getByText(/każe wtedy stanowczo, spokojnie zaprotestować/).first()).toBeVisible();
    await expectAccessible(page, 'case page with the incident log form and a field error');

    await conduct.getByLabel('Kiedy zaprotestowano').fill(localDateTime(new Date(Date.now() - 25 * 60_000)));
    await saveStep(page, 'conduct');
    await expect(step(page, 'conduct')).toContainText('Wulgarna obelga: Wulgarne słowa pod adresem pracownika.');

    // The quality officer reads everything and changes nothing.
    await page.getByRole('button', { name: 'Wyloguj' }).click();
    await signIn(page, DEMO.quality.username);
    await page.goto(`/sprawy/${created.id}`);
    await expect(page.getByText('Tłumacz języka migowego')).toBeVisible();
    await expect(step(page, 'close')).toContainText('Do wykonania');
    await expect(page.getByRole('button', { name: 'Zapisz krok' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Przekaż sprawę' })).toHaveCount(0);
    await expectAccessible(page, 'case page read by the quality officer');
  });
});
