import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';

// "One language per page", checked by a heuristic: the page's text (visible text, and the names, placeholders and
// titles a screen reader or a hover shows) has no word of the other language. Data is not translated (subjects,
// names, departments, references, what clerks typed): every string the API sent as data is allowed, as is any
// element marked as being in another language (`lang`, the language switch) or not to be translated.

export type Lang = 'pl' | 'en';

const letter = '\\p{L}';
const words = (list: string[]) => new RegExp(`(?<!${letter})(${list.join('|')})(?!${letter})`, 'iu');

/** Polish on an English page: a Polish letter, or a common word of the interface. */
const POLISH = [
  /[ąćęłńóśźż]/i,
  words([
    'nie',
    'jest',
    'sprawa',
    'sprawy',
    'spraw',
    'termin',
    'terminy',
    'obietnica',
    'obietnice',
    'zapisz',
    'dodaj',
    'krok',
    'klient',
    'klienta',
    'godzina',
    'brak',
    'tak',
    'oraz',
    'lub',
    'albo',
    'dla',
    'przez',
    'pole',
    'wybierz',
    'szukaj',
    'anuluj',
    'dalej',
    'wstecz',
    'pkt',
    'dni',
    'rok',
  ]),
];

/** English on a Polish page: common words of the interface (none of them also Polish). */
const ENGLISH = [
  words([
    'the',
    'and',
    'of',
    'is',
    'are',
    'with',
    'for',
    'not',
    'case',
    'cases',
    'save',
    'cancel',
    'step',
    'steps',
    'deadline',
    'promise',
    'promises',
    'open',
    'close',
    'next',
    'previous',
    'calendar',
    'time',
    'date',
    'required',
    'sign',
    'user',
    'users',
    'department',
    'client',
    'search',
    'add',
    'edit',
    'delete',
    'back',
    'page',
    'items',
    'choose',
    'month',
    'year',
    'today',
    'error',
    'loading',
    'field',
    'item',
  ]),
];

/** Keys of API answers whose strings are the product's own words (translated), not data. */
const NOT_DATA = new Set(['message', 'fields', 'source', 'rule', 'holiday', 'title', 'label', 'help', 'guidance']);

/** Collects every data string of the API's JSON answers seen by the context (not `{ pl, en }` texts). */
export function collectApiData(context: BrowserContext): Set<string> {
  const data = new Set<string>();
  const walk = (value: unknown, key = ''): void => {
    if (NOT_DATA.has(key)) return;
    if (typeof value === 'string') {
      // Codes (`in_person`), ids and instants are never shown as they are.
      if (!/^[a-z_]+$/.test(value) && value.trim().length > 1) data.add(value.trim());
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v) => walk(v));
      return;
    }
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record['pl'] === 'string' && typeof record['en'] === 'string') return;
      for (const [k, v] of Object.entries(record)) walk(v, k);
    }
  };
  context.on('response', (response) => {
    if (!response.url().includes('/api/') || !(response.headers()['content-type'] ?? '').includes('json')) return;
    response
      .json()
      .then((body: unknown) => walk(body))
      .catch(() => undefined);
  });
  return data;
}

/** The page's text as its reader meets it, less what is marked as another language or not to be translated. */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lang = document.documentElement.lang;
    const foreign = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (e.getAttribute('translate') === 'no') return true;
        const own = e.getAttribute('lang');
        if (own && e !== document.documentElement) return own !== lang;
      }
      return false;
    };
    const texts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || foreign(parent) || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
      // An icon's ligature ("error", "event") is a glyph, not a word, and hidden from screen readers.
      if (parent.closest('mat-icon, [aria-hidden="true"]')) continue;
      const style = getComputedStyle(parent);
      // Hidden text that is not for screen readers either (an empty mat-error slot, a closed panel's template).
      if (style.display === 'none' || (style.visibility === 'hidden' && !parent.closest('.cdk-visually-hidden')))
        continue;
      if (node.textContent?.trim()) texts.push(node.textContent.trim());
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [placeholder], [title], [alt]'))) {
      if (foreign(el)) continue;
      for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(attribute)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

const STATIC_NAMES = ['Przyjazny Urząd', 'KPA'];

/** Fails naming each text that has a word of the other language, after taking out the allowed data. */
export async function expectOneLanguage(page: Page, lang: Lang, data: Set<string>, where: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  const allowed = [...data, ...STATIC_NAMES].sort((a, b) => b.length - a.length);
  const other = lang === 'en' ? POLISH : ENGLISH;
  const offending = (await pageTexts(page))
    .map((text) => allowed.reduce((t, name) => (name && t.includes(name) ? t.split(name).join(' ') : t), text))
    // Placeholders of a reference format ({department}, {n}) are the format's own syntax.
    .map((text) => text.replace(/\{[a-z]+\}/g, ' '))
    .filter((text) => other.some((re) => re.test(text)));
  expect(offending, `${where} (${page.url()}) shows text in the other language`).toEqual([]);
}
