import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LOGIN_PATH } from '../auth/return-url';
import { DEFAULT_LANG, LANGS, Lang, SIGNED_IN_TEXTS, isLang } from './bundled-loader';

const STORAGE_KEY = 'pu-lang';

/** The interface language: Polish by default, English on request; remembered in localStorage and set on `<html lang>`. */
@Injectable({ providedIn: 'root' })
export class Language {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Lang>(DEFAULT_LANG);
  readonly lang = this.current.asReadonly();
  /** The language asked for last: a slower load of an earlier choice must not overrule it. */
  private requested: Lang = DEFAULT_LANG;
  /** Whether the signed-in pages' texts are wanted: every language loaded from then on comes whole. */
  private signedIn = false;
  /** Languages whose signed-in texts have been added (or are being added). */
  private readonly complete = new Map<Lang, Promise<void>>();

  /** Called once at start-up, before the first render. */
  async init(): Promise<void> {
    const stored = readStored();
    const lang = isLang(stored) ? stored : DEFAULT_LANG;
    this.requested = lang;
    // Any page but the sign-in page is a signed-in one (or leads there): its texts come in the same round trip.
    this.signedIn = this.document.location.pathname !== LOGIN_PATH;
    // Only the language in use is fetched, before the first render, so every `translate()` already has it.
    await this.load(lang);
    this.apply(lang);
  }

  /**
   * Adds the signed-in pages' texts to the languages loaded so far (and to any loaded later). Awaited before the
   * signed-in part of the app renders; started early on a sign-in, so the texts are there when it succeeds.
   */
  includeSignedInTexts(): Promise<void> {
    this.signedIn = true;
    const langs = LANGS.filter((l) => l === this.requested || this.isLoaded(l));
    return Promise.all(langs.map((l) => this.load(l))).then(() => undefined);
  }

  /** Resolves once the page speaks `lang` (or a later choice overruled it, or its file failed to load). */
  use(lang: Lang): Promise<void> {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Storage can be unavailable (private mode, policy); the choice then lasts for this page only.
    }
    this.requested = lang;
    // The page switches once the other language is there, never to keys or a mix of both languages.
    return this.load(lang).then(
      () => {
        if (this.requested === lang) this.apply(lang);
      },
      (error: unknown) => console.error(`The ${lang} translation could not be loaded`, error),
    );
  }

  toggle(): void {
    void this.use(LANGS.find((l) => l !== this.requested) ?? DEFAULT_LANG);
  }

  private load(lang: Lang): Promise<void> {
    const shared = firstValueFrom(this.transloco.load(lang)).then(() => undefined);
    if (!this.signedIn) {
      return shared;
    }
    let whole = this.complete.get(lang);
    if (!whole) {
      // Both parts are fetched at once; the second is merged into the first once both are in.
      const texts = SIGNED_IN_TEXTS[lang]();
      whole = Promise.all([texts, shared]).then(([t]) =>
        this.transloco.setTranslation(t, lang, { merge: true, emitChange: false }),
      );
      whole.catch(() => this.complete.delete(lang)); // a later call tries again
      this.complete.set(lang, whole);
    }
    return whole;
  }

  private isLoaded(lang: Lang): boolean {
    return Object.keys(this.transloco.getTranslation(lang)).length > 0;
  }

  private apply(lang: Lang): void {
    this.transloco.setActiveLang(lang);
    this.document.documentElement.lang = lang;
    this.current.set(lang);
  }
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
