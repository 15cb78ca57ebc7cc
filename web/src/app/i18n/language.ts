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

  /** Called once at start-up, before the first render. */
  async init(): Promise<void> {
    const stored = readStored();
    const lang = isLang(stored) ? stored : DEFAULT_LANG;
    // Both languages are bundled: load both now, so switching (and every `translate()`) is immediate.
    await Promise.all(LANGS.map((l) => firstValueFrom(this.transloco.load(l))));
    this.apply(lang);
  }

  use(lang: Lang): void {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Storage can be unavailable (private mode, policy); the choice then lasts for this page only.
    }
    this.apply(lang);
  }

  toggle(): void {
    this.use(LANGS.find((l) => l !== this.current()) ?? DEFAULT_LANG);
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
