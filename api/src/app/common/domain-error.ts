import type { ErrorCode } from '@pu/contracts';
import type { LocalizedText } from '@pu/workflow';

/**
 * An error the client can act on. Services throw these with a stable code; ApiExceptionFilter alone
 * decides the HTTP status, so no service knows about HTTP.
 */
export class DomainError extends Error {
  /** Both languages of the message, when the thrower gave them; the answer picks the client's language. */
  readonly text: LocalizedText | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string | LocalizedText,
    readonly fields?: Record<string, string[]>,
    readonly details?: Record<string, unknown>,
  ) {
    super(typeof message === 'string' ? message : message.pl);
    this.name = 'DomainError';
    this.text = typeof message === 'string' ? undefined : message;
  }
}

export const notFound = (what = 'Nie znaleziono zasobu.') => new DomainError('NOT_FOUND', what);
export const forbidden = (what = 'Nie masz uprawnień do tej operacji.') => new DomainError('FORBIDDEN', what);
export const validationFailed = (fields: Record<string, string[]>, message = 'Popraw zaznaczone pola.') =>
  new DomainError('VALIDATION_FAILED', message, fields);
