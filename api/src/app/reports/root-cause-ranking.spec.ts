import { buildRootCauseRanking } from './root-cause-ranking';

const category = (code: string, retired = false) => ({
  code,
  label_pl: `PL ${code}`,
  label_en: `EN ${code}`,
  retired_at: retired ? new Date('2030-01-01T00:00:00Z') : null,
});

describe('buildRootCauseRanking', () => {
  it('ranks by this period, ties by the one before, then by the office order; unrecorded apart', () => {
    const r = buildRootCauseRanking(
      [
        { cur: true, key: 'b', n: 2 },
        { cur: true, key: 'c', n: 2 },
        { cur: false, key: 'c', n: 5 },
        { cur: true, key: null, n: 4 },
        { cur: false, key: 'old', n: 1 },
      ],
      [category('a'), category('b'), category('c'), category('old', true), category('unused_retired', true)],
    );
    expect(r.rows.map((x) => [x.key, x.rank, x.trend, x.share])).toEqual([
      ['c', 1, 'down', 0.5],
      ['b', 1, 'new', 0.5],
      ['old', 3, 'gone', 0],
      ['a', 3, 'same', 0],
    ]);
    expect(r.rows.find((x) => x.key === 'old')?.retired).toBe(true);
    expect(r.total).toEqual({ current: 4, previous: 6, change: -2, changePercent: -33.3 });
    expect(r.unrecorded).toEqual({ current: 4, previous: 0, change: 4, changePercent: null });
  });

  it('names a code that has no category by itself', () => {
    const r = buildRootCauseRanking([{ cur: true, key: 'ghost', n: 1 }], []);
    expect(r.rows[0]).toMatchObject({ key: 'ghost', label: { pl: 'ghost', en: 'ghost' }, retired: true, rank: 1 });
  });
});
