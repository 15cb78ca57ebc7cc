import { exceededJsonLimit, JSON_LIMITS } from './json-limits';

const nested = (levels: number, open = '[', close = ']') => `${open.repeat(levels)}${close.repeat(levels)}`;
const objectWithKeys = (n: number) =>
  JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));

describe('JSON limits, checked before parsing', () => {
  it('lets real request bodies through', () => {
    expect(exceededJsonLimit('{"client":{"name":"Jan"},"events":[{"kind":"insult","at":"x"}]}')).toBeNull();
    expect(exceededJsonLimit(nested(JSON_LIMITS.depth))).toBeNull();
    expect(exceededJsonLimit(objectWithKeys(JSON_LIMITS.keys))).toBeNull();
    expect(exceededJsonLimit('')).toBeNull();
  });

  it('refuses nesting past the depth limit, in arrays and objects alike', () => {
    expect(exceededJsonLimit(nested(JSON_LIMITS.depth + 1))).toBe('depth');
    expect(exceededJsonLimit(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`)).toBe('depth');
    // Unclosed: it never gets to the parser.
    expect(exceededJsonLimit('['.repeat(100_000))).toBe('depth');
  });

  it('refuses more keys than the limit, counted over the whole body', () => {
    expect(exceededJsonLimit(objectWithKeys(JSON_LIMITS.keys + 1))).toBe('keys');
    const spread = JSON.stringify(Array.from({ length: 11 }, () => JSON.parse(objectWithKeys(1000)) as object));
    expect(exceededJsonLimit(spread)).toBe('keys');
  });

  it('does not count brackets, colons or escaped quotes inside strings', () => {
    expect(exceededJsonLimit(JSON.stringify({ text: '['.repeat(1000) + ':'.repeat(20_000) }))).toBeNull();
    expect(exceededJsonLimit(JSON.stringify({ text: `\\"${'['.repeat(100)}` }))).toBeNull();
    expect(exceededJsonLimit(JSON.stringify({ text: '\\' }) + nested(2))).toBeNull();
  });
});
