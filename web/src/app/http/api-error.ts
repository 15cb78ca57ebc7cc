import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@pu/contracts';
import { TranslocoService } from '@jsverse/transloco';

/**
 * An error as the SPA received it: the API's `ApiError`, except that `code` may also be empty
 * (no JSON body: network failure, proxy error page) or a code newer than this build of the SPA.
 */
export type ReceivedError = Omit<ApiError, 'code'> & { code: ApiError['code'] | (string & {}) };

/** Status used for "no answer at all" (network down, server stopped). */
export const NO_RESPONSE = 0;

/** The API's error body, or a synthesised one when the server did not answer with JSON. */
export function toApiError(error: unknown): ReceivedError {
  if (error instanceof HttpErrorResponse) {
    const body: unknown = error.error;
    if (isApiError(body)) {
      return body;
    }
    return { statusCode: error.status, code: '', message: '' };
  }
  return { statusCode: -1, code: '', message: error instanceof Error ? error.message : '' };
}

function isApiError(body: unknown): body is ReceivedError {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ReceivedError).statusCode === 'number' &&
    typeof (body as ReceivedError).code === 'string'
  );
}

/** Server unreachable or temporarily down: the user should simply try again. */
export function isServerUnavailable(e: ReceivedError): boolean {
  return (
    e.statusCode === NO_RESPONSE ||
    e.statusCode === 502 ||
    e.statusCode === 503 ||
    e.statusCode === 504 ||
    e.code === 'DATABASE_UNAVAILABLE'
  );
}

/**
 * A clerk-readable message for an API error in the active language: translated by `code`,
 * falling back to the server's Polish `message`, then to a generic text with the status.
 */
export function errorMessage(transloco: TranslocoService, e: ReceivedError): string {
  if (e.statusCode === NO_RESPONSE || (isServerUnavailable(e) && !e.code)) {
    return transloco.translate('errors.serverUnavailable');
  }
  if (e.code) {
    const key = `errors.codes.${e.code}`;
    const translated = transloco.translate(key);
    if (translated && translated !== key) {
      return translated;
    }
  }
  if (e.message) {
    return e.message;
  }
  if (isServerUnavailable(e)) {
    return transloco.translate('errors.serverUnavailable');
  }
  return transloco.translate('errors.unknown', { status: e.statusCode });
}

/**
 * For errors a page explains itself (a conflict, a rule of the office): the server's specific Polish
 * message when the interface is Polish; otherwise the translation by `code`.
 */
export function specificErrorMessage(transloco: TranslocoService, e: ReceivedError): string {
  if (transloco.getActiveLang() === 'pl' && e.message) {
    return e.message;
  }
  return errorMessage(transloco, e);
}
