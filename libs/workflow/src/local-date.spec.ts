import {
  assertLocalDate,
  DATE_YEARS,
  formatPolishDate,
  hasPlausibleYear,
  isIsoInstant,
  isLocalDate,
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

  it('accepts instants with an explicit offset within the plausible years', () => {
    expect(isIsoInstant('2026-11-30T09:00:00+01:00')).toBe(true);
    expect(isIsoInstant('2026-11-30T09:00Z')).toBe(true);
    expect(isIsoInstant('2026-11-30T09:00:00.123456789Z')).toBe(true);
    for (const bad of [
      '2026-11-30T09:00:00',
      '2026-11-30',
      '2026-11-31T09:00Z',
      '2200-01-01T00:00Z',
      '2026-11-30T24:00Z',
    ])
      expect(isIsoInstant(bad)).toBe(false);
  });

  it('checks the year of any ISO 8601 form against the plausible years', () => {
    expect(hasPlausibleYear('2026-11-30')).toBe(true);
    expect(hasPlausibleYear('1900-01-01T00:00:00Z')).toBe(true);
    expect(hasPlausibleYear('2199-12-31T23:59:59+01:00')).toBe(true);
    for (const bad of [
      '1899-12-31',
      '2200-01-01T00:00Z',
      '0001-01-01',
      '9999-12-31T23:59:59Z',
      '+275760-09-13T00:00:00Z',
    ])
      expect(hasPlausibleYear(bad)).toBe(false);
  });

  it('lets computed dates run past the plausible years but not out of form', () => {
    expect(() => assertLocalDate('2200-01-14')).not.toThrow();
    expect(() => assertLocalDate('2026-02-30', 'deadline')).toThrow(/Invalid deadline/);
  });

  it('writes dates the Polish way', () => {
    expect(formatPolishDate('2026-08-15')).toBe('15.08.2026');
  });
});
