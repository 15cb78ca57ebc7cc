import { provideHttpClient, withFetch, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_ICON_DEFAULT_OPTIONS } from '@angular/material/icon';
import { TitleStrategy, provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { provideTransloco } from '@jsverse/transloco';
import { CSRF_COOKIE, CSRF_HEADER } from '@pu/contracts';
import { APP_ROUTES } from './app.routes';
import { Session } from './auth/session';
import { BundledTranslocoLoader, DEFAULT_LANG, LANGS } from './i18n/bundled-loader';
import { Language } from './i18n/language';
import { TranslatedTitleStrategy } from './i18n/translated-title-strategy';
import { csrfRetryInterceptor } from './http/csrf-retry-interceptor';
import { httpErrorInterceptor } from './http/http-error-interceptor';
import { languageInterceptor } from './http/language-interceptor';
import { Notifier } from './shared/notifier';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(APP_ROUTES, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideHttpClient(
      withFetch(),
      // Echo the server's readable XSRF-TOKEN cookie in X-XSRF-TOKEN on every state-changing request.
      withXsrfConfiguration({ cookieName: CSRF_COOKIE, headerName: CSRF_HEADER }),
      // Outermost first: the error interceptor sees what remains after the CSRF retry.
      withInterceptors([httpErrorInterceptor, csrfRetryInterceptor, languageInterceptor]),
    ),
    provideTransloco({
      config: {
        availableLangs: [...LANGS],
        defaultLang: DEFAULT_LANG,
        fallbackLang: DEFAULT_LANG,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
      },
      loader: BundledTranslocoLoader,
    }),
    provideAppInitializer(() => {
      inject(Notifier).preloadOnceSignedIn();
      // Who is signed in is asked while the translation loads: the first route's guards need the answer next.
      void inject(Session).ensureLoaded();
      return inject(Language).init();
    }),
    { provide: MAT_ICON_DEFAULT_OPTIONS, useValue: { fontSet: 'material-symbols-outlined' } },
  ],
};
