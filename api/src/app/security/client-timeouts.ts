import { DEFAULT_LANGUAGE, messageIn } from '@pu/workflow';
import type { ApiError, ErrorCode } from '@pu/contracts';
import { STATUS_CODES, type ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { AppConfig } from '../config/app-config';

/**
 * How often Node looks for requests past their time. Its default, 30 s, would let a stalled request hold its
 * connection up to that much longer than the timeout says.
 */
const CHECK_INTERVAL_MS = 1000;
/**
 * A socket that carries nothing for this long beyond the request timeout (a client that stopped reading the
 * answer) is dropped. Node applies it until the first answer on a connection; the keep-alive timeout then takes over.
 */
const SILENT_SOCKET_GRACE_MS = 30_000;

/**
 * Bounds on slow clients, set deliberately rather than left to Fastify's defaults (which turn Node's request
 * timeout off): a request must arrive whole within `requestMs` and its headers within `headersMs`, else it is
 * answered 408 and its connection closed; an idle keep-alive connection stays open `keepAliveMs`, longer than a
 * load balancer's idle timeout, so that the balancer never sends a request into a connection being closed.
 */
export function clientTimeoutOptions(timeouts: AppConfig['timeouts']) {
  const http: ServerOptions = {
    requestTimeout: timeouts.requestMs,
    headersTimeout: timeouts.headersMs,
    connectionsCheckingInterval: CHECK_INTERVAL_MS,
  };
  return {
    http,
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.requestMs + SILENT_SOCKET_GRACE_MS,
    keepAliveTimeout: timeouts.keepAliveMs,
    clientErrorHandler: answerClientError,
  };
}

// Node refuses these before a request's headers are read, so the office's language answers them.
const CLIENT_ERRORS: Record<string, { statusCode: number; code: ErrorCode; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    statusCode: 408,
    code: 'REQUEST_TIMEOUT',
    message: messageIn(DEFAULT_LANGUAGE, 'http.requestTimeout'),
  },
  HPE_HEADER_OVERFLOW: {
    statusCode: 431,
    code: 'PAYLOAD_TOO_LARGE',
    message: messageIn(DEFAULT_LANGUAGE, 'http.headersTooLarge'),
  },
};
const MALFORMED = {
  statusCode: 400,
  code: 'VALIDATION_FAILED',
  message: messageIn(DEFAULT_LANGUAGE, 'http.badRequest'),
};

/**
 * Answers what Node rejects before Fastify sees a request (a timeout, unparsable HTTP) in the API's error shape,
 * then closes the connection, as Fastify's own handler would.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // An answer already under way cannot be followed by another on the same connection.
  const answering = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (socket.writable && !answering) {
    const body: ApiError = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${body.statusCode} ${STATUS_CODES[body.statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}
