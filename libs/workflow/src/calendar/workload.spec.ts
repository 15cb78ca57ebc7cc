import {
  caseDeadlineState,
  dueSoonUntil,
  endOfToday,
  idleBefore,
  isIdle,
  openPromiseState,
  workloadWindows,
} from './workload';

const at = (iso: string) => new Date(iso);

describe('dueSoonUntil: the end of the n-th working day after today (Warsaw)', () => {
  it.each([
    ['2026-03-02T10:00:00+01:00', 3, '2026-03-05T22:59:59.999Z', 'Monday → end of Thursday'],
    ['2026-03-06T10:00:00+01:00', 3, '2026-03-11T22:59:59.999Z', 'Friday → Wednesday (the weekend skipped)'],
    ['2026-03-07T10:00:00+01:00', 3, '2026-03-11T22:59:59.999Z', 'Saturday → Wednesday'],
    ['2026-03-08T23:30:00+01:00', 3, '2026-03-11T22:59:59.999Z', 'late Sunday evening is still Sunday'],
    ['2026-03-08T23:30:00Z', 3, '2026-03-12T22:59:59.999Z', '23:30 UTC on Sunday is already Monday in Warsaw'],
    ['2026-04-30T12:00:00+02:00', 3, '2026-05-06T21:59:59.999Z', 'over 1 and 3 May and the weekend'],
    ['2026-12-23T12:00:00+01:00', 3, '2026-12-30T22:59:59.999Z', 'over Christmas Eve, Christmas and the weekend'],
    ['2026-12-30T12:00:00+01:00', 3, '2027-01-05T22:59:59.999Z', 'over the year end and New Year'],
    ['2027-01-04T12:00:00+01:00', 3, '2027-01-08T22:59:59.999Z', 'over Epiphany (6 January)'],
    ['2026-03-27T12:00:00+01:00', 3, '2026-04-01T21:59:59.999Z', 'over the spring DST change'],
    ['2026-03-02T10:00:00+01:00', 0, '2026-03-02T22:59:59.999Z', 'n = 0 on a working day: today'],
    ['2026-03-07T10:00:00+01:00', 0, '2026-03-09T22:59:59.999Z', 'n = 0 on a Saturday: Monday'],
  ])('%s + %d working days → %s (%s)', (now, n, until) => {
    expect(dueSoonUntil(at(now), n).toISOString()).toBe(until);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => dueSoonUntil(new Date(), -1)).toThrow(RangeError);
    expect(() => dueSoonUntil(new Date(), 1.5)).toThrow(RangeError);
  });
});

describe('idleBefore: the same Warsaw time n calendar days ago', () => {
  it.each([
    ['2026-03-10T10:00:00+01:00', 7, '2026-03-03T09:00:00.000Z', 'a plain week'],
    ['2026-04-01T10:00:00+02:00', 7, '2026-03-25T09:00:00.000Z', '10:00 Warsaw a week ago, across the DST change'],
    ['2027-01-03T08:00:00+01:00', 7, '2026-12-27T07:00:00.000Z', 'across the year end (holidays count: calendar days)'],
  ])('%s − %d days → %s (%s)', (now, days, before) => {
    expect(idleBefore(at(now), days).toISOString()).toBe(before);
  });

  it('refuses fewer than one day', () => {
    expect(() => idleBefore(new Date(), 0)).toThrow(RangeError);
  });
});

describe('the states the dashboard counts', () => {
  const w = workloadWindows(at('2026-12-23T12:00:00+01:00'));

  it('uses 3 working days and 7 days by default', () => {
    expect(w.dueSoonUntil.toISOString()).toBe('2026-12-30T22:59:59.999Z');
    expect(w.idleBefore.toISOString()).toBe('2026-12-16T11:00:00.000Z');
    expect(w.todayEnds.toISOString()).toBe('2026-12-23T22:59:59.999Z');
    expect(endOfToday(at('2026-12-23T23:30:00Z')).toISOString()).toBe('2026-12-24T22:59:59.999Z');
  });

  it.each([
    [null, 'none'],
    ['2026-12-23T10:59:59.999Z', 'overdue'],
    ['2026-12-23T11:00:00.000Z', 'due_soon'],
    ['2026-12-30T22:59:59.999Z', 'due_soon'],
    ['2026-12-30T23:00:00.000Z', 'later'],
  ])('a case due %s is %s', (due, state) => {
    expect(caseDeadlineState(due ? at(due) : null, w)).toBe(state);
  });

  it('idle means the last change is strictly before the threshold', () => {
    expect(isIdle(at('2026-12-16T10:59:59.999Z'), w)).toBe(true);
    expect(isIdle(at('2026-12-16T11:00:00.000Z'), w)).toBe(false);
  });

  it.each([
    ['2026-12-23T10:00:00Z', 'broken'],
    ['2026-12-23T11:00:00Z', 'due_today'],
    ['2026-12-23T22:59:59.999Z', 'due_today'],
    ['2026-12-24T10:00:00Z', 'later'],
  ])('an unkept promise due %s is %s', (due, state) => {
    expect(openPromiseState(at(due), w)).toBe(state);
  });
});
