import { Pipe, PipeTransform } from '@angular/core';
import { localizeDates, sourceLabel, type LocalizedText } from '@pu/workflow';

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

/** `{{ step.source | puSource: lang() }}` — a legal source cited in the interface language ("Standard 20 item 9"). */
@Pipe({ name: 'puSource' })
export class SourcePipe implements PipeTransform {
  transform(source: string | null | undefined, lang: string): string {
    return sourceLabel(source, lang);
  }
}

/** `{{ deadline.explanation | puExplanation: lang() }}` — an explanation in the interface language, its dates too. */
@Pipe({ name: 'puExplanation' })
export class ExplanationPipe implements PipeTransform {
  transform(text: LocalizedText | null | undefined, lang: string): string {
    return localizeDates(localized(text, lang), lang);
  }
}
