import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ROUTES,
  type AssignCaseRequest,
  type CaseResponse,
  type DashboardResponse,
  type DepartmentResponse,
  type MyWorkResponse,
  type StaffMember,
  type TakeOverCaseRequest,
} from '@pu/contracts';
import { Observable } from 'rxjs';
import { apiUrl, ifMatch } from '../http/api-url';
import { handles } from '../http/handled-errors';
import { CASE_FORM_ERRORS } from '../cases/cases-api';

/** What the assignment actions explain themselves, besides the case forms' errors: taken meanwhile, not allowed. */
export const ASSIGNMENT_ERRORS = [...CASE_FORM_ERRORS, 'CONFLICT', 403];

/** The dashboard, "my work", the people a case can go to, and the manager's and clerk's assignment actions. */
@Injectable({ providedIn: 'root' })
export class WorkloadApi {
  private readonly http = inject(HttpClient);

  dashboard(departmentId: string | null): Observable<DashboardResponse> {
    const params = departmentId ? new HttpParams().set('departmentId', departmentId) : undefined;
    return this.http.get<DashboardResponse>(apiUrl(ROUTES.dashboard), { params });
  }

  myWork(): Observable<MyWorkResponse> {
    return this.http.get<MyWorkResponse>(apiUrl(ROUTES.myWork));
  }

  departments(): Observable<DepartmentResponse[]> {
    return this.http.get<DepartmentResponse[]>(apiUrl(ROUTES.departments));
  }

  /** Active clerks and managers (of one department, or all). */
  staff(departmentId?: string): Observable<StaffMember[]> {
    const params = departmentId ? new HttpParams().set('departmentId', departmentId) : undefined;
    return this.http.get<StaffMember[]>(apiUrl(ROUTES.staff), { params });
  }

  takeOver(c: CaseResponse, body: TakeOverCaseRequest = {}): Observable<CaseResponse> {
    return this.http.post<CaseResponse>(apiUrl(ROUTES.caseTakeOver(c.id)), body, {
      headers: ifMatch(c.version),
      context: handles(...ASSIGNMENT_ERRORS),
    });
  }

  assign(c: CaseResponse, body: AssignCaseRequest): Observable<CaseResponse> {
    return this.http.post<CaseResponse>(apiUrl(ROUTES.caseAssign(c.id)), body, {
      headers: ifMatch(c.version),
      context: handles(...ASSIGNMENT_ERRORS),
    });
  }
}
