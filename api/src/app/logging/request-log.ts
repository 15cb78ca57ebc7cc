import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/**
 * One line per answered request, at a level that follows the status (5xx error, 4xx warn, else info), with the id
 * the client saw in X-Request-Id. The path only: a search's query string may carry a client's name (standard 12),
 * and no header is logged, so neither are cookies or CSRF tokens. Health probes stay out of the log.
 *
 * A plain Fastify hook rather than a logging middleware: a middleware layer and a per-request logging context
 * cost the case list over a tenth of the API's time (docs/performance.md).
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const statusCode = reply.statusCode;
    const level = statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
    // Below the configured level (a 2xx at LOG_LEVEL=warn) nothing else is computed.
    if (logger.isLevelEnabled(level)) {
      const path = pathOf(request.url);
      if (!path.startsWith('/api/health'))
        logger[level](
          {
            req: { id: request.id, method: request.method, path },
            res: { statusCode },
            responseTime: Math.round(reply.elapsedTime),
          },
          'request completed',
        );
    }
    done();
  });
}

export const pathOf = (url: string) => {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
};
