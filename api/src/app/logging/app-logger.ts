import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * The one pino logger of the process: JSON lines on stdout, for Nest's own messages, the services' warnings and
 * one line per request (request-log.ts). A test passes its own destination to read what was logged.
 */
export function createAppLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, serializers: { err: pino.stdSerializers.err } };
  return destination ? pino(options, destination) : pino(options);
}
