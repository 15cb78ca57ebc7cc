import { CHANNELS } from '../enums';
import { defaultPromiseDue } from './promise-due';

describe('defaultPromiseDue (standard 17 pkt 3: same day, next working day at the latest)', () => {
  it.each([
    ['2026-03-02T10:00:00+01:00', '2026-03-03T22:59:59.999Z', 'Monday → end of Tuesday'],
    ['2026-03-02T23:30:00+01:00', '2026-03-03T22:59:59.999Z', 'late Monday evening is still Monday'],
    ['2026-03-06T15:00:00+01:00', '2026-03-09T22:59:59.999Z', 'Friday → Monday'],
    ['2026-03-07T11:00:00+01:00', '2026-03-09T22:59:59.999Z', 'Saturday → Monday'],
    ['2026-04-30T12:00:00+02:00', '2026-05-04T21:59:59.999Z', 'before the May holidays'],
    ['2026-12-23T12:00:00+01:00', '2026-12-28T22:59:59.999Z', 'before Christmas'],
    ['2026-03-27T12:00:00+01:00', '2026-03-30T21:59:59.999Z', 'over the spring DST change'],
  ])('%s → %s (%s)', (now, due) => {
    expect(defaultPromiseDue('phone', new Date(now)).toISOString()).toBe(due);
  });

  it('applies the same rule to every channel (the standards set no other period)', () => {
    const now = new Date('2026-03-06T15:00:00+01:00');
    for (const c of CHANNELS) expect(defaultPromiseDue(c, now).toISOString()).toBe('2026-03-09T22:59:59.999Z');
  });
});
