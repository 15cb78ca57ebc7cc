#!/usr/bin/env node
// A migration that has landed is never edited: databases that already ran it would never see the change.
// migrations/checksums.json records the SHA-256 of every landed migration.
//   --check  fails when a recorded migration was edited or deleted; a migration not yet recorded is new and passes
//   --seal   records the new ones (npm run migrations:seal), never changing an entry that is already there
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'migrations');
const file = join(dir, 'checksums.json');
const MIGRATION = /^\d{13}-[A-Za-z0-9]+\.ts$/;

const mode = process.argv[2];
if (mode !== '--check' && mode !== '--seal') {
  console.error('Usage: node tools/migration-checksums.mjs --check | --seal');
  process.exit(2);
}

/** Line endings normalised, so a checkout that converts them does not count as an edit. */
const sha256 = (/** @type {string} */ name) =>
  createHash('sha256')
    .update(readFileSync(join(dir, name), 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex');

/** @type {(path: string) => unknown} */
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const sealed = /** @type {Record<string, string>} */ (existsSync(file) ? readJson(file) : {});
const present = readdirSync(dir)
  .filter((name) => MIGRATION.test(name))
  .sort();

const problems = [];
for (const [name, hash] of Object.entries(sealed)) {
  if (!present.includes(name)) problems.push(`${name} was deleted`);
  else if (sha256(name) !== hash) problems.push(`${name} was edited`);
}
const unsealed = present.filter((name) => !(name in sealed));

if (mode === '--seal' && unsealed.length > 0) {
  const next = { ...sealed };
  for (const name of unsealed) next[name] = sha256(name);
  const ordered = Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify(ordered, null, 2)}\n`);
  console.log(`Sealed in migrations/checksums.json:\n  ${unsealed.join('\n  ')}`);
} else if (unsealed.length > 0) {
  console.log(`New migrations, not sealed yet (npm run migrations:seal):\n  ${unsealed.join('\n  ')}`);
}

if (problems.length > 0) {
  console.error(
    `Migrations that already landed have changed:\n  ${problems.join('\n  ')}\n` +
      'Restore them (git checkout main -- migrations/<file>) and put the change in a new migration.',
  );
  process.exit(1);
}
const checked = Object.keys(sealed).length + (mode === '--seal' ? unsealed.length : 0);
console.log(`${checked} sealed migrations unchanged.`);
