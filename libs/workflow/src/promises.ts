import { message } from './i18n/message';
import { isIsoInstant } from './local-date';
import type { FieldErrors } from './progress-types';

/**
 * Derived from the due time and whether it was kept, never stored: a promise turns "broken" by
 * the clock passing, with nobody doing anything (standard 17 pkt 5).
 */
export type PromiseState = 'open' | 'kept' | 'broken' | 'kept_late';

function instant(value: string, what: string): number {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new RangeError(`Invalid ${what}: ${JSON.stringify(value)}`);
  return t;
}

export function promiseState(p: { dueAt: string; keptAt: string | null }, now: Date): PromiseState {
  const due = instant(p.dueAt, 'dueAt');
  if (p.keptAt !== null) return instant(p.keptAt, 'keptAt') <= due ? 'kept' : 'kept_late';
  return now.getTime() > due ? 'broken' : 'open';
}

/** Kept on time, for the "promises kept" figure; open promises are not yet counted either way. */
export function isPromiseKeptOnTime(state: PromiseState): boolean | null {
  if (state === 'open') return null;
  return state === 'kept';
}

/**
 * Standard 17 pkt 4: when the promised information is not ready, the clerk calls the client with
 * a new date – so a reschedule is valid only once the client has been told.
 */
export function validatePromiseReschedule(
  input: { currentDueAt: string; newDueAt: string; clientToldAt: string | null },
  now?: Date,
): FieldErrors | null {
  const errors: FieldErrors = {};
  if (!isIsoInstant(input.newDueAt)) errors['newDueAt'] = [message('promise.badNewDue')];
  else if (isIsoInstant(input.currentDueAt) && Date.parse(input.newDueAt) <= Date.parse(input.currentDueAt))
    errors['newDueAt'] = [message('promise.newDueNotLater')];
  if (input.clientToldAt === null || input.clientToldAt === '')
    errors['clientToldAt'] = [message('promise.tellClientFirst')];
  else if (!isIsoInstant(input.clientToldAt)) errors['clientToldAt'] = [message('promise.badToldAt')];
  else if (now && Date.parse(input.clientToldAt) > now.getTime())
    errors['clientToldAt'] = [message('promise.toldAtInFuture')];
  return Object.keys(errors).length ? errors : null;
}
