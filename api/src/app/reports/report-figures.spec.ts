import { comparedPeriods } from './report-figures';

describe('comparedPeriods', () => {
  it('keeps both periods and compares the named figures as counts or rounded rates, in the given order', () => {
    const figures = (cur: boolean) =>
      cur
        ? { total: 12, share: 0.123456, median: 2.25, note: 'now' }
        : { total: 8, share: 0.1, median: null, note: 'then' };
    const result = comparedPeriods(figures, { total: 'count', share: 4, median: 1 });
    expect(Object.keys(result)).toEqual(['current', 'previous', 'total', 'share', 'median']);
    expect(result).toEqual({
      current: figures(true),
      previous: figures(false),
      total: { current: 12, previous: 8, change: 4, changePercent: 50 },
      share: { current: 0.123456, previous: 0.1, change: 0.0235 },
      median: { current: 2.25, previous: null, change: null },
    });
  });
});
