import type { Channel } from '../enums';
import { addWorkingDays } from './polish-calendar';
import { endOfWarsawDay, warsawDate } from './warsaw-time';

/**
 * Working days a promise may run by default, per channel. Standard 17 pkt 3 sets a phone call-back
 * at "tego samego – najpóźniej następnego – dnia" (same day, next at the latest); the standards
 * set no other period, so the other channels follow the same rule. Offices may tighten it.
 */
export const PROMISE_DEFAULT_WORKING_DAYS: Readonly<Record<Channel, number>> = {
  phone: 1,
  in_person: 1,
  email: 1,
  letter: 1,
  epuap: 1,
};

/** End (Warsaw) of the latest day the standards allow: the next working day after today. */
export function defaultPromiseDue(channel: Channel, now: Date): Date {
  return endOfWarsawDay(addWorkingDays(warsawDate(now), PROMISE_DEFAULT_WORKING_DAYS[channel]));
}
