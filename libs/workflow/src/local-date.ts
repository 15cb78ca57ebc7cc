/** A calendar day in Europe/Warsaw, 'YYYY-MM-DD'. */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * The one grammar for instants: RFC 3339 date-time (its section 5.6) with an upper-case `T` and `Z`, seconds
 * required, at most nine fraction digits and an offset of `Z` or `±HH:MM`. An offset is mandatory: a wall-clock
 * time without one is ambiguous (which zone? which side of a DST change?). Other ISO 8601 forms (week and
 * ordinal dates, `T10Z`, `10:00:00,5`, `+01`, `+0100`) are refused rather than guessed at.
 */
const RFC3339_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.(\d{1,9}))?(?:Z|([+-])([01]\d|2[0-3]):([0-5]\d))$/;

/** The grammar of RFC3339_INSTANT as an OpenAPI `pattern`. */
export const INSTANT_PATTERN = RFC3339_INSTANT.source;
export const LOCAL_DATE_PATTERN = LOCAL_DATE.source;

/**
 * Years a case's dates can plausibly fall in. Anything outside is a typing slip (20266, 0202), and dates near
 * the end of year 9999 would make a deadline computed from them (+14 days, +1 month) unrepresentable.
 */
export const DATE_YEARS = { min: 1900, max: 2199 } as const;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS_IN_MONTH[m - 1] + (m === 2 && leap ? 1 : 0);
}

const isPlausibleDay = (y: number, m: number, d: number) =>
  y >= DATE_YEARS.min && y <= DATE_YEARS.max && isRealDay(y, m, d);

/** True for a real calendar day in 'YYYY-MM-DD' form within DATE_YEARS (rejects 2026-02-30): for input. */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = LOCAL_DATE.exec(value);
  return !!m && isPlausibleDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Any four-digit year: for values the server wrote itself (a list cursor), which may run past DATE_YEARS. */
export const ANY_YEAR = { min: 0, max: 9999 } as const;

export type InstantProblem = 'form' | 'range';

/**
 * Reads an instant in the one accepted grammar (RFC3339_INSTANT) on a real calendar day within `years`.
 * The value is computed from its parts, not by `Date`'s lenient parser, and must agree with `Date.parse`, so
 * that any code later holding the same text reads the same instant.
 */
export function readInstant(
  value: unknown,
  years: { min: number; max: number } = DATE_YEARS,
): { at: Date } | { problem: InstantProblem } {
  if (typeof value !== 'string') return { problem: 'form' };
  const m = RFC3339_INSTANT.exec(value);
  if (!m) return { problem: 'form' };
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (!isRealDay(y, mo, d)) return { problem: 'form' };
  if (y < years.min || y > years.max) return { problem: 'range' };
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offsetMinutes = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) : 0;
  const utc = new Date(0);
  // setUTCFullYear, not Date.UTC, which maps years 0–99 to 1900–1999.
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi - offsetMinutes, s, ms);
  const time = utc.getTime();
  if (Number.isNaN(time) || Date.parse(value) !== time) return { problem: 'form' };
  return { at: utc };
}

/** The instant written in the accepted grammar within DATE_YEARS, or null. */
export function parseInstant(value: unknown): Date | null {
  const read = readInstant(value);
  return 'at' in read ? read.at : null;
}

/** True for an instant in the accepted grammar (RFC3339_INSTANT) on a real calendar day within DATE_YEARS. */
export function isIsoInstant(value: unknown): value is string {
  return parseInstant(value) !== null;
}

/** Whether a local date fails by its form or only by its year (for the message). */
export function localDateProblem(value: unknown): InstantProblem | null {
  if (isLocalDate(value)) return null;
  const m = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  return m && isRealDay(Number(m[1]), Number(m[2]), Number(m[3])) ? 'range' : 'form';
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
