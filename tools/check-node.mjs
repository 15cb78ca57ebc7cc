#!/usr/bin/env node
// Says which Node the tests run on and whether package.json's `engines` supports it. The development Node is
// pinned as an optional dependency (node-<platform>), which npm scripts find first on PATH; a platform the
// registry has no binary for falls back to the system Node. Outside CI that is a warning, under CI=true a failure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
/** @type {(path: string) => unknown} */
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const pkg = /** @type {{ engines: { node: string } }} */ (readJson(join(root, 'package.json')));
const range = pkg.engines.node;
const minimum = /^>=(\d+)\.(\d+)$/.exec(range);
if (!minimum) {
  console.error(`tools/check-node.mjs reads engines.node as ">=MAJOR.MINOR", not "${range}"`);
  process.exit(1);
}
const [major, minor] = process.versions.node.split('.').map(Number);
const wantMajor = Number(minimum[1]);
const wantMinor = Number(minimum[2]);
const supported = major > wantMajor || (major === wantMajor && minor >= wantMinor);

console.log(`Node ${process.version} (${process.execPath}); supported: ${range}`);
if (!supported) {
  const message =
    `Node ${process.version} is not supported (engines: ${range}). npm install brings the pinned Node on ` +
    `linux-x64, linux-arm64 and win-x64; elsewhere install Node ${wantMajor} LTS.`;
  if (process.env.CI === 'true') {
    console.error(`${message} Failing because CI=true.`);
    process.exit(1);
  }
  console.warn(`${message} Going on with the tests anyway.`);
}
