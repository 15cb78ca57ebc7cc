import { message } from './i18n/message';
import type { LocalizedText } from './localized-text';
import type { CaseKind } from './case-kinds';

/**
 * Reference numbers follow the uniform file classification (JRWA): department symbol, JRWA
 * symbol, number in the year's register, year – e.g. 'OR.1510.12.2026'.
 *
 * Only complaints have a fixed JRWA symbol (1510, skargi i wnioski). The other kinds are internal
 * records whose symbol depends on the office's own JRWA, so their defaults use a two-letter mark
 * that cannot clash with the complaint register; administrators are expected to configure them.
 */
export const DEFAULT_REFERENCE_FORMATS: Readonly<Record<CaseKind, { jrwa: string; format: string }>> = {
  complaint: { jrwa: '1510', format: '{department}.1510.{n}.{yyyy}' },
  office_error: { jrwa: 'PU', format: '{department}.{jrwa}.{n}.{yyyy}' },
  refusal: { jrwa: 'DO', format: '{department}.{jrwa}.{n}.{yyyy}' },
  aggressive_client: { jrwa: 'AK', format: '{department}.{jrwa}.{n}.{yyyy}' },
};

/** A JRWA symbol as the office writes it (after trimming), e.g. "1510". */
export const JRWA_SYMBOL = /^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/;

/** How a format is shown to people: the reference it gives to this department and number in a given year. */
export const EXAMPLE_REFERENCE = { department: 'OR', n: 12 } as const;

export function exampleReference(format: string, jrwa: string, year: number): string {
  return formatReference(format, { ...EXAMPLE_REFERENCE, jrwa, year });
}

const TOKEN = /\{([^{}]*)\}/g;
const KNOWN_TOKENS = new Set(['department', 'jrwa', 'n', 'yyyy']);

/**
 * The message for an unusable format, or null. Each department keeps its own register and numbers restart
 * each year, so {n} needs both {department} and {yyyy} to keep references unique.
 */
export function validateReferenceFormat(format: string): LocalizedText | null {
  if (typeof format !== 'string' || !format.trim()) return message('reference.formatRequired');
  const unknown = [...format.matchAll(TOKEN)].map((m) => m[1]).filter((t) => !KNOWN_TOKENS.has(t));
  if (unknown.length) return message('reference.unknownTokens', { tokens: unknown.map((t) => `{${t}}`).join(', ') });
  if (/[{}]/.test(format.replace(TOKEN, ''))) return message('reference.unpairedBrace');
  if (!format.includes('{n}') || !format.includes('{yyyy}') || !format.includes('{department}'))
    return message('reference.formatPieces');
  if (format.length > 100) return message('reference.formatTooLong', { max: 100 });
  return null;
}

export interface ReferenceRegister {
  kind: CaseKind;
  jrwa: string;
  format: string;
}

/**
 * The kind whose register would issue the same references as `candidate`, or null. Registers are compared by
 * the reference each gives to the same department, number and year.
 */
export function clashingRegister(candidate: ReferenceRegister, others: readonly ReferenceRegister[]): CaseKind | null {
  const sample = (r: ReferenceRegister) =>
    formatReference(r.format, { department: 'X', jrwa: r.jrwa, n: 1, year: 2000 });
  const mine = sample(candidate);
  return others.find((o) => o.kind !== candidate.kind && sample(o) === mine)?.kind ?? null;
}

export interface ReferenceParts {
  department: string;
  jrwa: string;
  year: number;
}

/**
 * The reference a register issues, without its number: the literal text between the occurrences of {n}.
 * The database joins them with the number its counter hands out in the same statement, so the number is
 * gap-free and the formatting still happens only here.
 */
export function referencePieces(format: string, v: ReferenceParts): string[] {
  const problem = validateReferenceFormat(format);
  if (problem) throw new RangeError(problem.en);
  if (!Number.isInteger(v.year) || v.year < 1000 || v.year > 9999) throw new RangeError(`Invalid year: ${v.year}`);
  const values: Record<string, string> = { department: v.department.trim(), jrwa: v.jrwa.trim(), yyyy: String(v.year) };
  return format.split('{n}').map((piece) => piece.replace(TOKEN, (_, token: string) => values[token]));
}

export function formatReference(format: string, v: ReferenceParts & { n: number }): string {
  const pieces = referencePieces(format, v);
  if (!Number.isInteger(v.n) || v.n < 1) throw new RangeError(`Register number must be a positive integer, got ${v.n}`);
  return pieces.join(String(v.n));
}
