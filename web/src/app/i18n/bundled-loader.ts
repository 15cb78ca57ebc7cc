import { Injectable } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { Observable, from } from 'rxjs';

export const LANGS = ['pl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'pl';

/**
 * Each translation file is a chunk of its own, built and hashed with the app (so it is cached with it and
 * never out of step with the code): the first load fetches only the language in use, not both.
 */
const TRANSLATIONS: Record<Lang, () => Promise<Translation>> = {
  pl: () => import('../../i18n/pl.json').then((m) => m.default),
  en: () => import('../../i18n/en.json').then((m) => m.default),
};

/**
 * Translations come with the build, not from an API: `Language.init()` loads the active one before the first
 * render (no untranslated flash), and `Language.use()` loads another before it switches to it.
 */
@Injectable({ providedIn: 'root' })
export class BundledTranslocoLoader implements TranslocoLoader {
  getTranslation(lang: string): Observable<Translation> {
    return from(TRANSLATIONS[isLang(lang) ? lang : DEFAULT_LANG]());
  }
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
