import { TZDate } from '@date-fns/tz';
import { subDays } from 'date-fns';
import { addWorkingDays } from './polish-calendar';
import { endOfWarsawDay, OFFICE_TIME_ZONE, warsawDate } from './warsaw-time';

/**
 * What managers watch (standard 11.5) and clerks see as "my work": the rules that sort open cases and
 * promises into overdue, due soon, due today and idle. The API turns them into SQL parameters (the counts
 * and the lists both read the same thresholds, so a dashboard number and the list it links to agree);
 * the SPA uses the same functions to explain them.
 */

/** The dashboard's "due soon": due by the end of the third working day after today. */
export const DUE_SOON_WORKING_DAYS = 3;
/** The dashboard's "idle": no recorded change for seven calendar days. */
export const IDLE_DAYS = 7;

/** Limits the list filters accept, so a typing slip in a URL cannot ask for a century. */
export const WORKLOAD_LIMITS = { dueWithinWorkingDays: { min: 0, max: 60 }, idleDays: { min: 1, max: 365 } } as const;

/**
 * The last instant a deadline may fall on to count as "due within n working days": the end (Warsaw) of the
 * n-th working day after today, weekends and public holidays skipped. n = 0 means today, or the next working
 * day when today is not one (a Saturday's "due within 0 working days" reaches Monday).
 */
export function dueSoonUntil(now: Date, workingDays: number): Date {
  if (!Number.isInteger(workingDays) || workingDays < 0)
    throw new RangeError(`Working days must be a whole number ≥ 0, got ${workingDays}`);
  return endOfWarsawDay(addWorkingDays(warsawDate(now), workingDays));
}

/**
 * A case whose last recorded change is before this instant is idle: the same Warsaw wall-clock time `days`
 * calendar days ago (so a DST change in between does not shift it by an hour).
 */
export function idleBefore(now: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`Idle days must be a whole number ≥ 1, got ${days}`);
  return new Date(subDays(new TZDate(now.getTime(), OFFICE_TIME_ZONE), days).getTime());
}

/** The end of today in Warsaw: a promise due up to then (and not yet past) is "due today". */
export function endOfToday(now: Date): Date {
  return endOfWarsawDay(warsawDate(now));
}

/** Every threshold the dashboard and "my work" count with, for one moment. */
export interface WorkloadWindows {
  now: Date;
  dueSoonUntil: Date;
  idleBefore: Date;
  todayEnds: Date;
}

export function workloadWindows(
  now: Date,
  opts: { dueSoonWorkingDays?: number; idleDays?: number } = {},
): WorkloadWindows {
  return {
    now,
    dueSoonUntil: dueSoonUntil(now, opts.dueSoonWorkingDays ?? DUE_SOON_WORKING_DAYS),
    idleBefore: idleBefore(now, opts.idleDays ?? IDLE_DAYS),
    todayEnds: endOfToday(now),
  };
}

/** An open case's deadline state: what the SQL filters select, as a function (for tests and the SPA). */
export type DeadlineState = 'overdue' | 'due_soon' | 'later' | 'none';

export function caseDeadlineState(dueAt: Date | null, w: Pick<WorkloadWindows, 'now' | 'dueSoonUntil'>): DeadlineState {
  if (!dueAt) return 'none';
  if (dueAt.getTime() < w.now.getTime()) return 'overdue';
  return dueAt.getTime() <= w.dueSoonUntil.getTime() ? 'due_soon' : 'later';
}

/** No recorded change since `idleBefore` (the registration counts as one). */
export function isIdle(lastActivityAt: Date, w: Pick<WorkloadWindows, 'idleBefore'>): boolean {
  return lastActivityAt.getTime() < w.idleBefore.getTime();
}

/** An unkept promise: broken once past due, "due today" until the end of today, else later. */
export function openPromiseState(
  dueAt: Date,
  w: Pick<WorkloadWindows, 'now' | 'todayEnds'>,
): 'broken' | 'due_today' | 'later' {
  if (dueAt.getTime() < w.now.getTime()) return 'broken';
  return dueAt.getTime() <= w.todayEnds.getTime() ? 'due_today' : 'later';
}
