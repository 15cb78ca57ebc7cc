import { caseDueSoonHorizon, caseDueState, promiseDueState, reminderThresholds } from './reminder-window';

const LEADS = { leadWorkingDays: 2, promiseLeadMinutes: 120, overdueLookbackDays: 7 };
const at = (iso: string) => new Date(iso);

describe('caseDueSoonHorizon: the end of the N-th working day after today, Warsaw time', () => {
  it.each([
    ['2026-03-02T09:00:00+01:00', 2, '2026-03-04T22:59:59.999Z', 'Monday + 2 → end of Wednesday'],
    ['2026-03-05T09:00:00+01:00', 2, '2026-03-09T22:59:59.999Z', 'Thursday + 2 → Monday, over the weekend'],
    ['2026-03-06T16:00:00+01:00', 2, '2026-03-10T22:59:59.999Z', 'Friday + 2 → Tuesday'],
    ['2026-03-07T10:00:00+01:00', 2, '2026-03-10T22:59:59.999Z', 'Saturday counts from the weekend: Tuesday'],
    ['2026-03-08T23:30:00+01:00', 1, '2026-03-09T22:59:59.999Z', 'late Sunday evening is still Sunday'],
    ['2026-03-02T09:00:00+01:00', 0, '2026-03-02T22:59:59.999Z', 'N = 0 on a working day: end of today'],
    ['2026-03-07T09:00:00+01:00', 0, '2026-03-09T22:59:59.999Z', 'N = 0 on a Saturday: end of Monday'],
    ['2026-04-02T09:00:00+02:00', 2, '2026-04-07T21:59:59.999Z', 'Maundy Thursday: Friday, then Easter Monday skipped'],
    ['2026-04-30T12:00:00+02:00', 1, '2026-05-04T21:59:59.999Z', 'before 1 and 3 May: the Monday after'],
    [
      '2026-12-22T12:00:00+01:00',
      2,
      '2026-12-28T22:59:59.999Z',
      'Christmas Eve (a holiday since 2025) and both feast days',
    ],
    [
      '2026-12-30T12:00:00+01:00',
      2,
      '2027-01-04T22:59:59.999Z',
      'year end: 31 Dec, then past New Year and the weekend to 4 Jan',
    ],
    ['2026-12-31T12:00:00+01:00', 1, '2027-01-04T22:59:59.999Z', '31 December + 1: past New Year and the weekend'],
    ['2027-01-05T12:00:00+01:00', 1, '2027-01-07T22:59:59.999Z', 'Epiphany (6 January) skipped'],
    ['2026-03-27T12:00:00+01:00', 1, '2026-03-30T21:59:59.999Z', 'over the spring DST change'],
  ])('%s + %i working days → %s (%s)', (now, n, expected) => {
    expect(caseDueSoonHorizon(at(now), n).toISOString()).toBe(expected);
  });
});

describe('caseDueState', () => {
  const t = reminderThresholds(at('2026-03-06T16:00:00+01:00'), LEADS); // a Friday afternoon

  it.each([
    ['2026-03-10T22:59:59.999Z', 'due_soon', 'the last instant of the horizon (Tuesday)'],
    ['2026-03-11T00:00:00+01:00', 'later', 'the first instant after it'],
    ['2026-03-06T22:59:59.999Z', 'due_soon', 'today, later on'],
    ['2026-03-06T16:00:00+01:00', 'overdue', 'exactly now has passed'],
    ['2026-02-27T00:00:00+01:00', 'overdue', 'the first instant of the lookback (7 days before today)'],
    ['2026-02-26T23:59:59.999+01:00', 'past_lookback', 'just before it'],
  ])('%s → %s (%s)', (due, state) => {
    expect(caseDueState(at(due), t)).toBe(state);
  });

  it('a deadline moved later by an extension leaves "due soon" or "overdue"', () => {
    expect(caseDueState(at('2026-03-09T22:59:59.999Z'), t)).toBe('due_soon');
    expect(caseDueState(at('2026-03-31T21:59:59.999Z'), t)).toBe('later');
  });
});

describe('promiseDueState: minutes, not working days', () => {
  const t = reminderThresholds(at('2026-03-07T10:00:00+01:00'), LEADS); // a Saturday: promises keep their hour

  it.each([
    ['2026-03-07T12:00:00+01:00', 'due_soon'],
    ['2026-03-07T12:00:00.001+01:00', 'later'],
    ['2026-03-07T10:00:00.001+01:00', 'due_soon'],
    ['2026-03-07T09:59:59+01:00', 'overdue'],
    ['2026-02-28T00:00:00+01:00', 'overdue'],
    ['2026-02-27T23:59:59+01:00', 'past_lookback'],
  ])('%s → %s', (due, state) => {
    expect(promiseDueState(at(due), t)).toBe(state);
  });

  it('a lead of 0 minutes reports a promise only once it is broken', () => {
    const zero = reminderThresholds(at('2026-03-07T10:00:00+01:00'), { ...LEADS, promiseLeadMinutes: 0 });
    expect(promiseDueState(at('2026-03-07T10:01:00+01:00'), zero)).toBe('later');
  });
});
