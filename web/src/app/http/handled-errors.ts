import { HttpContext, HttpContextToken } from '@angular/common/http';

/** Anything the caller handles itself: an HTTP status, an ApiError `code`, or `*` for every error. */
export type HandledError = number | string;

/** Errors the calling page shows itself; the global interceptor stays silent about them. */
export const HANDLED_ERRORS = new HttpContextToken<readonly HandledError[]>(() => []);

/** `{ context: handles(422, 'STALE_VERSION') }` — the page shows these errors itself. */
export function handles(...errors: HandledError[]): HttpContext {
  return new HttpContext().set(HANDLED_ERRORS, errors);
}
