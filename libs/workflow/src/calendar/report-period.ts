import { addCalendarDays, addCalendarMonths, toWarsawDay } from './warsaw-time';
import { DATE_YEARS, isLocalDate, type LocalDate } from '../local-date';
import type { LocalizedText } from '../localized-text';

/** Inclusive Warsaw days. */
export interface Period {
  from: LocalDate;
  to: LocalDate;
}

/** The longest period one report covers: three years keeps a ranking readable and a query bounded. */
export const MAX_REPORT_DAYS = 3 * 366;

/**
 * Days around an improvement action's completion over which the complaints of its category are compared:
 * a quarter on each side, long enough to smooth a week's noise, short enough to show the action's effect.
 */
export const IMPROVEMENT_WINDOW_DAYS = 90;

export type PeriodResult =
  { ok: true; period: Period } | { ok: false; field: 'year' | 'from' | 'to'; message: LocalizedText };

const fail = (field: 'year' | 'from' | 'to', pl: string, en: string): PeriodResult => ({
  ok: false,
  field,
  message: { pl, en },
});

/** Whole days from `from` to `to`, both counted. */
export function periodDays(p: Period): number {
  return Math.round((toWarsawDay(p.to).getTime() - toWarsawDay(p.from).getTime()) / 86_400_000) + 1;
}

/** `?year=` or `?from=&to=` (not both), as the report's period. */
export function parseReportPeriod(q: { year?: string; from?: string; to?: string }): PeriodResult {
  if (q.year !== undefined) {
    if (q.from !== undefined || q.to !== undefined)
      return fail('year', 'Podaj rok albo zakres dat (od–do), nie oba.', 'Give a year or a date range, not both.');
    const year = /^\d{4}$/.test(q.year) ? Number(q.year) : NaN;
    if (!(year >= DATE_YEARS.min && year <= DATE_YEARS.max))
      return fail('year', 'Rok: cztery cyfry, np. 2026.', 'Year: four digits, e.g. 2026.');
    return { ok: true, period: { from: `${year}-01-01`, to: `${year}-12-31` } };
  }
  if (q.from === undefined && q.to === undefined)
    return fail('year', 'Podaj rok (year) albo zakres dat (from i to).', 'Give a year, or from and to.');
  if (!isLocalDate(q.from)) return fail('from', 'Data „od”: RRRR-MM-DD.', '"From" date: YYYY-MM-DD.');
  if (!isLocalDate(q.to)) return fail('to', 'Data „do”: RRRR-MM-DD.', '"To" date: YYYY-MM-DD.');
  if (q.to < q.from)
    return fail('to', 'Data „do” nie może być wcześniejsza niż „od”.', '"To" may not be before "from".');
  const period = { from: q.from, to: q.to };
  if (periodDays(period) > MAX_REPORT_DAYS)
    return fail('to', 'Raport obejmuje najwyżej trzy lata.', 'A report covers at most three years.');
  return { ok: true, period };
}

const isMonthStart = (d: LocalDate) => d.endsWith('-01');
const isMonthEnd = (d: LocalDate) => addCalendarDays(d, 1).endsWith('-01');

/**
 * The period the report compares with: the same number of whole months just before a period of whole months
 * (a year against the year before, February against January), otherwise the same number of days just before.
 */
export function previousPeriod(p: Period): Period {
  const to = addCalendarDays(p.from, -1);
  if (isMonthStart(p.from) && isMonthEnd(p.to)) {
    const [fy, fm] = p.from.split('-').map(Number);
    const [ty, tm] = p.to.split('-').map(Number);
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    return { from: addCalendarMonths(p.from, -months), to };
  }
  return { from: addCalendarDays(p.from, -(periodDays(p) - 1) - 1), to };
}

/** The instants [start, end) of a period's Warsaw days, for `received_at >= start AND received_at < end`. */
export function periodInstants(p: Period): { start: Date; end: Date } {
  return {
    start: new Date(toWarsawDay(p.from).getTime()),
    end: new Date(toWarsawDay(addCalendarDays(p.to, 1)).getTime()),
  };
}

export type Trend = 'up' | 'down' | 'same' | 'new' | 'gone';

/** How an area moved against the period before: new when it had no complaints then, gone when it has none now. */
export function trendOf(current: number, previous: number): Trend {
  if (previous === 0 && current > 0) return 'new';
  if (current === 0 && previous > 0) return 'gone';
  return current > previous ? 'up' : current < previous ? 'down' : 'same';
}

/** Standard competition ranking (1, 2, 2, 4) by descending count. */
export function competitionRanks(counts: readonly number[]): number[] {
  return counts.map((c) => 1 + counts.filter((o) => o > c).length);
}

/**
 * A period as the whole Warsaw months it contains (`YYYY-MM`) and the days around them that make no whole month
 * (at most one run before and one after), so a report can read monthly sums for the months and cases for the rest.
 */
export function splitByMonths(p: Period): { months: string[]; rest: Period[] } {
  const months: string[] = [];
  const rest: Period[] = [];
  let day = p.from;
  while (day <= p.to) {
    const monthEnd = addCalendarDays(addCalendarMonths(`${day.slice(0, 7)}-01`, 1), -1);
    const end = monthEnd < p.to ? monthEnd : p.to;
    if (isMonthStart(day) && end === monthEnd) months.push(day.slice(0, 7));
    else if (rest.length && addCalendarDays(rest[rest.length - 1].to, 1) === day) rest[rest.length - 1].to = end;
    else rest.push({ from: day, to: end });
    day = addCalendarDays(end, 1);
  }
  return { months, rest };
}
