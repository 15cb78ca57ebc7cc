import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError, ErrorCode } from '@pu/contracts';
import type { Request, Response } from 'express';
import { DomainError } from './domain-error';
import { ERROR_STATUS } from './error-status';
import { isDatabaseUnavailable } from './database-errors';

const STATUS_CODES: Partial<Record<number, { code: ErrorCode; message: string }>> = {
  400: { code: 'VALIDATION_FAILED', message: 'Nieprawidłowe żądanie.' },
  401: { code: 'UNAUTHENTICATED', message: 'Sesja wygasła lub nie jesteś zalogowany. Zaloguj się ponownie.' },
  403: { code: 'FORBIDDEN', message: 'Nie masz uprawnień do tej operacji.' },
  404: { code: 'NOT_FOUND', message: 'Nie znaleziono zasobu.' },
  405: { code: 'NOT_FOUND', message: 'Ta operacja nie jest dostępna pod tym adresem.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Przesłane dane są zbyt duże.' },
  415: { code: 'VALIDATION_FAILED', message: 'Dane muszą być przesłane jako JSON.' },
  429: { code: 'TOO_MANY_ATTEMPTS', message: 'Zbyt wiele prób. Spróbuj ponownie za chwilę.' },
};

/**
 * Turns every error into `{ statusCode, code, message, fields? }`. Domain errors map by code; an unknown
 * error is a 500 whose details go to the log (with the request id) and never to the client.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<Request & { id?: string }>();
    const response = ctx.getResponse<Response>();
    const body = this.toApiError(exception, request);
    if (response.headersSent) return;
    if (body.statusCode === 503) response.setHeader('Retry-After', '5');
    response.status(body.statusCode).json(body);
  }

  private toApiError(exception: unknown, request: Request & { id?: string }): ApiError {
    const requestId = request.id ? String(request.id) : undefined;
    if (exception instanceof DomainError) {
      const statusCode = ERROR_STATUS[exception.code];
      return {
        statusCode,
        code: exception.code,
        message: exception.message,
        ...(exception.fields ? { fields: exception.fields } : {}),
        ...(exception.details ?? {}),
      };
    }
    // Nest wraps body-parser's errors in an HttpException; the original keeps the reason.
    const bodyParser = ((exception as { cause?: unknown }).cause ?? exception) as { type?: string; status?: number };
    if (bodyParser?.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'MALFORMED_JSON', message: 'Treść żądania nie jest poprawnym JSON-em.' };
    }
    if (bodyParser?.type === 'entity.too.large') {
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Przesłane dane są zbyt duże.' };
    }
    if (bodyParser?.type && typeof bodyParser.status === 'number' && bodyParser.status < 500) {
      return { statusCode: bodyParser.status, code: 'VALIDATION_FAILED', message: 'Nieprawidłowe żądanie.' };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const known = STATUS_CODES[statusCode];
      if (statusCode < 500) {
        return { statusCode, code: known?.code ?? 'VALIDATION_FAILED', message: known?.message ?? exception.message };
      }
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable for ${request.method} ${request.url} (request ${requestId})`);
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'DATABASE_UNAVAILABLE',
        message: 'Baza danych jest chwilowo niedostępna. Spróbuj ponownie za kilka sekund.',
        requestId,
      };
    }
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error({ err: error, requestId, method: request.method, url: request.url }, error.stack);
    return {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: `Wystąpił nieoczekiwany błąd. Podaj administratorowi identyfikator zgłoszenia: ${requestId ?? 'brak'}.`,
      requestId,
    };
  }
}
