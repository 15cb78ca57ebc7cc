import Holidays from 'date-holidays';
import { assertLocalDate, type LocalDate } from '../local-date';
import type { LocalizedText } from '../localized-text';
import { addCalendarDays, dayOfWeek } from './warsaw-time';

// Public holidays (dni ustawowo wolne od pracy) come from date-holidays, not a hand-kept list.
// Checked against the installed data (3.37): 24 December is a public holiday from 2025 on
// (ustawa z 6 grudnia 2024), and not before – no local correction is needed. The spec
// 'polish-calendar.spec.ts' fails if a data update ever loses it.

let holidaysApi: Holidays | undefined;
const byYear = new Map<number, Map<LocalDate, LocalizedText>>();

// Built on first use, so importing the package (e.g. for workflow definitions) costs nothing.
function holidaysOf(year: number): Map<LocalDate, LocalizedText> {
  let map = byYear.get(year);
  if (map) return map;
  holidaysApi ??= new Holidays('PL', { types: ['public'] });
  const pl = holidaysApi.getHolidays(year, 'pl');
  const en = holidaysApi.getHolidays(year, 'en');
  map = new Map();
  for (const h of pl) {
    if (h.type !== 'public') continue;
    // `date` is the local (Europe/Warsaw) start, 'YYYY-MM-DD hh:mm:ss'.
    const day = h.date.slice(0, 10);
    const english = en.find((e) => e.date === h.date && e.type === 'public')?.name ?? h.name;
    map.set(day, { pl: h.name, en: english });
  }
  byYear.set(year, map);
  return map;
}

/** Name of the public holiday on that day, in Polish and English, or null. */
export function polishHolidayName(d: LocalDate): LocalizedText | null {
  assertLocalDate(d);
  return holidaysOf(Number(d.slice(0, 4))).get(d) ?? null;
}

/** Polish name of the public holiday on that day, or null. */
export function polishHoliday(d: LocalDate): string | null {
  return polishHolidayName(d)?.pl ?? null;
}

export type NonWorkingReason = 'saturday' | 'sunday' | 'holiday';

/** Why the office is closed that day, or null on a working day. A holiday on a weekend counts as the holiday. */
export function nonWorkingReason(d: LocalDate): NonWorkingReason | null {
  const dow = dayOfWeek(d);
  if (polishHolidayName(d)) return 'holiday';
  if (dow === 6) return 'saturday';
  if (dow === 0) return 'sunday';
  return null;
}

export function isWorkingDay(d: LocalDate): boolean {
  return nonWorkingReason(d) === null;
}

export function nextWorkingDayOnOrAfter(d: LocalDate): LocalDate {
  let day = d;
  while (!isWorkingDay(day)) day = addCalendarDays(day, 1);
  return day;
}

/**
 * Counts n working days after d (d itself is not counted); negative n counts back.
 * n = 0 gives d if it is a working day, else the next one.
 */
export function addWorkingDays(d: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be an integer, got ${n}`);
  if (n === 0) return nextWorkingDayOnOrAfter(d);
  const step = n > 0 ? 1 : -1;
  let day = d;
  for (let left = Math.abs(n); left > 0;) {
    day = addCalendarDays(day, step);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: LocalDate, to: LocalDate): number {
  if (from === to) return 0;
  const [a, b, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = addCalendarDays(a, 1); day <= b; day = addCalendarDays(day, 1)) if (isWorkingDay(day)) count++;
  return sign * count;
}

/** Whole and fractional hours between two instants, e.g. from discovering an error to informing the client. */
export function hoursBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 3_600_000;
}
