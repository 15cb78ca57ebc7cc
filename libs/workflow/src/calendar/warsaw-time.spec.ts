import {
  addCalendarDays,
  addCalendarMonths,
  calendarDaysUntil,
  dayOfWeek,
  endOfWarsawDay,
  warsawDate,
} from './warsaw-time';

describe('warsawDate', () => {
  it.each([
    ['2026-03-14T22:30:00Z', '2026-03-14', '23:30 in winter (UTC+1) is still that day'],
    ['2026-03-14T23:00:00Z', '2026-03-15', 'midnight in winter'],
    ['2026-07-14T21:30:00Z', '2026-07-14', '23:30 in summer (UTC+2) is still that day'],
    ['2026-07-14T22:00:00Z', '2026-07-15', 'midnight in summer, though UTC still says the 14th'],
    ['2026-03-28T23:30:00Z', '2026-03-29', 'the night clocks go forward'],
    ['2026-03-29T21:59:59Z', '2026-03-29', 'last second of the short day'],
    ['2026-10-24T22:00:00Z', '2026-10-25', 'the night clocks go back'],
    ['2026-10-25T22:59:59Z', '2026-10-25', 'last second of the long day'],
    ['2026-12-31T23:30:00Z', '2027-01-01', 'new year in Warsaw before UTC'],
  ])('%s → %s (%s)', (instant, expected) => {
    expect(warsawDate(new Date(instant))).toBe(expected);
  });

  it('rejects an invalid instant', () => {
    expect(() => warsawDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('endOfWarsawDay', () => {
  it.each([
    ['2026-01-15', '2026-01-15T22:59:59.999Z'],
    ['2026-07-15', '2026-07-15T21:59:59.999Z'],
    ['2026-03-28', '2026-03-28T22:59:59.999Z'],
    ['2026-03-29', '2026-03-29T21:59:59.999Z'],
    ['2026-10-24', '2026-10-24T21:59:59.999Z'],
    ['2026-10-25', '2026-10-25T22:59:59.999Z'],
  ])('%s ends at %s', (day, instant) => {
    expect(endOfWarsawDay(day).toISOString()).toBe(instant);
  });

  it('round-trips through warsawDate', () => {
    expect(warsawDate(endOfWarsawDay('2026-03-29'))).toBe('2026-03-29');
  });

  it('rejects malformed dates', () => {
    expect(() => endOfWarsawDay('2026-02-30')).toThrow(RangeError);
    expect(() => endOfWarsawDay('15.03.2026')).toThrow(RangeError);
  });
});

describe('calendar arithmetic', () => {
  it('clamps months to the last day (date-fns addMonths)', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addCalendarMonths('2026-12-31', 1)).toBe('2027-01-31');
  });

  it('adds days across DST changes without drifting', () => {
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addCalendarDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('knows the weekday', () => {
    expect(dayOfWeek('2026-03-07')).toBe(6);
    expect(dayOfWeek('2026-03-08')).toBe(0);
    expect(dayOfWeek('2026-03-09')).toBe(1);
  });
});

describe('calendarDaysUntil', () => {
  it('counts Warsaw days, not 24-hour spans', () => {
    const now = new Date('2026-03-14T22:30:00Z'); // 23:30 on 14 March in Warsaw
    expect(calendarDaysUntil(now, new Date('2026-03-14T23:30:00Z'))).toBe(1); // 00:30 on the 15th
    expect(calendarDaysUntil(now, new Date('2026-03-14T08:00:00Z'))).toBe(0);
    expect(calendarDaysUntil(now, new Date('2026-03-10T08:00:00Z'))).toBe(-4);
  });

  it('is not thrown off by the change to summer time', () => {
    expect(calendarDaysUntil(new Date('2026-03-28T12:00:00Z'), new Date('2026-03-30T10:00:00Z'))).toBe(2);
  });
});
