/**
 * Every error the API answers has this shape. `code` is stable (the SPA translates by it);
 * `message` is Polish, written for the clerk; `fields` names what failed validation.
 */
export interface ApiError {
  statusCode: number;
  /** One of ERROR_CODES; typed as string so a client survives codes added later. */
  code: string;
  message: string;
  fields?: Record<string, string[]>;
  /** With WORKFLOW_INCOMPLETE and WORKFLOW_STEP_NOT_ALLOWED: the required steps still to be done, in order. */
  missingSteps?: string[];
  requestId?: string;
}

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_CURSOR',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'ACCOUNT_DISABLED',
  'CONFLICT',
  'DUPLICATE',
  'PRECONDITION_REQUIRED',
  'STALE_VERSION',
  'IDEMPOTENCY_KEY_REUSED',
  'WORKFLOW_STEP_NOT_ALLOWED',
  'WORKFLOW_INCOMPLETE',
  'DATABASE_UNAVAILABLE',
  'EXPORTS_BUSY',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
