// The Material Symbols font holds about 3,800 icons in 4 MB, and the browser fetches all of it for the first
// icon on a page. The SPA shows a few dozen. This build step writes a font with only the icons the SPA's sources
// name, and a stylesheet for it (both under web/.generated/icons, which web/project.json lists among the styles;
// web:icons runs before every web build). The variation axes stay: HarfBuzz's instancing to the default axes
// (which would save another seven eighths) drew broken outlines in Chromium.
//
// An icon is named by its ligature, e.g. <mat-icon>translate</mat-icon>: the font turns the letters into the
// icon's glyph. Every icon name written in web/src is kept: the static content of each <mat-icon>, and every
// quoted word in a template or TypeScript file that is the name of an icon (so icons picked at run time, such as
// `icon: 'folder_open'` in the navigation or `cond ? 'lock_open' : 'block'`, are kept too).
// Usage: node tools/build/subset-icons.mjs
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument --
   HarfBuzz's subsetter is called through its raw WebAssembly exports, and fontverter ships no types. */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { Blob, Buffer as HbBuffer, Face, Font, shape } from 'harfbuzzjs';
import fontverter from 'fontverter';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const SOURCE_FONT = require.resolve('material-symbols/material-symbols-outlined.woff2');
const SOURCES = join(root, 'web', 'src');
const OUT_DIR = join(root, 'web', '.generated', 'icons');
const CSS_FILE = 'material-symbols-outlined.css';

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE = 0x200;
const tag = (/** @type {string} */ s) => [...s].reduce((a, ch) => (a << 8) + ch.charCodeAt(0), 0);

const NAME = /^[a-z0-9][a-z0-9_]{1,62}$/;
const MAT_ICON = /<mat-icon\b[^>]*>([\s\S]*?)<\/mat-icon>/g;
const QUOTED = /'([a-z0-9_]{2,63})'|"([a-z0-9_]{2,63})"|`([a-z0-9_]{2,63})`/g;

/** @param {string} dir @returns {Promise<string[]>} */
async function sourceFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|html)$/.test(e.name) && !e.name.endsWith('.spec.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * Words that may name an icon: every <mat-icon>'s static text, and every quoted word.
 * @returns {Promise<{ candidates: Set<string>, staticIcons: Map<string, string> }>}
 */
async function candidateNames() {
  const candidates = new Set();
  /** Static <mat-icon> contents and where they are: these must be icons of the font. */
  const staticIcons = new Map();
  for (const file of await sourceFiles(SOURCES)) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(MAT_ICON)) {
      const content = match[1].trim();
      if (NAME.test(content)) {
        candidates.add(content);
        staticIcons.set(content, relative(root, file));
      }
    }
    for (const match of text.matchAll(QUOTED)) candidates.add(match[1] ?? match[2] ?? match[3]);
  }
  return { candidates, staticIcons };
}

/**
 * The glyph the font's ligatures make of `name`, or null when the name is not an icon.
 * @param {Font} font @param {string} name
 */
function iconGlyph(font, name) {
  const buffer = new HbBuffer();
  buffer.addText(name);
  buffer.guessSegmentProperties();
  shape(font, buffer);
  const glyphs = buffer.getGlyphInfos();
  return glyphs.length === 1 && glyphs[0].codepoint !== 0 ? glyphs[0].codepoint : null;
}

/**
 * A font with the letters, the given icon glyphs and the ligatures between them.
 * @param {Uint8Array} ttf @param {number[]} glyphs @param {string} letters
 */
async function subset(ttf, glyphs, letters) {
  const wasm = await readFile(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  const hb = /** @type {any} */ ((await WebAssembly.instantiate(wasm)).instance.exports);
  hb._initialize();
  const heap = () => new Uint8Array(hb.memory.buffer);
  const fontPtr = hb.malloc(ttf.byteLength);
  heap().set(ttf, fontPtr);
  const blob = hb.hb_blob_create(fontPtr, ttf.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb_subset_input_create_or_fail failed');
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const ch of letters) hb.hb_set_add(unicodes, ch.codePointAt(0));
  const glyphSet = hb.hb_subset_input_glyph_set(input);
  for (const glyph of glyphs) hb.hb_set_add(glyphSet, glyph);
  // Only the ligatures (the font keeps them under 'rlig'), and no closure over every ligature the letters could
  // make: that would be every icon again.
  const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
  hb.hb_set_clear(features);
  for (const feature of ['rlig', 'liga']) hb.hb_set_add(features, tag(feature));
  hb.hb_subset_input_set_flags(
    input,
    hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE | HB_SUBSET_FLAGS_NO_HINTING,
  );
  const result = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  if (!result) throw new Error('hb_subset_or_fail failed');
  const resultBlob = hb.hb_face_reference_blob(result);
  const offset = hb.hb_blob_get_data(resultBlob, 0);
  const length = hb.hb_blob_get_length(resultBlob);
  const out = heap().slice(offset, offset + length);
  hb.hb_blob_destroy(resultBlob);
  hb.hb_face_destroy(result);
  hb.hb_face_destroy(face);
  hb.free(fontPtr);
  return out;
}

async function main() {
  const started = Date.now();
  const original = await readFile(SOURCE_FONT);
  const ttf = new Uint8Array(await fontverter.convert(original, 'truetype'));
  const font = new Font(new Face(new Blob(ttf), 0));
  const { candidates, staticIcons } = await candidateNames();
  /** @type {Map<string, number>} */
  const icons = new Map();
  for (const name of [...candidates].sort()) {
    const glyph = iconGlyph(font, name);
    if (glyph !== null) icons.set(name, glyph);
  }
  const unknown = [...staticIcons].filter(([name]) => !icons.has(name));
  if (unknown.length) {
    throw new Error(`Not icons of Material Symbols: ${unknown.map(([name, file]) => `${name} (${file})`).join(', ')}`);
  }
  const letters = [...new Set([...icons.keys()].join(''))].sort().join('');
  const subsetTtf = await subset(ttf, [...new Set(icons.values())], letters);
  const woff2 = await fontverter.convert(Buffer.from(subsetTtf), 'woff2');
  // Named by its content, so the stylesheet changes whenever the font does (the Angular build caches stylesheets).
  const fontFile = `material-symbols-outlined-${createHash('sha256').update(woff2).digest('hex').slice(0, 12)}.woff2`;
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(join(OUT_DIR, fontFile), woff2);
  const css = (await readFile(join(dirname(SOURCE_FONT), 'outlined.css'), 'utf8')).replace(
    /url\([^)]*\)/,
    `url("./${fontFile}")`,
  );
  await writeFile(
    join(OUT_DIR, CSS_FILE),
    `/* Written by tools/build/subset-icons.mjs: ${icons.size} icons: ${[...icons.keys()].join(' ')} */\n${css}`,
  );
  console.log(
    `Icon font: ${icons.size} icons of ${candidates.size} candidate words, ${woff2.length} bytes ` +
      `(the full font: ${original.length}), in ${((Date.now() - started) / 1000).toFixed(1)} s → ` +
      `${relative(root, join(OUT_DIR, fontFile))}`,
  );
}

await main();
