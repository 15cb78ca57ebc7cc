import type { RootCauseRankRow, RootCauseRanking } from '@pu/contracts';
import { competitionRanks, trendOf } from '@pu/workflow';
import type { CategoryRow, KeyCountSql } from './quality-report.queries';
import { countCompared, share, splitCounts } from './report-figures';

/**
 * The areas to improve: every category with complaints in either period, and every active one (an area with
 * none is worth seeing too), most complaints first; ties keep the office's order. A retired category appears
 * only while it has complaints in one of the periods.
 */
export function buildRootCauseRanking(
  causes: readonly KeyCountSql[],
  categories: readonly CategoryRow[],
): RootCauseRanking {
  const recorded = causes.filter((c): c is KeyCountSql & { key: string } => c.key !== null);
  const { current, previous } = splitCounts(recorded);
  const unrecorded = splitCounts(causes.filter((c) => c.key === null).map((c) => ({ ...c, key: '' })));
  const totalCurrent = [...current.values()].reduce((a, b) => a + b, 0);
  const totalPrevious = [...previous.values()].reduce((a, b) => a + b, 0);
  const known = new Map(categories.map((c, i) => [c.code, { c, i }]));
  const codes = [
    ...categories
      .filter((c) => c.retired_at === null || current.has(c.code) || previous.has(c.code))
      .map((c) => c.code),
    ...[...current.keys(), ...previous.keys()].filter((k) => !known.has(k)),
  ];
  const rows = [...new Set(codes)]
    .map((code) => ({
      code,
      cur: current.get(code) ?? 0,
      prev: previous.get(code) ?? 0,
      order: known.get(code)?.i ?? 1e9,
    }))
    .sort((x, y) => y.cur - x.cur || y.prev - x.prev || x.order - y.order);
  const ranks = competitionRanks(rows.map((r) => r.cur));
  return {
    rows: rows.map((r, i): RootCauseRankRow => {
      const category = known.get(r.code)?.c;
      return {
        key: r.code,
        label: category ? { pl: category.label_pl, en: category.label_en } : { pl: r.code, en: r.code },
        retired: category ? category.retired_at !== null : true,
        rank: ranks[i],
        share: share(r.cur, totalCurrent),
        trend: trendOf(r.cur, r.prev),
        ...countCompared(r.cur, r.prev),
      };
    }),
    total: countCompared(totalCurrent, totalPrevious),
    unrecorded: countCompared(unrecorded.current.get('') ?? 0, unrecorded.previous.get('') ?? 0),
  };
}
