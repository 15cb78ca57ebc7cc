/**
 * Case-list search ignores letter case and diacritics: "zielinska" finds "Zielińska", "LODZ" finds "Łódź".
 * PostgreSQL keeps a folded copy of the searched text in a generated column (migration
 * 1764000600000-FoldCaseSearchText) built with `lower(translate(text, SEARCH_FOLD_FROM, SEARCH_FOLD_TO))`, and the
 * API folds the search term with `foldForSearch`, the same mapping in TypeScript. `translate` and `lower` are
 * immutable and built in, so the column needs no extension (the embedded PGlite has no `unaccent`), and the
 * trigram index (pg_trgm) serves the folded text, which is plain ASCII for Polish names and so tokenised the
 * same under any database locale. The API e2e test searches every letter of the mapping.
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
 * A search term that could be a whole reference number (no spaces, a digit and a separator, e.g. "SO.1510.7.2026"):
 * the list then finds the case it names whatever the status filter, so a closed case is found by its reference.
 */
export function looksLikeReference(term: string): boolean {
  const t = term.trim();
  return /\d/.test(t) && /[./-]/.test(t) && /^[\p{L}\p{N}./-]+$/u.test(t);
}
