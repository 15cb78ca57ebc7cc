#!/usr/bin/env node
// The README's test command: format, lint, type-check, unit tests, build, API e2e, browser e2e — in that order,
// stopping at the first failure, with the time each step took.
import { spawnSync } from 'node:child_process';

const embedded = !process.env.DATABASE_URL;
const steps = [
  ['format', 'npx prettier --check . --log-level=warn'],
  ['lint', 'npx nx run-many -t lint --output-style=stream --parallel=2'],
  ['type-check', 'npx nx run-many -t typecheck --output-style=stream --parallel=2'],
  ['unit tests', 'npx jest --config jest.unit.config.ts'],
  ['build', 'npx nx run-many -t build -p api web --output-style=stream'],
  // PGlite serves one connection, so the embedded run is serial; a real server takes two workers.
  ['API e2e', `npx jest --config e2e/api/jest.config.ts ${embedded ? '--runInBand' : '--maxWorkers=2'}`],
  // The app on its in-process PGlite, which Jest can load only with this flag (skipped in the step above).
  [
    'API e2e, embedded database',
    'NODE_OPTIONS=--experimental-vm-modules npx jest --config e2e/api/jest.config.ts --runInBand e2e/api/session-cache-embedded.e2e-spec.ts',
  ],
  ['browser e2e', 'npx playwright test -c e2e/web/playwright.config.ts'],
];

const only = process.argv.slice(2);
const results = [];
for (const [name, command] of steps) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n▶ ${name}: ${command}`);
  const started = Date.now();
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true, env: { ...process.env, NX_DAEMON: 'false' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push(`${status === 0 ? '✔' : '✘'} ${name} (${seconds} s)`);
  if (status !== 0) {
    console.error(`\n${results.join('\n')}\n\n✘ ${name} failed`);
    process.exit(status ?? 1);
  }
}
console.log(
  `\n${results.join('\n')}\n\nAll checks passed${embedded ? ' (embedded PostgreSQL)' : ' (PostgreSQL at DATABASE_URL)'}.`,
);
