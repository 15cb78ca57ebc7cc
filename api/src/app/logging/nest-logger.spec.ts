import { createAppLogger } from './app-logger';
import { PinoNestLogger } from './nest-logger';

/**
 * Calls shaped as Nest's `new Logger('Orders')` makes them (the context appended last, `error` passing a stack
 * before it), and what lands in each JSON line.
 */
function capture(level = 'debug') {
  const lines: Record<string, unknown>[] = [];
  const nest = new PinoNestLogger(
    createAppLogger(level, { write: (line: string) => void lines.push(JSON.parse(line)) }),
  );
  const logger = {
    log: (message: unknown) => nest.log(message, 'Orders'),
    warn: (message: unknown) => nest.warn(message, 'Orders'),
    debug: (message: unknown) => nest.debug(message, 'Orders'),
    verbose: (message: unknown) => nest.verbose(message, 'Orders'),
    error: (message: unknown, stack?: string) => nest.error(message, stack, 'Orders'),
  };
  return { lines, logger, nest };
}

describe('PinoNestLogger', () => {
  it('writes the message with the caller’s context at the matching level', () => {
    const { lines, logger } = capture();
    logger.log('started');
    logger.warn('slow');
    logger.debug('details');
    logger.verbose('more details');
    expect(lines.map((l) => [l['level'], l['msg'], l['context']])).toEqual([
      [30, 'started', 'Orders'],
      [40, 'slow', 'Orders'],
      [20, 'details', 'Orders'],
    ]);
  });

  it('keeps an error’s stack and an object message’s fields', () => {
    const { lines, logger } = capture();
    logger.error('failed', 'Error: boom\n    at x');
    logger.error({ requestId: 'r-1', path: '/api/cases' }, 'Error: boom\n    at y');
    expect(lines[0]).toMatchObject({ level: 50, msg: 'failed', stack: 'Error: boom\n    at x', context: 'Orders' });
    expect(lines[1]).toMatchObject({ level: 50, requestId: 'r-1', path: '/api/cases', msg: 'Error: boom\n    at y' });
  });

  it('serialises an Error given as the message', () => {
    const { lines, nest } = capture();
    nest.error(new Error('boom'), 'Orders');
    expect(lines[0]).toMatchObject({ level: 50, msg: 'boom', context: 'Orders', err: { message: 'boom' } });
  });

  it('writes nothing below the configured level', () => {
    const { lines, logger } = capture('warn');
    logger.log('quiet');
    logger.debug('quieter');
    logger.warn('heard');
    expect(lines.map((l) => l['msg'])).toEqual(['heard']);
  });
});
