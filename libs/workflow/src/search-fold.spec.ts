import { SEARCH_FOLD_FROM, SEARCH_FOLD_TO, foldForSearch, looksLikeReference } from './search-fold';

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
