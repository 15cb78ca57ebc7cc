import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * The id that ties a request's log lines, its audit entries and an error shown to a clerk together. A well-formed
 * `X-Request-Id` from a proxy is kept so one id follows the request through every hop. Fastify (for its request
 * object) and the request logger both ask, so the id is settled once and kept on the raw request.
 */
export function requestIdOf(req: IncomingMessage & { id?: unknown }): string {
  if (typeof req.id === 'string') return req.id;
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  return id;
}
