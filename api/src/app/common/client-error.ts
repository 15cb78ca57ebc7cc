import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ApiError } from '@pu/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers or URL past the size limit, a body that
 * took too long, a request line that is not HTTP), answered in the shape of every other API error, so a client
 * can rely on `code` for any 4xx.
 */
function clientErrorBody(code: string | undefined): ApiError {
  if (code === 'HPE_HEADER_OVERFLOW')
    return {
      statusCode: 431,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Adres lub nagłówki żądania są zbyt długie. (Request URL or headers too large.)',
    };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return {
      statusCode: 408,
      code: 'REQUEST_TIMEOUT',
      message: 'Żądanie nie dotarło w całości na czas — spróbuj ponownie. (Request timed out.)',
    };
  return { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Nieprawidłowe żądanie HTTP. (Malformed request.)' };
}

/** Fastify's `clientErrorHandler`: the same cases as its default (nothing to answer on a reset socket). */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const body = clientErrorBody(error.code);
    const text = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${body.statusCode} ${STATUS_CODES[body.statusCode]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}

/**
 * Fastify's `frameworkErrors`: a path that is not valid percent-encoding, or a path parameter past Fastify's
 * length limit, is refused by the router before any route (and so before the exception filter) runs.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const body: ApiError = tooLong
    ? { statusCode: 414, code: 'NOT_FOUND', message: 'Adres jest zbyt długi. (URL too long.)' }
    : { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Nieprawidłowy adres żądania. (Malformed URL.)' };
  void reply.code(body.statusCode).send(body);
}
