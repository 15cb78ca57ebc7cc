import type { FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The headers helmet sets, computed once. With no nonces they depend only on the options, never on the request;
 * running helmet's middleware chain on every request (as @fastify/helmet does, in two hooks, one async) cost
 * a few percent of the case list's time.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => (headers[name] = String(value)),
    removeHeader: (name: string) => delete headers[name],
  };
  let completed = false;
  void helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error instanceof Error) throw error;
    completed = error === undefined;
  });
  if (!completed) throw new Error('helmet did not finish synchronously: its headers cannot be computed once');
  return headers;
}

const applySecurityHeaders: FastifyPluginCallback<HelmetOptions> = (fastify, options, done) => {
  const headers = securityHeaders(options);
  fastify.addHook('onRequest', (_request, reply, next) => {
    void reply.headers(headers);
    next();
  });
  done();
};

/** helmet's headers on every response, the SPA's and the API's alike. */
export const securityHeadersPlugin = fp(applySecurityHeaders, { name: 'pu-security-headers' });
