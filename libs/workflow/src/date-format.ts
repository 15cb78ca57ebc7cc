import { isLocalDate } from './local-date';

// The one date format per language for every surface: SPA cards and tables, explanations, e-mails, exports.

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function locale(lang: string): string {
  return lang === 'en' ? 'en-GB' : 'pl-PL';
}

/** Building an Intl formatter costs far more than using one (a digest of 50 lines formats 100 dates). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale(lang)}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), options);
    formatters.set(key, f);
  }
  return f;
}

/**
 * A calendar date: `YYYY-MM-DD` as it stands (no time-zone shift), or the date of an instant in the
 * office's zone (legal deadlines are dates in Europe/Warsaw).
 */
export function formatDate(value: string | null | undefined, lang: string): string {
  if (!value) {
    return '';
  }
  const m = LOCAL_DATE.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return formatter(lang, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: m ? 'UTC' : 'Europe/Warsaw',
  }).format(date);
}

/**
 * An instant with its time. In the SPA the zone is the browser's (the one the date-time inputs use); the API
 * (e-mails, exports) passes the office's zone, Europe/Warsaw.
 */
export function formatDateTime(value: string | null | undefined, lang: string, timeZone?: string): string {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return formatter(lang, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

const DATES_IN_TEXT = /\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{2})\.(\d{2})\.(\d{4})\b/g;

/**
 * A text with every calendar date in it (`YYYY-MM-DD` or `DD.MM.YYYY`) written in the language's one format:
 * explanations stored with a case before dates were formatted per language still read in one format.
 */
export function localizeDates(text: string, lang: string): string {
  return text.replace(
    DATES_IN_TEXT,
    (match, y1: string, m1: string, d1: string, d2: string, m2: string, y2: string) => {
      const iso = y1 ? `${y1}-${m1}-${d1}` : `${y2}-${m2}-${d2}`;
      return isLocalDate(iso) ? formatDate(iso, lang) : match;
    },
  );
}

/** A period of calendar dates, both ends in the language's form: "01.01.2025 – 31.12.2025". */
export function formatPeriod(p: { from: string; to: string }, lang: string): string {
  return `${formatDate(p.from, lang)} – ${formatDate(p.to, lang)}`;
}
