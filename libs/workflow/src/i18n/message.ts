import type { LocalizedText } from '../localized-text';
import { en } from './messages.en';
import { pl } from './messages.pl';

/** The languages the product speaks: Polish first (the office's), English second. */
export const LANGUAGES = ['pl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'pl';

// Every entry takes at most one object of parameters; looked up by a key the types have already checked.
const CATALOGUES = { pl, en } as unknown as Record<
  Language,
  Record<string, (params?: Record<string, unknown>) => string>
>;

export type MessageKey = keyof typeof pl;
type ParamsOf<K extends MessageKey> = Parameters<(typeof pl)[K]>;
/** The messages that take no parameters. */
export type PlainMessageKey = { [K in MessageKey]: ParamsOf<K> extends [] ? K : never }[MessageKey];
/** A parameter that is a text of its own (a step title, a nested message) may be given in both languages. */
type Localizable<T> = T extends string
  ? string | LocalizedText
  : T extends readonly string[]
    ? readonly (string | LocalizedText)[]
    : T;
export type MessageArgs<K extends MessageKey> =
  ParamsOf<K> extends [] ? [] : [{ [F in keyof ParamsOf<K>[0]]: Localizable<ParamsOf<K>[0][F]> }];

export function isLocalizedText(value: unknown): value is LocalizedText {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as LocalizedText).pl === 'string' &&
    typeof (value as LocalizedText).en === 'string'
  );
}

/** A text in one language: a plain string is the same in both (a name, a number); English falls back to Polish. */
export function textIn(text: string | LocalizedText, language: Language): string {
  if (typeof text === 'string') return text;
  return (language === 'en' ? text.en : text.pl) || text.pl;
}

function resolveParams(params: Record<string, unknown>, language: Language): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = Array.isArray(value)
      ? value.map((v: unknown) => (isLocalizedText(v) ? textIn(v, language) : v))
      : isLocalizedText(value)
        ? textIn(value, language)
        : value;
  }
  return out;
}

/** One message of the catalogue, in one language. */
export function messageIn<K extends MessageKey>(language: Language, key: K, ...args: MessageArgs<K>): string {
  const params = args[0] as Record<string, unknown> | undefined;
  return CATALOGUES[language][key](params && resolveParams(params, language));
}

/** One message of the catalogue in both languages: the answer to a request picks the one the client asked for. */
export function message<K extends MessageKey>(key: K, ...args: MessageArgs<K>): LocalizedText {
  return { pl: messageIn('pl', key, ...args), en: messageIn('en', key, ...args) };
}

/**
 * The language an `Accept-Language` header asks for: the first of ours by quality (q), ties in header order;
 * Polish when the header names neither.
 */
export function languageOf(acceptLanguage: string | readonly string[] | null | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  let best: { language: Language; q: number } | null = null;
  for (const part of (header as string).split(',')) {
    const [range, ...options] = part.trim().split(';');
    const primary = range.trim().toLowerCase().split('-')[0];
    if (!(LANGUAGES as readonly string[]).includes(primary)) continue;
    const qOption = options.map((o) => o.trim()).find((o) => o.startsWith('q='));
    const q = qOption ? Number(qOption.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { language: primary as Language, q };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}
