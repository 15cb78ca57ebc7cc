/** A calendar day in Europe/Warsaw, 'YYYY-MM-DD'. */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An offset is mandatory: a wall-clock time without one is ambiguous (which zone? which side of a DST change?).
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

/**
 * Years a case's dates can plausibly fall in. Anything outside is a typing slip (20266, 0202), and dates near
 * the end of year 9999 would make a deadline computed from them (+14 days, +1 month) unrepresentable.
 */
export const DATE_YEARS = { min: 1900, max: 2199 } as const;

function isRealDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids any zone in a pure check.
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const isPlausibleDay = (y: number, m: number, d: number) =>
  y >= DATE_YEARS.min && y <= DATE_YEARS.max && isRealDay(y, m, d);

/** True for a real calendar day in 'YYYY-MM-DD' form within DATE_YEARS (rejects 2026-02-30): for input. */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = LOCAL_DATE.exec(value);
  return !!m && isPlausibleDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True for an ISO 8601 instant with an explicit offset on a real calendar day within DATE_YEARS: for input. */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_INSTANT.exec(value);
  return !!m && isPlausibleDay(Number(m[1]), Number(m[2]), Number(m[3])) && !Number.isNaN(Date.parse(value));
}

/**
 * True when an ISO 8601 date or date-time (already checked for form) begins with a four-digit year within
 * DATE_YEARS: the range check for every date a user types, whatever else its format allows.
 */
export function hasPlausibleYear(value: string): boolean {
  const year = /^(\d{4})-/.exec(value);
  return !!year && Number(year[1]) >= DATE_YEARS.min && Number(year[1]) <= DATE_YEARS.max;
}

/** For computed dates, which may run past DATE_YEARS (a deadline after 31.12.2199): only the form is checked. */
export function assertLocalDate(value: string, what = 'date'): void {
  const m = LOCAL_DATE.exec(value);
  if (!m || !isRealDay(Number(m[1]), Number(m[2]), Number(m[3])))
    throw new RangeError(`Invalid ${what}: ${JSON.stringify(value)} (expected YYYY-MM-DD)`);
}

/** '2026-08-15' → '15.08.2026', the way dates are written in Polish letters. */
export function formatPolishDate(d: LocalDate): string {
  const [y, m, day] = d.split('-');
  return `${day}.${m}.${y}`;
}
