// Adds <link rel="preload"> for the fonts every page uses to a built web app's index.html, once, at build time:
// without it the browser asks for a font only when it lays out text in it, which on a first visit is after the
// app's code and data have arrived, and the text then jumps when the font swaps in (layout shift). The file
// names carry the build's hashes, so the links are written after the bundle, from its stylesheet.
// Usage: node tools/build/preload-fonts.mjs <directory>
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The icons and Roboto's regular and medium weights (latin and latin-ext): on every page, the sign-in page too. */
const PRELOADED = [
  /^material-symbols-outlined-.*\.woff2$/,
  /^roboto-latin-400-normal-.*\.woff2$/,
  /^roboto-latin-ext-400-normal-.*\.woff2$/,
  /^roboto-latin-500-normal-.*\.woff2$/,
  /^roboto-latin-ext-500-normal-.*\.woff2$/,
];
const MARK = 'data-preloaded-font';

const directory = process.argv[2];
if (!directory) {
  console.error('Usage: node tools/build/preload-fonts.mjs <directory>');
  process.exit(2);
}
const indexPath = join(directory, 'index.html');
// A rerun over the same output (the bundle may come from the cache) first drops the links it wrote before.
const index = (await readFile(indexPath, 'utf8')).replace(new RegExp(`\\s*<link [^>]*${MARK}[^>]*>`, 'g'), '');
const stylesheet = /<link rel="stylesheet" href="([^"]+\.css)"/.exec(index)?.[1];
if (!stylesheet) throw new Error(`No stylesheet link in ${indexPath}`);
const css = await readFile(join(directory, stylesheet), 'utf8');
const fonts = [...new Set([...css.matchAll(/url\("?\.?\/?(media\/[^")]+\.woff2)"?\)/g)].map((m) => m[1]))].filter(
  (path) => PRELOADED.some((pattern) => pattern.test(path.slice('media/'.length))),
);
if (fonts.length !== PRELOADED.length) {
  throw new Error(
    `Expected ${PRELOADED.length} fonts to preload in ${stylesheet}, found ${fonts.length}: ${fonts.join(', ')}`,
  );
}
const links = fonts.map(
  (href) => `<link rel="preload" href="${href}" as="font" type="font/woff2" crossorigin ${MARK}>`,
);
await writeFile(indexPath, index.replace('<link rel="stylesheet"', `${links.join('\n  ')}\n  <link rel="stylesheet"`));
console.log(`Preloaded ${fonts.length} fonts in ${indexPath}`);
