import { SEARCH_FOLD_FROM, SEARCH_FOLD_TO, foldForSearch, looksLikeReference, searchQueryFor } from './search-fold';

describe('foldForSearch', () => {
  it('maps letter by letter to ASCII (translate needs strings of one length)', () => {
    expect([...SEARCH_FOLD_FROM]).toHaveLength([...SEARCH_FOLD_TO].length);
    expect(SEARCH_FOLD_TO).toMatch(/^[A-Za-z]+$/);
    expect(new Set(SEARCH_FOLD_FROM).size).toBe([...SEARCH_FOLD_FROM].length);
  });

  it('ignores Polish diacritics and case', () => {
    expect(foldForSearch('Zielińska')).toBe('zielinska');
    expect(foldForSearch('ŁÓDŹ, Gęślą Jaźń')).toBe('lodz, gesla jazn');
    expect(foldForSearch('ZAŻÓŁĆ')).toBe(foldForSearch('zażółć'));
  });

  it('treats decomposed input (a combining accent) like the composed letter', () => {
    expect(foldForSearch('Zielin\u0301ska')).toBe('zielinska');
  });

  it('keeps reference numbers and digits as they are, lower-cased', () => {
    expect(foldForSearch('SO.1510.12.2026')).toBe('so.1510.12.2026');
  });
});

describe('looksLikeReference', () => {
  it('takes a whole reference number, not words or a bare number', () => {
    expect(looksLikeReference('SO.1510.12.2026')).toBe(true);
    expect(looksLikeReference(' so.pu.3.2026 ')).toBe(true);
    expect(looksLikeReference('1510')).toBe(false);
    expect(looksLikeReference('Zielińska')).toBe(false);
    expect(looksLikeReference('SO.1510 12')).toBe(false);
  });
});

describe('searchQueryFor', () => {
  it('asks for every typed word as the beginning of a word, folded', () => {
    expect(searchQueryFor('Zielińsk')).toBe("'zielinsk':*");
    expect(searchQueryFor('  ZIELIŃSKA   Łęcka ')).toBe("'zielinska':* & 'lecka':*");
    expect(searchQueryFor('SO.1510.7.2026')).toBe("'so.1510.7.2026':*");
  });

  it('quotes every word, so what a clerk types is never query syntax', () => {
    expect(searchQueryFor("O'Brien")).toBe("'o''brien':*");
    expect(searchQueryFor('a\\b')).toBe("'a\\\\b':*");
    expect(searchQueryFor('x&y|z!(w):*')).toBe("'x&y|z!(w):*':*");
  });

  it('leaves out words without a letter or digit, and has no query when none is left', () => {
    expect(searchQueryFor('% 50% ---')).toBe("'50%':*");
    expect(searchQueryFor(`'&|!():*\\`)).toBeNull();
    expect(searchQueryFor('   ')).toBeNull();
  });
});
