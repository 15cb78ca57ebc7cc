/*
 * Legal sources are cited in Polish in the workflow definitions ("Standard 20 pkt 9", "art. 57 § 3 KPA"): the
 * numbers are the law's own, only the few words around them change with the language.
 */
const ENGLISH_WORDS: readonly [RegExp, string][] = [
  [/\bpkt\b/g, 'item'],
  [/\bi\b/g, 'and'],
  [/\buzasadnienie\b/g, 'rationale'],
  [/tytuł/g, 'title'],
  [/\bniezwłocznie\b/g, 'without delay'],
  [/\bzapis incydentu\b/g, 'incident record'],
  [/cel wewnętrzny urzędu/g, "the office's internal target"],
];

/** A legal source or deadline rule as the reader of `language` cites it. */
export function sourceLabel(source: string | null | undefined, language: string): string {
  if (!source) return '';
  if (language !== 'en') return source;
  // "art. 57 § 3 KPA" reads "KPA art. 57 § 3" in English.
  let text = source.replace(/\b(art\. [^,;()]*?) KPA\b/g, 'KPA $1');
  for (const [word, english] of ENGLISH_WORDS) text = text.replace(word, english);
  return text;
}
