import { addWorkingDays } from './polish-calendar';
import { addCalendarDays, endOfWarsawDay, warsawDate } from './warsaw-time';

/** How early a reminder comes and how far back a missed date is still reported. */
export interface ReminderLeads {
  /** A case date counts as due soon when it falls within this many working days from today (Warsaw). */
  leadWorkingDays: number;
  /** A promise counts as due soon this many minutes before it is due. */
  promiseLeadMinutes: number;
  /** A date that passed more than this many calendar days ago is no longer reported as a new event. */
  overdueLookbackDays: number;
}

/** The instants a reminder scan compares dates with; computed here so the database needs no holiday calendar. */
export interface ReminderThresholds {
  now: Date;
  /** A case date in (now, caseDueBy] is due soon. */
  caseDueBy: Date;
  /** A promise due in (now, promiseDueBy] is due soon. */
  promiseDueBy: Date;
  /** A date in [overdueSince, now] has passed and is reported once. */
  overdueSince: Date;
}

/**
 * "Within N working days": up to the end of the N-th working day after today (Warsaw days, Polish public
 * holidays and weekends skipped). Today counts as day 0, so N = 0 means the end of today, or of the next
 * working day when today is not one (a reminder on a Saturday about Monday is the same as on Friday's 0th day).
 */
export function caseDueSoonHorizon(now: Date, leadWorkingDays: number): Date {
  return endOfWarsawDay(addWorkingDays(warsawDate(now), leadWorkingDays));
}

export function reminderThresholds(now: Date, leads: ReminderLeads): ReminderThresholds {
  return {
    now,
    caseDueBy: caseDueSoonHorizon(now, leads.leadWorkingDays),
    promiseDueBy: new Date(now.getTime() + leads.promiseLeadMinutes * 60_000),
    // From the start of the Warsaw day `overdueLookbackDays` back, so the window does not depend on the hour.
    overdueSince: new Date(
      endOfWarsawDay(addCalendarDays(warsawDate(now), -leads.overdueLookbackDays - 1)).getTime() + 1,
    ),
  };
}

export type DueState = 'later' | 'due_soon' | 'overdue' | 'past_lookback';

/** Where a case date stands against the thresholds: the rule the reminder scan applies in SQL. */
export function caseDueState(dueAt: Date, t: ReminderThresholds): DueState {
  return dueState(dueAt, t.now, t.caseDueBy, t.overdueSince);
}

/** Where a promise's due time stands against the thresholds. */
export function promiseDueState(dueAt: Date, t: ReminderThresholds): DueState {
  return dueState(dueAt, t.now, t.promiseDueBy, t.overdueSince);
}

function dueState(dueAt: Date, now: Date, dueBy: Date, overdueSince: Date): DueState {
  const at = dueAt.getTime();
  if (at > dueBy.getTime()) return 'later';
  if (at > now.getTime()) return 'due_soon';
  return at >= overdueSince.getTime() ? 'overdue' : 'past_lookback';
}
