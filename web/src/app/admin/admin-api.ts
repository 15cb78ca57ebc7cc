import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CaseKindName,
  CaseRegisterResponse,
  CreateDepartmentRequest,
  CreateUserRequest,
  DepartmentResponse,
  ROUTES,
  ResetPasswordRequest,
  UpdateCaseRegisterRequest,
  UpdateDepartmentRequest,
  UpdateUserRequest,
  UserResponse,
} from '@pu/contracts';
import { Observable } from 'rxjs';
import type { ReceivedError } from '../http/api-error';
import { apiUrl, ifMatch } from '../http/api-url';
import { HandledError, handles } from '../http/handled-errors';

/** Errors the admin pages show on their fields or as a notice: validation, duplicates, conflicts, stale versions. */
const FORM_ERRORS: HandledError[] = [422, 'DUPLICATE', 'CONFLICT', 'STALE_VERSION'];

export function isFormError(e: ReceivedError): boolean {
  return FORM_ERRORS.includes(e.statusCode) || FORM_ERRORS.includes(e.code);
}

/** Users, departments and case registers, for the administrator. Edits send `If-Match` with the version last read. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  users(): Observable<UserResponse[]> {
    return this.http.get<UserResponse[]>(apiUrl(ROUTES.admin.users));
  }

  user(id: string): Observable<UserResponse> {
    return this.http.get<UserResponse>(apiUrl(ROUTES.admin.user(id)));
  }

  createUser(body: CreateUserRequest): Observable<UserResponse> {
    return this.http.post<UserResponse>(apiUrl(ROUTES.admin.users), body, { context: handles(...FORM_ERRORS) });
  }

  updateUser(id: string, version: number, body: UpdateUserRequest): Observable<UserResponse> {
    return this.http.patch<UserResponse>(apiUrl(ROUTES.admin.user(id)), body, {
      headers: ifMatch(version),
      context: handles(...FORM_ERRORS),
    });
  }

  setPassword(id: string, body: ResetPasswordRequest): Observable<void> {
    return this.http.post<void>(apiUrl(ROUTES.admin.userPassword(id)), body, { context: handles(422) });
  }

  departments(): Observable<DepartmentResponse[]> {
    return this.http.get<DepartmentResponse[]>(apiUrl(ROUTES.admin.departments));
  }

  department(id: string): Observable<DepartmentResponse> {
    return this.http.get<DepartmentResponse>(apiUrl(ROUTES.admin.department(id)));
  }

  createDepartment(body: CreateDepartmentRequest): Observable<DepartmentResponse> {
    return this.http.post<DepartmentResponse>(apiUrl(ROUTES.admin.departments), body, {
      context: handles(...FORM_ERRORS),
    });
  }

  updateDepartment(id: string, version: number, body: UpdateDepartmentRequest): Observable<DepartmentResponse> {
    return this.http.patch<DepartmentResponse>(apiUrl(ROUTES.admin.department(id)), body, {
      headers: ifMatch(version),
      context: handles(...FORM_ERRORS),
    });
  }

  caseRegisters(): Observable<CaseRegisterResponse[]> {
    return this.http.get<CaseRegisterResponse[]>(apiUrl(ROUTES.admin.caseRegisters));
  }

  updateCaseRegister(
    kind: CaseKindName,
    version: number,
    body: UpdateCaseRegisterRequest,
  ): Observable<CaseRegisterResponse> {
    return this.http.patch<CaseRegisterResponse>(apiUrl(ROUTES.admin.caseRegister(kind)), body, {
      headers: ifMatch(version),
      context: handles(...FORM_ERRORS),
    });
  }
}
