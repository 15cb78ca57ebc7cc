// The values date inputs keep in a form, the same a native `<input type="date">` (`YYYY-MM-DD`) or
// `datetime-local` (`YYYY-MM-DDTHH:mm`, wall-clock time in the office's zone) had, and the Date a picker shows for them.

const pad = (n: number): string => String(n).padStart(2, '0');
const VALUE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** The local Date a form value means (midnight for a date alone); null when empty or not a real day and time. */
export function dateFromInput(value: string): Date | null {
  const m = VALUE.exec(value);
  if (!m) {
    return null;
  }
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number);
  const date = new Date(y, mo - 1, d, h, mi);
  const real = date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d && h < 24 && mi < 60;
  return real ? date : null;
}

/** The form value of a picked day (`YYYY-MM-DD`) or of a day and the time of another Date (`YYYY-MM-DDTHH:mm`). */
export function dateInputFrom(day: Date, time: Date | null): string {
  const date = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
  return time ? `${date}T${pad(time.getHours())}:${pad(time.getMinutes())}` : date;
}
