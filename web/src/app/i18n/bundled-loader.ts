import { Injectable } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { Observable, from } from 'rxjs';

export const LANGS = ['pl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'pl';

/**
 * Each translation file is a chunk of its own, built and hashed with the app (so it is cached with it and
 * never out of step with the code): the first load fetches only the language in use, not both.
 *
 * A language comes in two parts. The first (`pl.json`) is what the sign-in page and every page share: the app's
 * name, the language switch, the sign-in form, error messages, common words. The second (`pl.signed-in.json`),
 * nine tenths of the texts, is fetched only for the signed-in pages (`Language.includeSignedInTexts()`).
 */
const SHARED: Record<Lang, () => Promise<Translation>> = {
  pl: () => import('../../i18n/pl.json').then((m) => m.default),
  en: () => import('../../i18n/en.json').then((m) => m.default),
};

export const SIGNED_IN_TEXTS: Record<Lang, () => Promise<Translation>> = {
  pl: () => import('../../i18n/pl.signed-in.json').then((m) => m.default),
  en: () => import('../../i18n/en.signed-in.json').then((m) => m.default),
};

/**
 * Translations come with the build, not from an API: `Language.init()` loads the active one before the first
 * render (no untranslated flash), and `Language.use()` loads another before it switches to it.
 */
@Injectable({ providedIn: 'root' })
export class BundledTranslocoLoader implements TranslocoLoader {
  getTranslation(lang: string): Observable<Translation> {
    return from(SHARED[isLang(lang) ? lang : DEFAULT_LANG]());
  }
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
