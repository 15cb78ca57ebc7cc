import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { ROUTES, type WorkflowCatalogResponse } from '@pu/contracts';
import { Observable, catchError, shareReplay, tap, throwError } from 'rxjs';
import { apiUrl } from '../http/api-url';
import { handles } from '../http/handled-errors';

/** GET /api/workflows: the four workflows as data, with the labels the forms and lists need. */
export type WorkflowCatalog = WorkflowCatalogResponse;

/**
 * The one client of the workflow catalog. It is fetched once per page load (it changes only with a
 * new release) and shared by every page; a failed fetch is forgotten, so the next caller tries again.
 */
@Injectable({ providedIn: 'root' })
export class WorkflowCatalogApi {
  private readonly http = inject(HttpClient);
  private catalog$: Observable<WorkflowCatalog> | null = null;
  private readonly received = signal<WorkflowCatalog | null>(null);

  /** The catalog once it has arrived; null until then. */
  readonly current = this.received.asReadonly();

  /**
   * `quiet`: the caller can do without it (lists show plain ids instead), so a failure is not announced.
   * Otherwise the HTTP error interceptor says what went wrong.
   */
  catalog(options: { quiet?: boolean } = {}): Observable<WorkflowCatalog> {
    this.catalog$ ??= this.http
      .get<WorkflowCatalog>(apiUrl(ROUTES.workflows), options.quiet ? { context: handles('*') } : {})
      .pipe(
        tap((catalog) => this.received.set(catalog)),
        catchError((err: unknown) => {
          this.catalog$ = null;
          return throwError(() => err);
        }),
        shareReplay(1),
      );
    return this.catalog$;
  }
}
