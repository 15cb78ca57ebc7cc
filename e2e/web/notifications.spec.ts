import type { BrowserContext } from '@playwright/test';
import { CSRF_COOKIE, CSRF_HEADER, ROUTES, type CaseResponse } from '@pu/contracts';
import { reminderThresholds } from '@pu/workflow';
import { Client } from 'pg';
// The test runs the worker's scan statement itself (the browser tests' server has JOBS off), as the API e2e tests
// use the API's sources; nothing else of the API is imported.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { insertDueReminders } from '../../api/src/app/reminders/reminders.queries';
import { BASE_URL } from './support/environment';
import { DEMO, expect, expectAccessible, signIn, test, unique } from './support/fixtures';

const ci = process.env['CI'] === 'true';
/** The schema owner, as the reminder scan of a worker process would write (any role that may insert will do). */
const databaseUrl = process.env['MIGRATION_DATABASE_URL'] ?? process.env['DATABASE_URL'];
const NO_SERVER =
  'The live count needs LISTEN/NOTIFY on a PostgreSQL server (set DATABASE_URL); the embedded database has neither ' +
  'a second client to run the scan nor notifications across connections';
if (ci && !databaseUrl) throw new Error(`${NO_SERVER} — failing because CI=true`);

/** The reminder scan's own statement, run now: what a worker process does every REMINDER_SCAN_SECONDS. */
async function runReminderScan(): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await insertDueReminders(
      { query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T },
      reminderThresholds(new Date(), { leadWorkingDays: 2, promiseLeadMinutes: 120, overdueLookbackDays: 3 }),
    );
    return rows.reduce((sum, r) => sum + r.added, 0);
  } finally {
    await client.end();
  }
}

/** A notification as any writer adds it (NotificationsService.notify's statement, by hand). */
async function addNotification(username: string, eventKey: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO notifications (user_id, event_key, kind, created_at) SELECT id, $2, 'assigned', now() FROM users WHERE username = $1`,
      [username, eventKey],
    );
  } finally {
    await client.end();
  }
}

async function post<T>(context: BrowserContext, route: string, data: unknown): Promise<T> {
  let cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
  if (!cookie) {
    await context.request.get(`${BASE_URL}/api/${ROUTES.health}`);
    cookie = (await context.cookies(BASE_URL)).find((c) => c.name === CSRF_COOKIE);
  }
  const res = await context.request.post(`${BASE_URL}/api/${route}`, {
    data,
    headers: cookie ? { [CSRF_HEADER]: cookie.value } : {},
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

test.describe('notifications (the bell and /powiadomienia)', () => {
  test.skip(!databaseUrl, NO_SERVER);

  test('the bell’s count goes up when a reminder arrives, without a reload; the page lists it and marks it read', async ({
    page,
  }) => {
    const tag = unique();
    await signIn(page, DEMO.clerk.username);
    // Whatever earlier runs left on this database is read first, so the count starts from zero.
    await page.goto('/powiadomienia');
    const markAll = page.getByRole('button', { name: 'Oznacz wszystkie jako przeczytane' });
    if (await markAll.isEnabled()) await markAll.click();
    const bell = page.getByTestId('notification-bell');
    await expect(bell).toHaveAccessibleName('Powiadomienia, nieprzeczytane: 0');

    const c = await post<CaseResponse>(page.context(), ROUTES.cases, {
      kind: 'complaint',
      subject: `Przypomnienie e2e ${tag}`,
      channel: 'phone',
      client: { name: 'Jan Przypominalski' },
    });
    const promise = `Oddzwonię w sprawie przypomnienia ${tag}`;
    await post(page.context(), ROUTES.casePromises(c.id), {
      description: promise,
      channel: 'phone',
      dueAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    });
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    expect(await runReminderScan()).toBeGreaterThan(0);
    await expect(bell).toHaveAccessibleName(/^Powiadomienia, nieprzeczytane: [1-9]\d*$/);
    await expect(page.getByTestId('notification-count')).toHaveText(/Nieprzeczytane powiadomienia: [1-9]/);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // The open page shows the new reminder too.
    const item = page.getByTestId('notification-list').getByRole('listitem').filter({ hasText: promise });
    await expect(item).toContainText(`Zbliża się termin obietnicy w sprawie ${c.reference}`);
    await expectAccessible(page, 'the notifications page with an unread reminder');
    await page.screenshot({ path: 'tmp/e2e-web/notifications-pl.png', fullPage: true });

    await page.getByRole('button', { name: 'Zmień język na angielski' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    await expect(item).toContainText(`A promise in case ${c.reference} is due soon`);
    await expectAccessible(page, 'the notifications page in English');
    await page.screenshot({ path: 'tmp/e2e-web/notifications-en.png', fullPage: true });
    await page.getByRole('button', { name: 'Switch language to Polish' }).click();

    await page.getByRole('button', { name: 'Oznacz wszystkie jako przeczytane' }).click();
    await expect(bell).toHaveAccessibleName('Powiadomienia, nieprzeczytane: 0');
    await expect(item).not.toContainText('Nowe:');
    await item.getByRole('link', { name: /Otwórz sprawę/ }).click();
    await expect(page).toHaveURL(`/sprawy/${c.id}`);
  });

  test('when the stream is refused the bell falls back to polling and still shows the count', async ({ page }) => {
    await page.route('**/api/notifications/stream', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"DATABASE_UNAVAILABLE"}' }),
    );
    await addNotification(DEMO.manager.username, `e2e-poll:${unique()}`);
    const polled = page.waitForRequest((r) => r.url().endsWith('/api/notifications/unread'));
    await signIn(page, DEMO.manager.username);
    await polled;
    const unread = (await (await page.request.get(`${BASE_URL}/api/notifications/unread`)).json()) as {
      unread: number;
    };
    expect(unread.unread).toBeGreaterThan(0);
    await expect(page.getByTestId('notification-bell')).toHaveAccessibleName(
      `Powiadomienia, nieprzeczytane: ${unread.unread}`,
    );
    // On a phone the bell stays in the toolbar beside the menu button.
    await page.setViewportSize({ width: 375, height: 700 });
    await expect(page.getByTestId('notification-bell')).toBeVisible();
    await expectAccessible(page, 'the toolbar with the bell on a narrow screen');
    await page.screenshot({ path: 'tmp/e2e-web/notifications-narrow.png' });
  });
});
