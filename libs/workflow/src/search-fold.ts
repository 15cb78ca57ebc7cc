/**
 * Case-list search ignores letter case and diacritics: "zielinska" finds "Zielińska", "LODZ" finds "Łódź".
 * PostgreSQL keeps the words of the folded text in a generated column (migration
 * 1764000800000-WordPrefixCaseSearch: `to_tsvector('simple', lower(translate(text, SEARCH_FOLD_FROM,
 * SEARCH_FOLD_TO)))`), and the API folds the search term with `foldForSearch`, the same mapping in TypeScript.
 * `translate`, `lower` and `to_tsvector` are immutable and built in, so the column needs no extension (the embedded
 * PGlite has no `unaccent`). The API e2e test searches every letter of the mapping.
 */
export const SEARCH_FOLD_FROM =
  'ĄĆĘŁŃÓŚŹŻąćęłńóśźżÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòôõöøùúûüýÿČĎĚŇŘŠŤŮŽčďěňřšťůžŐŰőű';
export const SEARCH_FOLD_TO =
  'ACELNOSZZacelnoszzAAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyCDENRSTUZcdenrstuzOUou';

const FOLD = new Map([...SEARCH_FOLD_FROM].map((ch, i) => [ch, SEARCH_FOLD_TO[i]]));

/** The search term as the folded column holds text: NFC, mapped letter by letter, lower case. */
export function foldForSearch(text: string): string {
  return [...text.normalize('NFC')]
    .map((ch) => FOLD.get(ch) ?? ch)
    .join('')
    .toLowerCase();
}

/**
 * The search term as a text-search query for `to_tsquery('simple', …)`: every typed word (split at white space)
 * must begin a word of the case, in any order — "zielinsk kowal" finds "Anna Kowalska-Zielińska". Each word is
 * quoted, so no character the clerk types is query syntax (`&`, `|`, `!`, `:`, `(` …); within the quotes PostgreSQL's
 * own word parser splits it the way it split the case's text ("so.1510.7" stays one word, "r_bat" becomes "r"
 * followed by "bat"). Words without a letter or digit match nothing and are left out; `null` when none is left.
 */
export function searchQueryFor(term: string): string | null {
  const words = foldForSearch(term)
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (!words.length) return null;
  return words.map((w) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}':*`).join(' & ');
}

/**
 * A search term that could be a whole reference number (no spaces, a digit and a separator, e.g. "SO.1510.7.2026"):
 * the list then finds the case it names whatever the status filter, so a closed case is found by its reference.
 */
export function looksLikeReference(term: string): boolean {
  const t = term.trim();
  return /\d/.test(t) && /[./-]/.test(t) && /^[\p{L}\p{N}./-]+$/u.test(t);
}
