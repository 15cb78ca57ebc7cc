// Writes a brotli (.br) and a gzip (.gz) twin next to every compressible file of a built web app, once, at
// build time: the server then picks the twin the browser accepts (api/src/app/spa/serve-spa.ts) and never
// compresses per request. Usage: node tools/build/precompress.mjs <directory>
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats; fonts (woff2 is brotli inside, woff is zlib) and images are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest|xml|ico)$/;
/** Below about one packet nothing is gained, and the server would only look for a twin in vain. */
const MIN_BYTES = 1024;
/** A twin must save at least this share of the bytes to be worth a second file. */
const MIN_SAVING = 0.1;

/** @typedef {{ file: string, bytes: number, br?: number, gz?: number }} Result */

/** @type {Record<'br' | 'gz', (data: Buffer) => Promise<Buffer>>} */
const ENCODERS = {
  br: (data) =>
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gz: (data) => gzipAsync(data, { level: constants.Z_BEST_COMPRESSION }),
};

/** @param {string} directory */
async function filesUnder(directory) {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * @param {string} file
 * @returns {Promise<Result>}
 */
async function precompress(file) {
  const data = await readFile(file);
  /** @type {Result} */
  const result = { file, bytes: data.length };
  for (const extension of /** @type {const} */ (['br', 'gz'])) {
    const encode = ENCODERS[extension];
    const twin = `${file}.${extension}`;
    const encoded = data.length >= MIN_BYTES ? await encode(data) : null;
    if (encoded && encoded.length <= data.length * (1 - MIN_SAVING)) {
      await writeFile(twin, encoded);
      result[extension] = encoded.length;
    } else {
      // A twin left from an earlier build would be served in place of the new file.
      await rm(twin, { force: true });
    }
  }
  return result;
}

async function main() {
  const directory = process.argv[2];
  if (!directory || !(await stat(directory).catch(() => null))?.isDirectory()) {
    console.error('Usage: node tools/build/precompress.mjs <directory of a built web app>');
    process.exit(2);
  }
  const started = Date.now();
  const files = (await filesUnder(directory)).filter((file) => COMPRESSIBLE.test(file));
  const results = await Promise.all(files.map(precompress));
  const total = (/** @type {'bytes' | 'br' | 'gz'} */ key) =>
    results.reduce((sum, result) => sum + (result[key] ?? result.bytes), 0);
  const twins = results.filter((result) => result.br || result.gz).length;
  console.log(
    `Precompressed ${twins} of ${files.length} text files in ${relative(process.cwd(), directory) || '.'} ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s: ${total('bytes')} bytes, ` +
      `brotli ${total('br')}, gzip ${total('gz')}.`,
  );
}

await main();
