import type { ErrorCode } from '@pu/contracts';
import { message, type LocalizedText } from '@pu/workflow';

/** A message in both languages (from the catalogue, `message(key, params)`, or a `{ pl, en }` literal). */
export type ErrorText = string | LocalizedText;
/** Messages by field; the answer gives each in the request's language. */
export type FieldMessages = Record<string, readonly ErrorText[]>;

/**
 * An error the client can act on. Services throw these with a stable code; ApiExceptionFilter alone
 * decides the HTTP status and picks the language the request asked for, so no service knows about HTTP.
 */
export class DomainError extends Error {
  /** Both languages of the message; a plain string (Polish only) is answered as it is. */
  readonly text: ErrorText;

  constructor(
    readonly code: ErrorCode,
    message: ErrorText,
    readonly fields?: FieldMessages,
    readonly details?: Record<string, unknown>,
  ) {
    super(typeof message === 'string' ? message : message.pl);
    this.name = 'DomainError';
    this.text = message;
  }
}

export const notFound = (what: ErrorText = message('http.notFound')) => new DomainError('NOT_FOUND', what);
export const forbidden = (what: ErrorText = message('http.forbidden')) => new DomainError('FORBIDDEN', what);
export const validationFailed = (fields: FieldMessages, text: ErrorText = message('validation.fixFields')) =>
  new DomainError('VALIDATION_FAILED', text, fields);
