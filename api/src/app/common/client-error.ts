import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ApiError } from '@pu/contracts';

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
