import type { CaseSort } from '@pu/contracts';
import { ANY_YEAR, readInstant, message } from '@pu/workflow';
import { DomainError } from '../common/domain-error';

/**
 * A page cursor of the case list: base64url of `[sort, key, id]`, the sort it was issued for, the sort column's
 * value as the list query writes it (`to_char(… 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, year 9999 for a case without
 * a deadline) and the row's id. It is opaque to clients, but anyone can edit one, so every part is checked
 * before it reaches SQL: a cursor of another sort would silently skip or repeat rows.
 */
const SORT_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function encodeCursor(sort: CaseSort, key: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');
}

/** The sort key and id of a cursor issued for `sort`; anything else is INVALID_CURSOR (422). */
export function decodeCursor(cursor: string, sort: CaseSort): { key: string; id: string } {
  const parsed = BASE64URL.test(cursor) ? parseJson(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  if (Array.isArray(parsed) && parsed.length === 3) {
    const [cursorSort, key, id] = parsed as unknown[];
    if (
      cursorSort === sort &&
      typeof key === 'string' &&
      SORT_KEY.test(key) &&
      'at' in readInstant(key, ANY_YEAR) &&
      typeof id === 'string' &&
      UUID.test(id)
    )
      return { key, id };
  }
  throw new DomainError('INVALID_CURSOR', message('http.invalidCursor'), {
    cursor: [message('http.invalidCursorField')],
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
