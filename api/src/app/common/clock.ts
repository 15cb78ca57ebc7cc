/**
 * "Now" for every decision the API makes by time: session limits, sign-in lockouts, deadlines, a promise's
 * state, the register year. Injected (the class is its own token) so that tests set the time instead of
 * waiting for it to pass. PostgreSQL's `now()` stays only where the moment is bookkeeping (when a row was
 * created or revoked) and no rule reads it back.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
