/**
 * Raised without asking the server: the connection guard refuses or cuts off work while the database is away,
 * or a query got no answer in time.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** Errors meaning "PostgreSQL is not reachable right now", as opposed to a bad query. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
// admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections; class 08 is connection exceptions.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const CONNECTION_EXCEPTION_CLASS = '08';
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection is not established',
  'Cannot use a pool after calling end',
];

interface ErrorLike {
  code?: unknown;
  syscall?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

function isUnavailableItself(e: ErrorLike): boolean {
  if (e instanceof DatabaseUnavailableError) return true;
  if (typeof e.code === 'string') {
    if (UNAVAILABLE_CODES.has(e.code) || UNAVAILABLE_SQLSTATES.has(e.code)) return true;
    if (e.code.length === 5 && e.code.startsWith(CONNECTION_EXCEPTION_CLASS)) return true;
    // A Unix socket that is not there (the server is stopped): ENOENT from connect, not from a file read.
    if (e.code === 'ENOENT' && e.syscall === 'connect') return true;
  }
  return typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => (e.message as string).includes(m));
}

/** The error itself, then what it wraps (TypeORM's `driverError`, a `cause`), a few levels deep. */
function* chainOf(error: unknown): Generator<ErrorLike> {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const e = current as ErrorLike;
    yield e;
    current = e.driverError ?? e.cause;
  }
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of chainOf(error)) if (isUnavailableItself(e)) return true;
  return false;
}

/** One line saying why, for the log, without a stack. */
export function unavailableReason(error: unknown): string {
  // Duck-typed: errors made in another realm (Node's net module under a test runner) fail `instanceof Error`.
  const own = (error as { message?: unknown } | null)?.message;
  const message = typeof own === 'string' ? own : String(error);
  return (message || 'unknown error').split('\n')[0].slice(0, 200);
}

/** SQLSTATE of a unique violation, for turning a race into a clear 409. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.code ?? e.driverError?.code;
  const name = e.constraint ?? e.driverError?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
