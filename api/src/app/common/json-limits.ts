import { message } from '@pu/workflow';
import { DomainError } from './domain-error';

/**
 * Far above any real request (the SPA's bodies nest a few levels and hold a few dozen fields), and far below
 * what recursive code downstream survives: class-transformer and class-validator walk a body
 * recursively, and a few thousand levels overflow the stack.
 */
export const JSON_LIMITS = { depth: 32, keys: 10_000 } as const;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]

/**
 * Which limit a JSON text passes, found in one loop over its characters before anything parses it (so without
 * recursion of its own): the nesting depth of objects and arrays, and the number of object keys in all (each
 * key is followed by the one colon outside strings). Text that is not JSON may be counted oddly; the parser
 * refuses it anyway.
 */
export function exceededJsonLimit(text: string, limits: { depth: number; keys: number } = JSON_LIMITS) {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPEN.has(c)) {
      if (++depth > limits.depth) return 'depth';
    } else if (CLOSE.has(c)) depth--;
    else if (c === COLON && ++keys > limits.keys) return 'keys';
  }
  return null;
}

export const jsonTooComplex = (limit: 'depth' | 'keys') =>
  new DomainError(
    'MALFORMED_JSON',
    limit === 'depth'
      ? message('http.jsonTooDeep', { max: JSON_LIMITS.depth })
      : message('http.jsonTooManyKeys', { max: JSON_LIMITS.keys }),
  );
