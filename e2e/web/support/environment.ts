import { existsSync } from 'node:fs';

/** Debian's chromium (`npx playwright install` cannot download browsers here); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_FOUND = existsSync(CHROMIUM_PATH);
export const CHROMIUM_MISSING_MESSAGE = 'Chromium not found: apt-get install chromium (or set CHROMIUM_PATH)';

/** The port the built app listens on during the run; fixed so a stray server is noticed, E2E_WEB_PORT overrides. */
export const PORT = Number(process.env['E2E_WEB_PORT'] ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
