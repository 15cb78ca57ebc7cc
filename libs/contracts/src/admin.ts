import type { CaseKindName } from './cases';
import type { Role } from './roles';
import type { DepartmentRef } from './auth';
import type { EmailMode, UserLanguage } from './account';

export interface DepartmentResponse extends DepartmentRef {
  active: boolean;
  version: number;
}

export interface CreateDepartmentRequest {
  symbol: string;
  name: string;
}

export interface UpdateDepartmentRequest {
  symbol?: string;
  name?: string;
  active?: boolean;
}

export interface UserResponse {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  /** The user's own e-mail choice and language (read-only here: the user sets them). */
  emailMode: EmailMode;
  language: UserLanguage;
  role: Role;
  department: DepartmentRef;
  disabled: boolean;
  createdAt: string;
  version: number;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  email?: string;
  role: Role;
  departmentId: string;
  password: string;
}

export interface UpdateUserRequest {
  displayName?: string;
  email?: string | null;
  role?: Role;
  departmentId?: string;
  disabled?: boolean;
}

export interface ResetPasswordRequest {
  password: string;
}

/** Password policy shared by API validation and the SPA form hint. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** The register of one case kind: how its reference numbers are written. */
export interface CaseRegisterResponse {
  kind: CaseKindName;
  /** JRWA symbol, put where the format says {jrwa}. */
  jrwa: string;
  /** With {department}, {jrwa}, {n} and {yyyy}, e.g. '{department}.1510.{n}.{yyyy}'. */
  format: string;
  /** The format applied to department "OR", number 12 and the current year. */
  example: string;
  version: number;
}

export interface UpdateCaseRegisterRequest {
  jrwa?: string;
  format?: string;
}
