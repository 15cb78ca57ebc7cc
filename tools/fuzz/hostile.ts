import type { Random } from './random';

/** Values no well-behaved client sends, by class; each class is one of the kinds of input that once broke the API. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0007\u001b[31m\u007f',
  '\ud800',
  'x\udfffy',
  '😀'.repeat(50),
  'Zażółć gęślą jaźń',
  '\u202eevil\u202c',
  'e\u0301\u0301\u0301',
  "'; DROP TABLE cases; --",
  '" OR 1=1 --',
  '%_\\',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  'true',
  '-1',
  '1e309',
  '${7*7}',
  '{{7*7}}',
];

/** ISO 8601 and near-ISO forms, plus years outside 1900–2199 and days that do not exist. */
export const ODD_DATES = [
  '2026-W05-3',
  '2026-W05-3T10:00:00Z',
  '2026-123',
  '2026-123T10:00:00Z',
  '2026-01-01T10Z',
  '2026-01-01T10:00Z',
  '2026-01-01T10:00:00,5Z',
  '2026-01-01T10:00:00+01',
  '2026-01-01T10:00:00+0100',
  '2026-01-01T10:00:00',
  '2026-01-01 10:00:00Z',
  '20260101T100000Z',
  '2026-02-30T10:00:00Z',
  '2026-13-01',
  '2026-02-30',
  '2026-12-31T23:59:60Z',
  '2026-01-01T24:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '1899-12-31T23:59:59Z',
  '2200-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '30.11.2026',
  'tomorrow',
  '1764000000000',
];

export const BAD_UUIDS = [
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '-'.repeat(36),
  'z'.repeat(36),
  `${'0'.repeat(35)}\u0000`,
  '123',
  'not-a-uuid',
  '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
];

export const RAW_PATH_SEGMENTS = [
  '%',
  '%zz',
  '%ED%A0%80',
  '%00',
  '%C0%AF',
  '%FF',
  '%2e%2e%2f',
  '..',
  '.',
  '%2F',
  '%20',
];

/** Raw JSON texts: deep, wide, not JSON at all, or JSON with tricks a parser might trip over. */
export function rawBody(rng: Random): string {
  return rng.weighted<string>([
    [3, () => `${'['.repeat(rng.int(33, 8000))}${']'.repeat(rng.int(0, 100))}`],
    [
      3,
      () => {
        const n = rng.int(20, 6000);
        return `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
      },
    ],
    [1, () => `[${'1,'.repeat(rng.int(10_000, 60_000))}1]`],
    [
      2,
      () => JSON.stringify(Object.fromEntries(Array.from({ length: rng.int(9_990, 10_100) }, (_, i) => [`k${i}`, i]))),
    ],
    [2, () => '{"__proto__": {"role": "admin", "isAdmin": true}}'],
    [1, () => '{"constructor": {"prototype": {"polluted": 1}}}'],
    [2, () => rng.pick(['{"a":', '{', '[', 'nul', '{"a":1,}', "{'a':1}", '\u0000', '\ufeff{}', '{"a":1}{"b":2}'])],
    [
      2,
      () => rng.pick(['null', 'true', '0', '-0', '"x"', '[]', '[null]', '1e999999', '123456789012345678901234567890']),
    ],
    [1, () => '{"a": "\\ud800"}'],
    [1, () => '{"a": "\\u0000"}'],
    [1, () => `{"kind": "complaint", "kind": "refusal"}`],
    [1, () => `"${'x'.repeat(rng.int(1_000, 300_000))}"`],
  ]);
}

export function hostileValue(rng: Random, depth = 0): unknown {
  return rng.weighted<unknown>([
    [4, () => rng.pick(HOSTILE_STRINGS)],
    [2, () => rng.pick(ODD_DATES)],
    [1, () => rng.pick(BAD_UUIDS)],
    [2, () => rng.pick([null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308])],
    [1, () => rng.pick(['x'.repeat(301), 'ą'.repeat(10_001), 'ż'.repeat(rng.int(1, 70_000))])],
    [1, () => (depth > 2 ? [] : Array.from({ length: rng.int(0, 3) }, () => hostileValue(rng, depth + 1)))],
    [1, () => (depth > 2 ? {} : { [rng.pick(['$gt', 'a', '__proto__', ''])]: hostileValue(rng, depth + 1) })],
  ]);
}

/** A header value: mostly what a client would send, sometimes junk (Latin-1 only; Node refuses to send the rest). */
export function hostileHeader(rng: Random): string {
  return rng.pick([
    '',
    ' ',
    '"',
    '*',
    'W/"1"',
    '"-1"',
    '"1.5"',
    '"99999999999999999999"',
    '"1", "2"',
    'x'.repeat(rng.int(200, 9000)),
    '\u00ff\u00fe',
    'a\tb',
    'null',
    'undefined',
  ]);
}
