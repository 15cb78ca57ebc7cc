import type { Compared, CountCompared, HeadlineFigure, MonthCounts, QualityReport } from '@pu/contracts';
import { CASE_KINDS, type CaseKind, type Period } from '@pu/workflow';

/** One chart as data: the same rows feed the canvas and the table beside it. */
export interface ChartSpec {
  kind: 'bar' | 'stacked' | 'horizontal';
  /** Row labels (x axis, or y for horizontal bars). */
  labels: string[];
  series: Array<{ label: string; values: Array<number | null>; format?: 'count' | 'share' }>;
}

/** Colour-blind-safe (Okabe–Ito) fills with at least 3:1 against white; the tables carry the same values. */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#6A6A6A'] as const;

const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'pl-PL');

export function formatNumber(value: number | null, lang: string, digits = 1): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(value);
}

export function formatShare(value: number | null, lang: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** A figure as its unit reads: a count, a share in per cent, days. */
export function formatFigure(value: number | null, unit: HeadlineFigure['unit'], lang: string): string {
  if (unit === 'share') return formatShare(value, lang);
  return formatNumber(value, lang, unit === 'count' ? 0 : 1);
}

/** "+7", "−2,5", "+5 p.p." (percentage points for shares); null when nothing to compare. */
export function formatChange(c: Compared, unit: HeadlineFigure['unit'], lang: string): string | null {
  if (c.change === null) return null;
  const sign = c.change > 0 ? '+' : c.change < 0 ? '−' : '±';
  const abs = Math.abs(c.change);
  if (unit === 'share') return `${sign}${formatNumber(abs * 100, lang)} ${lang === 'en' ? 'pp' : 'p.p.'}`;
  return `${sign}${formatNumber(abs, lang, unit === 'count' ? 0 : 1)}`;
}

export type Direction = 'up' | 'down' | 'same' | 'none';
export const directionOf = (c: Compared | CountCompared): Direction =>
  c.change === null ? 'none' : c.change > 0 ? 'up' : c.change < 0 ? 'down' : 'same';

/** The year of a period that is exactly one calendar year, else null. */
export function yearOf(p: Period): number | null {
  const y = p.from.slice(0, 4);
  return p.from === `${y}-01-01` && p.to === `${y}-12-31` ? Number(y) : null;
}

/** "2030" or "1.04.2030–30.06.2030"-style label is the page's; this gives the bare pair for the year case. */
export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export function monthsChart(
  months: MonthCounts[],
  kindLabel: (k: CaseKind) => string,
  monthLabel: (m: string) => string,
): ChartSpec {
  return {
    kind: 'stacked',
    labels: months.map((m) => monthLabel(m.month)),
    series: CASE_KINDS.map((k) => ({ label: kindLabel(k), values: months.map((m) => m.byKind[k]) })),
  };
}

/** Current against previous for rows of a count table. */
export function comparedChart(
  rows: Array<{ label: string; current: number; previous: number }>,
  names: { current: string; previous: string },
  kind: ChartSpec['kind'] = 'bar',
): ChartSpec {
  return {
    kind,
    labels: rows.map((r) => r.label),
    series: [
      { label: names.current, values: rows.map((r) => r.current) },
      { label: names.previous, values: rows.map((r) => r.previous) },
    ],
  };
}

export function settlementChart(
  r: QualityReport,
  kindLabel: (k: CaseKind) => string,
  names: { total: string; current: string; previous: string },
): ChartSpec {
  const rows = [
    { label: names.total, current: r.settlement.current, previous: r.settlement.previous },
    ...r.settlement.byKind.map((k) => ({ label: kindLabel(k.kind), current: k.current, previous: k.previous })),
  ];
  return {
    kind: 'bar',
    labels: rows.map((x) => x.label),
    series: [
      { label: names.current, values: rows.map((x) => x.current.withinDeadlineShare), format: 'share' },
      { label: names.previous, values: rows.map((x) => x.previous.withinDeadlineShare), format: 'share' },
    ],
  };
}
