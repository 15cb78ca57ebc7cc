import { digestDayDue, warsawMinutesOfDay } from './digest-schedule';

const AT_0730 = 7 * 60 + 30;

describe('digestDayDue', () => {
  it('is the Warsaw date from DIGEST_AT on a working day, in winter (UTC+1) and summer (UTC+2) time', () => {
    expect(digestDayDue(new Date('2026-12-02T06:29:00Z'), AT_0730)).toBeNull();
    expect(digestDayDue(new Date('2026-12-02T06:30:00Z'), AT_0730)).toBe('2026-12-02');
    expect(digestDayDue(new Date('2026-07-01T05:29:00Z'), AT_0730)).toBeNull();
    expect(digestDayDue(new Date('2026-07-01T05:30:00Z'), AT_0730)).toBe('2026-07-01');
  });

  it('stays that day until Warsaw midnight, though UTC has moved on', () => {
    expect(digestDayDue(new Date('2026-12-02T22:59:00Z'), AT_0730)).toBe('2026-12-02');
    expect(digestDayDue(new Date('2026-12-02T23:00:00Z'), AT_0730)).toBeNull(); // 3 Dec, 00:00 Warsaw
  });

  it('never on a Saturday, a Sunday or a Polish public holiday', () => {
    expect(digestDayDue(new Date('2026-12-05T09:00:00Z'), AT_0730)).toBeNull(); // Saturday
    expect(digestDayDue(new Date('2026-12-06T09:00:00Z'), AT_0730)).toBeNull(); // Sunday
    expect(digestDayDue(new Date('2026-12-24T09:00:00Z'), AT_0730)).toBeNull(); // Wigilia, a holiday since 2025
    expect(digestDayDue(new Date('2026-11-11T09:00:00Z'), AT_0730)).toBeNull(); // Independence Day
    expect(digestDayDue(new Date('2026-04-06T09:00:00Z'), AT_0730)).toBeNull(); // Easter Monday 2026
    expect(digestDayDue(new Date('2026-12-28T09:00:00Z'), AT_0730)).toBe('2026-12-28');
  });

  it('reads the wall clock on the days the clocks change', () => {
    expect(warsawMinutesOfDay(new Date('2026-03-29T05:30:00Z'))).toBe(AT_0730); // CEST from 02:00 that day
    expect(warsawMinutesOfDay(new Date('2026-10-25T06:30:00Z'))).toBe(AT_0730); // CET again
  });
});
