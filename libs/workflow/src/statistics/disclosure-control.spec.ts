import { suppressBreakdown, suppressCount } from './disclosure-control';

describe('statistical disclosure control', () => {
  it('publishes 3 and more, hides 0, 1 and 2 as "<3"', () => {
    expect([0, 1, 2, 3, 10].map(suppressCount)).toEqual(['<3', '<3', '<3', 3, 10]);
  });

  it('leaves a breakdown without small counts as it is', () => {
    expect(suppressBreakdown(12, [5, 4, 3])).toEqual({ total: 12, counts: [5, 4, 3] });
  });

  it('hides the next smallest count when only one is below 3, so the total cannot give it back', () => {
    expect(suppressBreakdown(17, [9, 2, 6])).toEqual({ total: 17, counts: [9, '<3', 'x'] });
  });

  it('needs no second hiding when two or more are below 3 (only their sum can be derived)', () => {
    expect(suppressBreakdown(12, [9, 2, 1])).toEqual({ total: 12, counts: [9, '<3', '<3'] });
  });

  it('hides everything when the total itself is below 3', () => {
    expect(suppressBreakdown(2, [1, 1])).toEqual({ total: '<3', counts: ['<3', '<3'] });
    expect(suppressBreakdown(0, [])).toEqual({ total: '<3', counts: [] });
  });

  it('never leaves exactly one "<3" beside a published total (property over many breakdowns)', () => {
    for (let seed = 0; seed < 500; seed++) {
      const counts = Array.from({ length: 1 + (seed % 7) }, (_, i) => ((seed * 7919 + i * 104729) % 9) + 1);
      const total = counts.reduce((a, b) => a + b, 0);
      const result = suppressBreakdown(total, counts);
      const hidden = result.counts.filter((c) => typeof c === 'string').length;
      if (result.total !== '<3') expect(hidden === 0 || hidden >= 2).toBe(true);
      result.counts.forEach((c, i) => {
        if (typeof c === 'number') expect(c).toBe(counts[i]);
        if (typeof c === 'number') expect(c).toBeGreaterThanOrEqual(3);
      });
    }
  });
});
