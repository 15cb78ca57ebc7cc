import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { catchError, throwError } from 'rxjs';
import { EXPIRED_PARAM, EXPIRED_VALUE, LOGIN_PATH, RETURN_PARAM, safeReturnUrl } from '../auth/return-url';
import { Session } from '../auth/session';
import { Notifier } from '../shared/notifier';
import { errorMessage, toApiError } from './api-error';
import { HANDLED_ERRORS } from './handled-errors';

/**
 * No HTTP error is swallowed: what the calling page does not handle itself (see `handles()`)
 * is shown here in the user's language. A 401 means the session ended: go to sign-in, keeping
 * the page to return to (form drafts are saved as the page closes).
 */
export const httpErrorInterceptor: HttpInterceptorFn = (req, next) => {
  const handled = req.context.get(HANDLED_ERRORS);
  const session = inject(Session);
  const router = inject(Router);
  const notifier = inject(Notifier);
  const transloco = inject(TranslocoService);

  return next(req).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) {
        return throwError(() => error);
      }
      const apiError = toApiError(error);
      if (handled.includes('*') || handled.includes(error.status) || handled.includes(apiError.code)) {
        return throwError(() => error);
      }
      if (error.status === 401) {
        if (session.expire()) {
          // A 401 met while a navigation is under way (the guard's session check) returns the user
          // to where they were going, not to the page they were leaving.
          const navigation = router.currentNavigation();
          const target = navigation ? router.serializeUrl(navigation.finalUrl ?? navigation.extractedUrl) : router.url;
          const returnUrl = safeReturnUrl(target);
          void router.navigate([LOGIN_PATH], {
            queryParams: { [RETURN_PARAM]: returnUrl ?? undefined, [EXPIRED_PARAM]: EXPIRED_VALUE },
          });
        }
        return throwError(() => error);
      }
      let message = errorMessage(transloco, apiError);
      if (apiError.requestId && error.status >= 500) {
        message += ` ${transloco.translate('errors.requestId', { id: apiError.requestId })}`;
      }
      notifier.error(message);
      return throwError(() => error);
    }),
  );
};
