import type { Role } from './roles';

export interface LoginRequest {
  username: string;
  password: string;
}

export interface DepartmentRef {
  id: string;
  symbol: string;
  name: string;
}

export interface MeResponse {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  department: DepartmentRef;
  /** When the session ends if idle, ISO 8601; the SPA warns before it. */
  sessionIdleExpiresAt: string;
}

/** Name of the readable cookie holding the CSRF token, and the header that must echo it (Angular's defaults). */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';
export const SESSION_COOKIE = 'pu_session';
