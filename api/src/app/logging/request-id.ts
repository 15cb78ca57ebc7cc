import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * The id that ties a request's log line, its audit entries and an error shown to a clerk together (Fastify's
 * `genReqId`). A well-formed `X-Request-Id` from a proxy is kept so one id follows the request through every hop.
 */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
