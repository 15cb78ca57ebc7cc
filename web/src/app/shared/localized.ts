import { Pipe, PipeTransform } from '@angular/core';
import type { LocalizedText } from '@pu/workflow';

/** The text in the interface language (Polish when the English is missing). */
export function localized(text: LocalizedText | null | undefined, lang: string): string {
  if (!text) {
    return '';
  }
  return (lang === 'en' ? text.en : text.pl) || text.pl;
}

/** `{{ step.title | localized: lang() }}` — texts the API sends in Polish and English (workflow definitions). */
@Pipe({ name: 'localized' })
export class LocalizedPipe implements PipeTransform {
  transform(text: LocalizedText | null | undefined, lang: string): string {
    return localized(text, lang);
  }
}
