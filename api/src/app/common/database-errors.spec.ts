import { DatabaseUnavailableError, isDatabaseUnavailable } from './database-errors';

const withCode = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`failed (${code})`), { code, ...extra });
/** As TypeORM wraps a driver error. */
const queryFailed = (driverError: Error) => Object.assign(new Error(driverError.message), { driverError });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused TCP connection', withCode('ECONNREFUSED', { syscall: 'connect' })],
    ['a missing Unix socket', withCode('ENOENT', { syscall: 'connect', address: '/run/postgresql/.s.PGSQL.5432' })],
    ['a reset connection', withCode('ECONNRESET')],
    ['a timeout', withCode('ETIMEDOUT')],
    ['admin shutdown', queryFailed(withCode('57P01'))],
    ['crash shutdown', withCode('57P02')],
    ['the server starting up', withCode('57P03')],
    ['too many connections', withCode('53300')],
    ['a connection exception of class 08', withCode('08P01')],
    ['a connection cut off by the client', queryFailed(new Error('Connection terminated unexpectedly'))],
    ['a connect timeout', new Error('Connection terminated due to connection timeout')],
    ['the breaker refusing', new DatabaseUnavailableError('database unavailable')],
  ])('holds for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', queryFailed(withCode('23505'))],
    ['a cancelled statement', queryFailed(withCode('57014'))],
    ['a missing file', withCode('ENOENT', { syscall: 'open' })],
    ['a plain error', new Error('boom')],
  ])('does not hold for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
