import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  IDEMPOTENCY_HEADER,
  ROUTES,
  type CaseBoard,
  type CaseListQuery,
  type CasePage,
  type CaseResponse,
  type CloseCaseRequest,
  type CreateCaseRequest,
  type CreatePromiseRequest,
  type DeadlineExtensionRequest,
  type DepartmentResponse,
  type HistoryEntry,
  type PromiseResponse,
  type TransferCaseRequest,
  type UpdateCaseRequest,
  type UpdatePromiseRequest,
} from '@pu/contracts';
import { Observable } from 'rxjs';
import { apiUrl, ifMatch } from '../http/api-url';
import { HandledError, handles } from '../http/handled-errors';

/** What the case pages explain themselves: field errors, conflicts with someone else's change, workflow rules. */
export const CASE_FORM_ERRORS: HandledError[] = [
  422,
  'STALE_VERSION',
  'WORKFLOW_STEP_NOT_ALLOWED',
  'WORKFLOW_INCOMPLETE',
  'IDEMPOTENCY_KEY_REUSED',
];

/** Cases, their workflow actions, promises and history. Changes send `If-Match` with the version last read. */
@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);

  departments(): Observable<DepartmentResponse[]> {
    return this.http.get<DepartmentResponse[]>(apiUrl(ROUTES.departments));
  }

  list(query: CaseListQuery): Observable<CasePage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query) as [string, string | number | boolean | undefined][]) {
      if (value !== undefined && value !== '') {
        params = params.set(key, String(value));
      }
    }
    return this.http.get<CasePage>(apiUrl(ROUTES.cases), { params });
  }

  /** A kind's open cases in the columns of its steps, with the list's filters. */
  board(query: CaseListQuery): Observable<CaseBoard> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query) as [string, string | number | boolean | undefined][]) {
      if (value !== undefined && value !== '') {
        params = params.set(key, String(value));
      }
    }
    return this.http.get<CaseBoard>(apiUrl(ROUTES.caseBoard), { params });
  }

  /** A case that is not there (or no longer visible, e.g. after a transfer) is the page's to explain. */
  get(id: string): Observable<CaseResponse> {
    return this.http.get<CaseResponse>(apiUrl(ROUTES.case(id)), { context: handles(404) });
  }

  /** The same key with the same body is answered with the first result: a retry never registers twice. */
  create(body: CreateCaseRequest, idempotencyKey: string): Observable<CaseResponse> {
    return this.http.post<CaseResponse>(apiUrl(ROUTES.cases), body, {
      headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
      context: handles(...CASE_FORM_ERRORS),
    });
  }

  /** Corrects the case's own data (only the fields sent change); 412 when someone saved it meanwhile. */
  update(c: CaseResponse, body: UpdateCaseRequest): Observable<CaseResponse> {
    return this.http.patch<CaseResponse>(apiUrl(ROUTES.case(c.id)), body, {
      headers: ifMatch(c.version),
      context: handles(...CASE_FORM_ERRORS),
    });
  }

  completeStep(c: CaseResponse, stepId: string, data: Record<string, unknown>): Observable<CaseResponse> {
    return this.change(ROUTES.caseStep(c.id, stepId), c.version, data);
  }

  skipStep(c: CaseResponse, stepId: string, reason: string): Observable<CaseResponse> {
    return this.change(ROUTES.caseStepSkip(c.id, stepId), c.version, { reason });
  }

  reopenStep(c: CaseResponse, stepId: string, reason: string): Observable<CaseResponse> {
    return this.change(ROUTES.caseStepReopen(c.id, stepId), c.version, { reason });
  }

  close(c: CaseResponse, body: CloseCaseRequest): Observable<CaseResponse> {
    return this.change(ROUTES.caseClose(c.id), c.version, body);
  }

  transfer(c: CaseResponse, body: TransferCaseRequest): Observable<CaseResponse> {
    return this.change(ROUTES.caseTransfer(c.id), c.version, body);
  }

  extendDeadline(c: CaseResponse, body: DeadlineExtensionRequest): Observable<CaseResponse> {
    return this.change(ROUTES.caseDeadlineExtensions(c.id), c.version, body);
  }

  promises(caseId: string): Observable<PromiseResponse[]> {
    return this.http.get<PromiseResponse[]>(apiUrl(ROUTES.casePromises(caseId)));
  }

  createPromise(caseId: string, body: CreatePromiseRequest, idempotencyKey: string): Observable<PromiseResponse> {
    return this.http.post<PromiseResponse>(apiUrl(ROUTES.casePromises(caseId)), body, {
      headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
      context: handles(...CASE_FORM_ERRORS),
    });
  }

  updatePromise(p: PromiseResponse, body: UpdatePromiseRequest): Observable<PromiseResponse> {
    return this.http.patch<PromiseResponse>(apiUrl(ROUTES.promise(p.id)), body, {
      headers: ifMatch(p.version),
      context: handles(...CASE_FORM_ERRORS),
    });
  }

  history(caseId: string): Observable<HistoryEntry[]> {
    return this.http.get<HistoryEntry[]>(apiUrl(ROUTES.caseHistory(caseId)));
  }

  private change(route: string, version: number, body: object): Observable<CaseResponse> {
    return this.http.post<CaseResponse>(apiUrl(route), body, {
      headers: ifMatch(version),
      context: handles(...CASE_FORM_ERRORS),
    });
  }
}

/** A fresh key for one submission (kept across retries of that submission). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  // Outside a secure context randomUUID is missing; 128 random bits serve the same purpose.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
