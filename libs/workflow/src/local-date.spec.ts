import {
  assertLocalDate,
  DATE_YEARS,
  formatPolishDate,
  ANY_YEAR,
  isIsoInstant,
  isLocalDate,
  localDateProblem,
  parseInstant,
  readInstant,
} from './local-date';

describe('local dates typed by users', () => {
  it('accepts real days within the plausible years only', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate(`${DATE_YEARS.min}-01-01`)).toBe(true);
    expect(isLocalDate(`${DATE_YEARS.max}-12-31`)).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '1899-12-31', '2200-01-01', '20266-01-01'])
      expect(isLocalDate(bad)).toBe(false);
    expect(isLocalDate(20260101)).toBe(false);
  });

  it('accepts RFC 3339 instants with an explicit offset within the plausible years', () => {
    expect(isIsoInstant('2026-11-30T09:00:00+01:00')).toBe(true);
    expect(isIsoInstant('2026-11-30T09:00:00-00:30')).toBe(true);
    expect(isIsoInstant('2026-11-30T09:00:00.123456789Z')).toBe(true);
    expect(isIsoInstant(`${DATE_YEARS.min}-01-01T00:00:00Z`)).toBe(true);
    expect(isIsoInstant(`${DATE_YEARS.max}-12-31T23:59:59.999Z`)).toBe(true);
  });

  it('reads the instant from its parts, offset and fraction included', () => {
    expect(parseInstant('2026-11-30T09:00:00+01:00')?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(parseInstant('2026-03-29T00:30:00-02:45')?.toISOString()).toBe('2026-03-29T03:15:00.000Z');
    expect(parseInstant('2026-01-01T00:00:00.5Z')?.toISOString()).toBe('2026-01-01T00:00:00.500Z');
    expect(parseInstant('2026-01-01T00:00:00.123999Z')?.toISOString()).toBe('2026-01-01T00:00:00.123Z');
    expect(parseInstant('2028-02-29T23:59:59+23:59')?.toISOString()).toBe('2028-02-29T00:00:59.000Z');
  });

  it.each([
    ['a week date', '2026-W05-3'],
    ['a week date with a time', '2026-W05-3T10:00:00Z'],
    ['an ordinal date', '2026-123'],
    ['an ordinal date with a time', '2026-123T10:00:00Z'],
    ['an hour without minutes', '2026-01-01T10Z'],
    ['minutes without seconds', '2026-11-30T09:00Z'],
    ['a comma fraction', '2026-01-01T10:00:00,5Z'],
    ['an hour-only offset', '2026-01-01T10:00:00+01'],
    ['an offset without a colon', '2026-01-01T10:00:00+0100'],
    ['no offset', '2026-11-30T09:00:00'],
    ['a date only', '2026-11-30'],
    ['a basic-format date-time', '20261130T090000Z'],
    ['a space for the T', '2026-11-30 09:00:00Z'],
    ['lower-case t and z', '2026-11-30t09:00:00z'],
    ['a day that does not exist', '2026-11-31T09:00:00Z'],
    ['29 February of a common year', '2100-02-29T09:00:00Z'],
    ['hour 24', '2026-11-30T24:00:00Z'],
    ['a leap second', '2026-12-31T23:59:60Z'],
    ['ten fraction digits', '2026-01-01T10:00:00.1234567890Z'],
    ['an offset of 24 hours', '2026-01-01T10:00:00+24:00'],
    ['an expanded year', '+002026-01-01T10:00:00Z'],
    ['a trailing newline', '2026-01-01T10:00:00Z\n'],
    ['a number', 1_764_000_000_000],
  ])('refuses %s (%s)', (_name, value) => {
    expect(isIsoInstant(value)).toBe(false);
    expect(readInstant(value)).toEqual({ problem: 'form' });
  });

  it('tells a year out of range from a malformed instant', () => {
    expect(readInstant('2200-01-01T00:00:00Z')).toEqual({ problem: 'range' });
    expect(readInstant('1899-12-31T23:59:59Z')).toEqual({ problem: 'range' });
    expect(readInstant('0001-01-01T00:00:00Z')).toEqual({ problem: 'range' });
    // The list cursor's key for a case without a deadline.
    expect('at' in readInstant('9999-12-31T00:00:00.000000Z', ANY_YEAR)).toBe(true);
  });

  it('tells a local date out of range from a malformed one', () => {
    expect(localDateProblem('2026-11-30')).toBeNull();
    expect(localDateProblem('2200-01-01')).toBe('range');
    expect(localDateProblem('2026-02-30')).toBe('form');
    expect(localDateProblem('2026-W05-3')).toBe('form');
    expect(localDateProblem('2026-123')).toBe('form');
  });

  it('lets computed dates run past the plausible years but not out of form', () => {
    expect(() => assertLocalDate('2200-01-14')).not.toThrow();
    expect(() => assertLocalDate('2026-02-30', 'deadline')).toThrow(/Invalid deadline/);
  });

  it('writes dates the Polish way', () => {
    expect(formatPolishDate('2026-08-15')).toBe('15.08.2026');
  });
});
