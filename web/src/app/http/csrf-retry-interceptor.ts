import { HttpClient, HttpErrorResponse, HttpInterceptorFn, HttpXsrfTokenExtractor } from '@angular/common/http';
import { inject } from '@angular/core';
import { CSRF_HEADER, ROUTES } from '@pu/contracts';
import { catchError, switchMap, throwError } from 'rxjs';
import { toApiError } from './api-error';
import { apiUrl } from './api-url';
import { handles } from './handled-errors';

/**
 * The server sets the XSRF-TOKEN cookie on the first response lacking it and replaces it at sign-in
 * and sign-out; a state-changing request sent before any GET, or with a token that does not belong to
 * the session, fails with 403 CSRF_TOKEN_INVALID (the refusal within a session sets the right one).
 * Then fetch any GET (it sets a missing cookie) and resend the request once with the fresh token.
 */
export const csrfRetryInterceptor: HttpInterceptorFn = (req, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') {
    return next(req);
  }
  const http = inject(HttpClient);
  const tokens = inject(HttpXsrfTokenExtractor);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || toApiError(error).code !== 'CSRF_TOKEN_INVALID') {
        return throwError(() => error);
      }
      return http.get(apiUrl(ROUTES.health), { context: handles('*') }).pipe(
        catchError(() => throwError(() => error)),
        switchMap(() => {
          const token = tokens.getToken();
          return next(token ? req.clone({ setHeaders: { [CSRF_HEADER]: token } }) : req);
        }),
      );
    }),
  );
};
