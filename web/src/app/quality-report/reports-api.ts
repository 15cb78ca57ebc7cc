import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  IDEMPOTENCY_HEADER,
  ROUTES,
  type CreateImprovementActionRequest,
  type CreateRootCauseCategoryRequest,
  type ImprovementActionResponse,
  type QualityReport,
  type RootCauseCategoryResponse,
  type UpdateImprovementActionRequest,
  type UpdateRootCauseCategoryRequest,
} from '@pu/contracts';
import type { Period } from '@pu/workflow';
import { Observable } from 'rxjs';
import { apiUrl, ifMatch } from '../http/api-url';
import { handles } from '../http/handled-errors';

/** Errors the report's forms show themselves. */
export const REPORT_FORM_ERRORS = [422, 'DUPLICATE', 'STALE_VERSION'] as const;

/** The quality report, the root-cause categories and the improvement actions. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  report(period: Period): Observable<QualityReport> {
    const params = new HttpParams().set('from', period.from).set('to', period.to);
    return this.http.get<QualityReport>(apiUrl(ROUTES.qualityReport), { params });
  }

  rootCauses(): Observable<RootCauseCategoryResponse[]> {
    return this.http.get<RootCauseCategoryResponse[]>(apiUrl(ROUTES.rootCauses));
  }

  createRootCause(body: CreateRootCauseCategoryRequest): Observable<RootCauseCategoryResponse> {
    return this.http.post<RootCauseCategoryResponse>(apiUrl(ROUTES.rootCauses), body, {
      context: handles(...REPORT_FORM_ERRORS),
    });
  }

  updateRootCause(
    category: RootCauseCategoryResponse,
    body: UpdateRootCauseCategoryRequest,
  ): Observable<RootCauseCategoryResponse> {
    return this.http.patch<RootCauseCategoryResponse>(apiUrl(ROUTES.rootCause(category.code)), body, {
      headers: ifMatch(category.version),
      context: handles(...REPORT_FORM_ERRORS),
    });
  }

  improvementActions(): Observable<ImprovementActionResponse[]> {
    return this.http.get<ImprovementActionResponse[]>(apiUrl(ROUTES.improvementActions));
  }

  createImprovementAction(body: CreateImprovementActionRequest, key: string): Observable<ImprovementActionResponse> {
    return this.http.post<ImprovementActionResponse>(apiUrl(ROUTES.improvementActions), body, {
      headers: { [IDEMPOTENCY_HEADER]: key },
      context: handles(...REPORT_FORM_ERRORS),
    });
  }

  updateImprovementAction(
    action: ImprovementActionResponse,
    body: UpdateImprovementActionRequest,
  ): Observable<ImprovementActionResponse> {
    return this.http.patch<ImprovementActionResponse>(apiUrl(ROUTES.improvementAction(action.id)), body, {
      headers: ifMatch(action.version),
      context: handles(...REPORT_FORM_ERRORS),
    });
  }

  deleteImprovementAction(action: ImprovementActionResponse): Observable<void> {
    return this.http.delete<void>(apiUrl(ROUTES.improvementAction(action.id)), {
      headers: ifMatch(action.version),
      context: handles('STALE_VERSION'),
    });
  }
}
