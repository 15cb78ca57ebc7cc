import type { Role } from './roles';
import type { DepartmentRef } from './auth';

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
