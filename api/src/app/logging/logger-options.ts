import type { Params } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { requestIdOf } from './request-id';

/**
 * What a log line says about the request. pino serialises these bindings for every request as it starts, whether
 * or not anything is logged, so they are kept small; and the query string stays out of the logs because a search
 * may carry a client's name (standard 12). No headers, so no cookies or CSRF tokens, are ever logged.
 */
const requestSerializer = (req: IncomingMessage & { id?: unknown }) => ({
  id: req.id,
  method: req.method,
  path: req.url?.split('?', 1)[0],
});
const responseSerializer = (res: ServerResponse) => ({ statusCode: res.statusCode });

/** JSON logs, one line per request, each carrying a request id the client also sees (X-Request-Id). */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: requestIdOf,
      serializers: { req: requestSerializer, res: responseSerializer },
      autoLogging: { ignore: (req) => req.url?.startsWith('/api/health') ?? false },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
  };
}
