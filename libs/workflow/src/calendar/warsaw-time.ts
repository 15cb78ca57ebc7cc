import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, endOfDay, format, getDay } from 'date-fns';
import { assertLocalDate, type LocalDate } from '../local-date';

/** The office's zone: every legal day count is in Warsaw days, whatever zone the server runs in. */
export const OFFICE_TIME_ZONE = 'Europe/Warsaw';

/** Midnight of a Warsaw day as a zoned date, so date-fns arithmetic stays on Warsaw wall-clock days. */
export function toWarsawDay(d: LocalDate): TZDate {
  assertLocalDate(d);
  const [y, m, day] = d.split('-').map(Number);
  return new TZDate(y, m - 1, day, OFFICE_TIME_ZONE);
}

function fromWarsawDay(d: TZDate): LocalDate {
  return format(d, 'yyyy-MM-dd');
}

/** The Warsaw calendar day an instant falls on (23:30 Warsaw on 14 March is 14 March, though UTC says otherwise). */
export function warsawDate(instant: Date): LocalDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid instant');
  return fromWarsawDay(new TZDate(instant.getTime(), OFFICE_TIME_ZONE));
}

/** 23:59:59.999 Warsaw time on that day, as an instant. */
export function endOfWarsawDay(d: LocalDate): Date {
  return new Date(endOfDay(toWarsawDay(d)).getTime());
}

/** Calendar days; negative goes back. */
export function addCalendarDays(d: LocalDate, n: number): LocalDate {
  return fromWarsawDay(addDays(toWarsawDay(d), n));
}

/** Calendar months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb), as KPA art. 57 § 3 wants. */
export function addCalendarMonths(d: LocalDate, n: number): LocalDate {
  return fromWarsawDay(addMonths(toWarsawDay(d), n));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: LocalDate): number {
  return getDay(toWarsawDay(d));
}

/** Warsaw calendar days from the day of `now` to the day of `due`: 0 on the day itself, negative once past. */
export function calendarDaysUntil(now: Date, due: Date): number {
  const utcDay = (d: LocalDate) => {
    const [y, m, day] = d.split('-').map(Number);
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((utcDay(warsawDate(due)) - utcDay(warsawDate(now))) / 86_400_000);
}
