import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError, ErrorCode } from '@pu/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { messageIn, textIn, type Language, type PlainMessageKey } from '@pu/workflow';
import { DomainError, type FieldMessages } from './domain-error';
import { requestLanguage } from '../i18n/request-language';
import { ERROR_STATUS } from './error-status';
import { isDatabaseUnavailable } from './database-errors';
import { pathOf } from '../logging/request-log';
import { ConnectionBreaker } from '../database/connection-breaker';
import { DatabaseOutageLog } from '../database/database-outage-log';

const STATUS_CODES: Partial<Record<number, { code: ErrorCode; message: PlainMessageKey }>> = {
  400: { code: 'VALIDATION_FAILED', message: 'http.badRequest' },
  401: { code: 'UNAUTHENTICATED', message: 'http.unauthenticated' },
  403: { code: 'FORBIDDEN', message: 'http.forbidden' },
  404: { code: 'NOT_FOUND', message: 'http.notFound' },
  405: { code: 'NOT_FOUND', message: 'http.methodNotAllowed' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'http.payloadTooLarge' },
  415: { code: 'VALIDATION_FAILED', message: 'http.unsupportedMediaType' },
  429: { code: 'TOO_MANY_ATTEMPTS', message: 'http.tooManyAttempts' },
};

/**
 * Fastify rejects some requests before any handler runs (a body that is not JSON, too large, of another type);
 * its errors carry a `FST_` code and a 4xx status.
 */
function fastifyRequestError(exception: unknown, language: Language): ApiError | null {
  // Nest's adapter wraps them in an HttpException; the original, kept as the cause, says why.
  const original = (exception as { cause?: unknown } | null)?.cause ?? exception;
  const { code, statusCode } = (original ?? {}) as { code?: unknown; statusCode?: unknown };
  if (typeof code !== 'string' || !code.startsWith('FST_') || typeof statusCode !== 'number' || statusCode >= 500)
    return null;
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return { statusCode: 400, code: 'MALFORMED_JSON', message: messageIn(language, 'http.malformedJson') };
  const known = STATUS_CODES[statusCode];
  return {
    statusCode,
    code: known?.code ?? 'VALIDATION_FAILED',
    message: messageIn(language, known?.message ?? 'http.badRequest'),
  };
}

/** Seconds to wait before trying again: what the error says (a busy export), else for a 503 the database breaker's. */
function retryAfter(exception: unknown, status: number, breaker: ConnectionBreaker): number | null {
  const said = exception instanceof DomainError ? exception.details?.['retryAfterSeconds'] : undefined;
  if (typeof said === 'number') return said;
  return status === 503 ? breaker.retryAfterSeconds : null;
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
    const wait = retryAfter(exception, body.statusCode, this.breaker);
    if (wait !== null) void reply.header('Retry-After', String(wait));
    void reply.status(body.statusCode).send(body);
  }

  private toApiError(exception: unknown, request: FastifyRequest): ApiError {
    const requestId = request.id;
    const language = requestLanguage(request);
    if (exception instanceof DomainError) {
      const statusCode = ERROR_STATUS[exception.code];
      return {
        statusCode,
        code: exception.code,
        message: textIn(exception.text, language),
        ...(exception.fields ? { fields: fieldsIn(exception.fields, language) } : {}),
        ...(exception.details ?? {}),
      };
    }
    const requestError = fastifyRequestError(exception, language);
    if (requestError) return requestError;
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const known = STATUS_CODES[statusCode];
      if (statusCode < 500) {
        const text = known ? messageIn(language, known.message) : exception.message;
        return { statusCode, code: known?.code ?? 'VALIDATION_FAILED', message: text };
      }
    }
    if (isDatabaseUnavailable(exception)) {
      // The request log has this request's line; the outage itself is logged once per interval.
      this.outageLog.refusedRequest(exception);
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'DATABASE_UNAVAILABLE',
        message: messageIn(language, 'http.databaseUnavailable'),
        requestId,
      };
    }
    const error = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error({ err: error, requestId, method: request.method, path: pathOf(request.url) }, error.stack);
    return {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: messageIn(language, 'http.internalError', { requestId: requestId ?? '' }),
      requestId,
    };
  }
}

function fieldsIn(fields: FieldMessages, language: Language): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fields)) out[field] = messages.map((m) => textIn(m, language));
  return out;
}
