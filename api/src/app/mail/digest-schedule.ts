import { isWorkingDay, OFFICE_TIME_ZONE, warsawDate, type LocalDate } from '@pu/workflow';

/** Minutes since Warsaw midnight at an instant (wall-clock time, so 07:30 stays 07:30 across DST changes). */
const WARSAW_TIME = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: OFFICE_TIME_ZONE,
});

export function warsawMinutesOfDay(instant: Date): number {
  const [hours, minutes] = WARSAW_TIME.format(instant).split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * The morning whose digest is due at `now`: today's Warsaw date once the clock has passed `digestAtMinutes` on a
 * working day (Polish calendar: no digest on Saturdays, Sundays and public holidays), else null. A process that
 * was down at 07:30 still sends that morning's digest when it comes back the same day, never a past day's.
 */
export function digestDayDue(now: Date, digestAtMinutes: number): LocalDate | null {
  const day = warsawDate(now);
  if (!isWorkingDay(day)) return null;
  return warsawMinutesOfDay(now) >= digestAtMinutes ? day : null;
}
