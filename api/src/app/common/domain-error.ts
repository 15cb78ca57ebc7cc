import type { ErrorCode } from '@pu/contracts';

/**
 * An error the client can act on. Services throw these with a stable code; ApiExceptionFilter alone
 * decides the HTTP status, so no service knows about HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what = 'Nie znaleziono zasobu.') => new DomainError('NOT_FOUND', what);
export const forbidden = (what = 'Nie masz uprawnień do tej operacji.') => new DomainError('FORBIDDEN', what);
export const validationFailed = (fields: Record<string, string[]>, message = 'Popraw zaznaczone pola.') =>
  new DomainError('VALIDATION_FAILED', message, fields);
