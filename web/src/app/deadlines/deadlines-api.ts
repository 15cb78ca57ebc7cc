import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ROUTES, type CaseListQuery, type CasePage, type DepartmentResponse } from '@pu/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** The case register filtered by deadline, and the departments for the quality officer's picker. */
@Injectable({ providedIn: 'root' })
export class DeadlinesApi {
  private readonly http = inject(HttpClient);

  cases(query: CaseListQuery): Observable<CasePage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query) as [string, string | number | boolean | undefined][]) {
      if (value !== undefined && value !== '') {
        params = params.set(key, String(value));
      }
    }
    return this.http.get<CasePage>(apiUrl(ROUTES.cases), { params });
  }

  departments(): Observable<DepartmentResponse[]> {
    return this.http.get<DepartmentResponse[]>(apiUrl(ROUTES.departments));
  }
}
