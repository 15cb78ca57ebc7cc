import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BASE_URL, CHROMIUM_FOUND, CHROMIUM_MISSING_MESSAGE, CHROMIUM_PATH, PORT } from './support/environment';

/**
 * Browser tests of the built app: `node dist/api/main.js` serves the API and the SPA from
 * dist/web/browser, in demo mode (demo users seeded on an empty database).
 *
 *   npx nx run-many -t build -p web api && npx playwright test -c e2e/web/playwright.config.ts
 */
const root = resolve(__dirname, '../..');
const ci = process.env['CI'] === 'true';

if (!CHROMIUM_FOUND) {
  if (ci) {
    throw new Error(`${CHROMIUM_MISSING_MESSAGE} — failing because CI=true`);
  }
  if (!process.env['TEST_WORKER_INDEX']) {
    console.warn(`\n${CHROMIUM_MISSING_MESSAGE} — skipping the browser tests.\n`);
  }
}

const missingBuild = ['dist/api/main.js', 'dist/web/browser/index.html'].filter((f) => !existsSync(join(root, f)));
if (CHROMIUM_FOUND && missingBuild.length > 0) {
  throw new Error(`Build the app first (missing ${missingBuild.join(', ')}): npx nx run-many -t build -p web api`);
}

// Without DATABASE_URL the API uses its embedded PostgreSQL: give each run a fresh data directory.
// The config is also loaded by the worker processes; they inherit the directory through the environment.
const databaseUrl = process.env['DATABASE_URL'];
if (!databaseUrl && !process.env['PU_E2E_WEB_DATA_DIR']) {
  process.env['PU_E2E_WEB_DATA_DIR'] = mkdtempSync(join(tmpdir(), 'pu-e2e-web-'));
}
const serverEnv: Record<string, string> = {
  NODE_ENV: 'test',
  PORT: String(PORT),
  DEMO: '1',
  LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: process.env['PU_E2E_WEB_DATA_DIR'] ?? '' }),
  // The schema owner migrates; DATABASE_URL's role (in CI one that owns nothing) serves the requests.
  ...(databaseUrl && process.env['MIGRATION_DATABASE_URL']
    ? { MIGRATION_DATABASE_URL: process.env['MIGRATION_DATABASE_URL'] }
    : {}),
};

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: join(root, 'tmp/e2e-web/results'),
  fullyParallel: false,
  workers: 1,
  forbidOnly: ci,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: join(root, 'tmp/e2e-web/report') }],
    // Every skipped test is listed; under CI=true a skip fails the run.
    [join(__dirname, 'support/skips-reporter.ts')],
  ],
  use: {
    baseURL: BASE_URL,
    locale: 'pl-PL',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: CHROMIUM_FOUND
    ? {
        command: 'node dist/api/main.js',
        cwd: root,
        url: `${BASE_URL}/api/health/ready`,
        env: serverEnv,
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: 'ignore',
        stderr: 'pipe',
      }
    : undefined,
});
