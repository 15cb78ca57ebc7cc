import { Pipe, PipeTransform } from '@angular/core';
import { TZDate } from '@date-fns/tz';
import { OFFICE_TIME_ZONE, formatDate, formatDateTime as formatInstant, localizeDates } from '@pu/workflow';

export { formatDate, localizeDates };

// Times are read and written in the office's zone, whatever the browser's is: a deadline counts from the Warsaw day
// an event happened on, so a laptop left on UTC must not show 23:40 for a letter received at 00:40.

const pad = (n: number): string => String(n).padStart(2, '0');
const INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** An instant with its time, in the office's zone (see `formatDateTime` in @pu/workflow). */
export function formatDateTime(value: string | null | undefined, lang: string): string {
  return formatInstant(value, lang, OFFICE_TIME_ZONE);
}

/** The value of a date-time input (`YYYY-MM-DDTHH:mm`) for an instant, in the office's zone. */
export function toDateTimeInput(value: Date | string): string {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) {
    return '';
  }
  const d = new TZDate(ms, OFFICE_TIME_ZONE);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The instant a date-time input's value means in the office's zone, as ISO 8601 (UTC); null when empty or not a
 * real day and time.
 */
export function fromDateTimeInput(value: string | null | undefined): string | null {
  const m = INPUT.exec(value ?? '');
  if (!m) {
    return null;
  }
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) {
    return null;
  }
  const at = new TZDate(y, mo - 1, d, h, mi, s, OFFICE_TIME_ZONE);
  // 31 April rolls over to 1 May: not a real day.
  return at.getDate() === d ? new Date(at.getTime()).toISOString() : null;
}

/** Today's date in the office's zone, `YYYY-MM-DD` (for a date input). */
export function todayDateInput(now: Date = new Date()): string {
  return toDateTimeInput(now).slice(0, 10);
}

/** `{{ due | puDate: lang() }}` — see `formatDate`. */
@Pipe({ name: 'puDate' })
export class PuDatePipe implements PipeTransform {
  transform(value: string | null | undefined, lang: string): string {
    return formatDate(value, lang);
  }
}

/** `{{ at | puDateTime: lang() }}` — see `formatDateTime`. */
@Pipe({ name: 'puDateTime' })
export class PuDateTimePipe implements PipeTransform {
  transform(value: string | null | undefined, lang: string): string {
    return formatDateTime(value, lang);
  }
}
