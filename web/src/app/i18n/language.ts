import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DEFAULT_LANG, LANGS, Lang, isLang } from './bundled-loader';

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

  /** Called once at start-up, before the first render. */
  async init(): Promise<void> {
    const stored = readStored();
    const lang = isLang(stored) ? stored : DEFAULT_LANG;
    this.requested = lang;
    // Only the language in use is fetched, before the first render, so every `translate()` already has it.
    await this.load(lang);
    this.apply(lang);
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

  private load(lang: Lang): Promise<unknown> {
    return firstValueFrom(this.transloco.load(lang));
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
