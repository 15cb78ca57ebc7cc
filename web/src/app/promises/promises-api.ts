import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ROUTES, type PromiseListQuery, type PromiseResponse, type UpdatePromiseRequest } from '@pu/contracts';
import { Observable } from 'rxjs';
import { apiUrl, ifMatch } from '../http/api-url';
import { HandledError, handles } from '../http/handled-errors';

/** The API's upper limit for one promise list (it has no paging). */
export const PROMISE_LIST_LIMIT = 500;

/**
 * What the promise pages explain themselves: field errors (422), someone else's change (412), and a
 * promise no longer visible (404: its case was transferred to another department).
 */
const PROMISE_ACTION_ERRORS: HandledError[] = [422, 404, 'STALE_VERSION'];

/** Follow-up promises across cases (standard 17). Changes send `If-Match` with the version last read. */
@Injectable({ providedIn: 'root' })
export class PromisesApi {
  private readonly http = inject(HttpClient);

  list(query: PromiseListQuery): Observable<PromiseResponse[]> {
    let params = new HttpParams().set('limit', String(query.limit ?? PROMISE_LIST_LIMIT));
    for (const key of ['scope', 'state', 'departmentId', 'createdBy'] as const) {
      const value = query[key];
      if (value) {
        params = params.set(key, value);
      }
    }
    return this.http.get<PromiseResponse[]>(apiUrl(ROUTES.promises), { params });
  }

  /** The promises of one case: the fresh copy of a promise after a 412 (there is no GET for one promise). */
  forCase(caseId: string): Observable<PromiseResponse[]> {
    return this.http.get<PromiseResponse[]>(apiUrl(ROUTES.casePromises(caseId)), { context: handles(404) });
  }

  update(p: PromiseResponse, body: UpdatePromiseRequest): Observable<PromiseResponse> {
    return this.http.patch<PromiseResponse>(apiUrl(ROUTES.promise(p.id)), body, {
      headers: ifMatch(p.version),
      context: handles(...PROMISE_ACTION_ERRORS),
    });
  }
}
