import type { Compared, CountCompared, CountRow, CountTable, DaysFigures } from '@pu/contracts';

// Pure helpers that turn the aggregates of both periods into the report's compared figures.

const round = (n: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

export function countCompared(current: number, previous: number): CountCompared {
  return {
    current,
    previous,
    change: current - previous,
    changePercent: previous === 0 ? null : round(((current - previous) / previous) * 100, 1),
  };
}

export function compared(current: number | null, previous: number | null, digits = 4): Compared {
  return {
    current,
    previous,
    change: current === null || previous === null ? null : round(current - previous, digits),
  };
}

export const share = (part: number, whole: number): number | null => (whole === 0 ? null : round(part / whole, 4));

export const oneDecimal = (n: number | null | undefined): number | null =>
  n === null || n === undefined ? null : round(Number(n), 1);

export const twoDecimals = (n: number | null | undefined): number | null =>
  n === null || n === undefined ? null : round(Number(n), 2);

/** Both periods' counts per key → a table in the given key order, then any other key seen, with its total. */
export function countTable<K extends string>(
  keys: readonly K[],
  current: ReadonlyMap<K, number>,
  previous: ReadonlyMap<K, number>,
  options: { keepZero?: boolean } = {},
): CountTable<K> {
  const all = [...keys, ...[...current.keys(), ...previous.keys()].filter((k) => !keys.includes(k))];
  const unique = [...new Set(all)];
  const rows: CountRow<K>[] = unique
    .map((key) => ({ key, ...countCompared(current.get(key) ?? 0, previous.get(key) ?? 0) }))
    .filter((r) => options.keepZero !== false || r.current > 0 || r.previous > 0);
  const sum = (m: ReadonlyMap<K, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return { rows, total: countCompared(sum(current), sum(previous)) };
}

/** Groups `{cur, key, n}` rows into the two periods' maps. */
export function splitCounts<K extends string>(
  rows: ReadonlyArray<{ cur: boolean; key: K; n: number }>,
): { current: Map<K, number>; previous: Map<K, number> } {
  const current = new Map<K, number>();
  const previous = new Map<K, number>();
  for (const r of rows) {
    const m = r.cur ? current : previous;
    m.set(r.key, (m.get(r.key) ?? 0) + r.n);
  }
  return { current, previous };
}

export const emptyDays = (): DaysFigures => ({
  total: 0,
  withinDeadline: 0,
  withinDeadlineShare: null,
  medianDays: null,
  p90Days: null,
});

export function daysFigures(
  row: { n: number; within: number; median: number | null; p90: number | null } | undefined,
): DaysFigures {
  if (!row) return emptyDays();
  return {
    total: row.n,
    withinDeadline: row.within,
    withinDeadlineShare: share(row.within, row.n),
    medianDays: oneDecimal(row.median),
    p90Days: oneDecimal(row.p90),
  };
}

/** How a figure is compared with the period before: as a count, or with its change rounded to so many decimals. */
type Comparison<V> = V extends number ? 'count' | number : V extends number | null ? number : never;

type ComparedFigures<S> = { [K in keyof S]: S[K] extends 'count' ? CountCompared : Compared };

/**
 * A section's figures for both periods, then each figure named in `comparisons` compared across them, in that
 * order: `{ current, previous, total: CountCompared, medianDays: Compared, … }`.
 */
export function comparedPeriods<F, S extends { [K in keyof F]?: Comparison<F[K]> }>(
  figures: (cur: boolean) => F,
  comparisons: S,
): { current: F; previous: F } & ComparedFigures<S> {
  const current = figures(true);
  const previous = figures(false);
  const result: Record<string, unknown> = { current, previous };
  for (const [key, comparison] of Object.entries(comparisons) as Array<[keyof F & string, 'count' | number]>) {
    const now = current[key] as number | null;
    const before = previous[key] as number | null;
    result[key] =
      comparison === 'count' ? countCompared(now as number, before as number) : compared(now, before, comparison);
  }
  return result as { current: F; previous: F } & ComparedFigures<S>;
}
