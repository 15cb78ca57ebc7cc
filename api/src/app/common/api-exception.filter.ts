import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError, ErrorCode } from '@pu/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';
import { ERROR_STATUS } from './error-status';
import { isDatabaseUnavailable } from './database-errors';
import { pathOf } from '../logging/request-log';
import { ConnectionBreaker } from '../database/connection-breaker';
import { DatabaseOutageLog } from '../database/database-outage-log';

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
 * Fastify rejects some requests before any handler runs (a body that is not JSON, too large, of another type);
 * its errors carry a `FST_` code and a 4xx status.
 */
function fastifyRequestError(exception: unknown): ApiError | null {
  // Nest's adapter wraps them in an HttpException; the original, kept as the cause, says why.
  const original = (exception as { cause?: unknown } | null)?.cause ?? exception;
  const { code, statusCode } = (original ?? {}) as { code?: unknown; statusCode?: unknown };
  if (typeof code !== 'string' || !code.startsWith('FST_') || typeof statusCode !== 'number' || statusCode >= 500)
    return null;
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return { statusCode: 400, code: 'MALFORMED_JSON', message: 'Treść żądania nie jest poprawnym JSON-em.' };
  const known = STATUS_CODES[statusCode];
  return { statusCode, code: known?.code ?? 'VALIDATION_FAILED', message: known?.message ?? 'Nieprawidłowe żądanie.' };
}

/**
 * Turns every error into `{ statusCode, code, message, fields? }`. Domain errors map by code; an unknown
 * error is a 500 whose details go to the log (with the request id) and never to the client.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  constructor(
    private readonly breaker: ConnectionBreaker,
    private readonly outageLog: DatabaseOutageLog,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = this.toApiError(exception, request);
    if (reply.sent) return;
    if (body.statusCode === 503) void reply.header('Retry-After', String(this.breaker.retryAfterSeconds));
    void reply.status(body.statusCode).send(body);
  }

  private toApiError(exception: unknown, request: FastifyRequest): ApiError {
    const requestId = request.id;
    if (exception instanceof DomainError) {
      const statusCode = ERROR_STATUS[exception.code];
      return {
        statusCode,
        code: exception.code,
        message: exception.text && prefersEnglish(request) ? exception.text.en : exception.message,
        ...(exception.fields ? { fields: exception.fields } : {}),
        ...(exception.details ?? {}),
      };
    }
    const requestError = fastifyRequestError(exception);
    if (requestError) return requestError;
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const known = STATUS_CODES[statusCode];
      if (statusCode < 500) {
        return { statusCode, code: known?.code ?? 'VALIDATION_FAILED', message: known?.message ?? exception.message };
      }
    }
    if (isDatabaseUnavailable(exception)) {
      // The request log has this request's line; the outage itself is logged once per interval.
      this.outageLog.refusedRequest(exception);
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'DATABASE_UNAVAILABLE',
        message: 'Baza danych jest chwilowo niedostępna. Spróbuj ponownie za kilka sekund.',
        requestId,
      };
    }
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error({ err: error, requestId, method: request.method, path: pathOf(request.url) }, error.stack);
    return {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: `Wystąpił nieoczekiwany błąd. Podaj administratorowi identyfikator zgłoszenia: ${requestId ?? 'brak'}.`,
      requestId,
    };
  }
}

/** Polish unless the client asks for English first (Accept-Language). */
function prefersEnglish(request: FastifyRequest): boolean {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^\s*en\b/i.test(header);
}
