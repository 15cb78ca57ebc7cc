import { Pipe, PipeTransform } from '@angular/core';
import { formatDate, formatDateTime, localizeDates } from '@pu/workflow';

export { formatDate, formatDateTime, localizeDates };

const pad = (n: number): string => String(n).padStart(2, '0');

/** The value of `<input type="datetime-local">` for an instant, in the browser's time zone: `YYYY-MM-DDTHH:mm`. */
export function toDateTimeInput(value: Date | string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) {
    return '';
  }
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The instant a `datetime-local` value means in the browser's time zone, as ISO 8601 (UTC);
 * null when empty or not a valid date and time.
 */
export function fromDateTimeInput(value: string | null | undefined): string | null {
  if (!value) {
    return null;
  }
  // A date-time without an offset is local time (ECMAScript Date Time String Format).
  const d = new Date(value.length === 16 ? `${value}:00` : value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Today's date in the browser's time zone, `YYYY-MM-DD` (for `<input type="date">`). */
export function todayDateInput(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
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
