#!/usr/bin/env node
// The README's test command: format, lint, type-check, unit tests, build, API e2e, browser e2e — in that order,
// stopping at the first failure, with the time each step took. Arguments choose steps by name.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const embedded = !process.env.DATABASE_URL;
/** @type {Array<[name: string, command: string]>} */
const steps = [
  // The pinned Node is the one every step runs on; a machine without it is told, CI fails.
  ['Node version', 'node tools/check-node.mjs'],
  // Cheap and early: a migration that already landed is never edited.
  ['migrations sealed', 'node tools/migration-checksums.mjs --check'],
  ['format', 'npx prettier --check . --log-level=warn'],
  ['lint', 'npx nx run-many -t lint --output-style=stream --parallel=2'],
  ['type-check', 'npx nx run-many -t typecheck --output-style=stream --parallel=2'],
  ['unit tests', 'npx jest --config jest.unit.config.ts'],
  ['build', 'npx nx run-many -t build -p api web --output-style=stream'],
  // PGlite serves one connection, so the embedded run is serial; a real server takes two workers. The file on
  // the in-process PGlite needs a flag of its own and has the next step.
  [
    'API e2e',
    `npx jest --config e2e/api/jest.config.ts ${embedded ? '--runInBand' : '--maxWorkers=2'} --testPathIgnorePatterns=session-cache-embedded`,
  ],
  // The app on its in-process PGlite, which Jest can load only with this flag.
  [
    'API e2e, embedded database',
    'NODE_OPTIONS=--experimental-vm-modules npx jest --config e2e/api/jest.config.ts --runInBand e2e/api/session-cache-embedded.e2e-spec.ts',
  ],
  // The built API on a throwaway database (embedded PGlite without DATABASE_URL): no request may answer 5xx.
  ['API fuzz', 'npm run fuzz -- --requests 3000 --seed 20260430 --concurrency 2'],
  ['browser e2e', 'npx playwright test -c e2e/web/playwright.config.ts'],
];

const names = steps.map(([name]) => name);
const only = process.argv.slice(2);
const unknown = only.filter((name) => !names.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown step: ${unknown.map((n) => `"${n}"`).join(', ')}. The steps are:\n  ${names.join('\n  ')}`);
  process.exit(2);
}

// npm scripts put node_modules/.bin first on PATH, where the pinned Node is; a direct `node tools/test-all.mjs`
// gives its steps the same.
// Each runner's reporter appends its counts here; the closing line adds them up.
const tallyDir = mkdtempSync(join(tmpdir(), 'pu-tests-'));
const tallyFile = join(tallyDir, 'tally.jsonl');
const env = {
  ...process.env,
  PU_TEST_TALLY: tallyFile,
  NX_DAEMON: 'false',
  PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
};
const results = [];
for (const [name, command] of steps) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n▶ ${name}: ${command}`);
  const started = Date.now();
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true, cwd: root, env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push(`${status === 0 ? '✔' : '✘'} ${name} (${seconds} s)`);
  if (status !== 0) {
    console.error(`\n${results.join('\n')}\n\n✘ ${name} failed`);
    // A runner that died before its reporter ran counted nothing: the line still says the run failed.
    console.log(closingLine(1));
    process.exit(status ?? 1);
  }
}
console.log(
  `\n${results.join('\n')}\n\nAll checks passed${embedded ? ' (embedded PostgreSQL)' : ' (PostgreSQL at DATABASE_URL)'}.`,
);
if (process.env.CI_STARTED)
  console.log(`CI finished in ${Math.round(Date.now() / 1000) - Number(process.env.CI_STARTED)} s`);
console.log(closingLine());

/**
 * Every test of every runner in one line, the last one printed, in the plain form CI reads in any language:
 * `N passed, N failed, N skipped` alone on its line.
 */
function closingLine(minFailed = 0) {
  const sum = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(tallyFile)) {
    // One line per runner: `passed failed skipped`.
    for (const line of readFileSync(tallyFile, 'utf8').split('\n').filter(Boolean)) {
      const [passed = 0, failed = 0, skipped = 0] = line.split(' ').map(Number);
      sum.passed += passed;
      sum.failed += failed;
      sum.skipped += skipped;
    }
  }
  rmSync(tallyDir, { recursive: true, force: true });
  sum.failed = Math.max(sum.failed, minFailed);
  return `${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`;
}
