import { DomainError } from '../common/domain-error';
import { decodeCursor, encodeCursor } from './case-cursor';

const ID = '0b7f3c1e-5d2a-4c6b-9e8f-1a2b3c4d5e6f';
const KEY = '2026-11-30T08:00:00.000000Z';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function refusal(cursor: string, sort: Parameters<typeof decodeCursor>[1] = 'deadline'): DomainError {
  try {
    decodeCursor(cursor, sort);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`accepted ${Buffer.from(cursor, 'base64url').toString('utf8')}`);
}

describe('case list cursors', () => {
  it('round-trips what the list issues, a case without a deadline included', () => {
    expect(decodeCursor(encodeCursor('deadline', KEY, ID), 'deadline')).toEqual({ key: KEY, id: ID });
    const none = '9999-12-31T00:00:00.000000Z';
    expect(decodeCursor(encodeCursor('-deadline', none, ID), '-deadline')).toEqual({ key: none, id: ID });
  });

  it.each([
    ['of another sort', encodeCursor('received', KEY, ID)],
    ['with a key that is not a date', raw(['deadline', 'abc', ID])],
    ['with a key of another type', raw(['deadline', 20261130, ID])],
    ['with a week-date key', raw(['deadline', '2026-W05-3', ID])],
    ['with a day that does not exist', raw(['deadline', '2026-02-30T08:00:00.000000Z', ID])],
    ['with a key in another form', raw(['deadline', '2026-11-30T08:00:00Z', ID])],
    ['with an id of the right length that is not a UUID', raw(['deadline', KEY, 'z'.repeat(36)])],
    ['with an id of dashes', raw(['deadline', KEY, '-'.repeat(36)])],
    ['with a NUL byte in the id', raw(['deadline', KEY, `${ID.slice(0, 35)}\u0000`])],
    ['with a NUL byte in the key', raw(['deadline', `${KEY}\u0000`, ID])],
    ['with a control character', raw(['deadline\n', KEY, ID])],
    ['with too few parts', raw([KEY, ID])],
    ['with too many parts', raw(['deadline', KEY, ID, 'x'])],
    ['that is an object', raw({ sort: 'deadline', key: KEY, id: ID })],
    ['that is not JSON', Buffer.from('[deadline').toString('base64url')],
    ['that is not base64url', `${encodeCursor('deadline', KEY, ID)}==`],
    ['that is empty', ''],
  ])('refuses a cursor %s as INVALID_CURSOR naming the field', (_name, cursor) => {
    const error = refusal(cursor);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('INVALID_CURSOR');
    expect(error.text).toEqual({
      pl: expect.stringMatching(/^Nieprawidłowy kursor/),
      en: expect.stringMatching(/^Invalid page cursor/),
    });
    expect(Object.keys(error.fields ?? {})).toEqual(['cursor']);
  });
});
