import { Routes } from '@angular/router';
import { homeRedirectGuard, roleGuard, signedInGuard, signedOutGuard } from './auth/auth-guards';
import { SECTION_ROLES } from './shell/navigation';

/** Route `title`s are translation keys (see TranslatedTitleStrategy). Paths are Polish. */
export const APP_ROUTES: Routes = [
  {
    path: 'logowanie',
    title: 'login.title',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./auth/login-page').then((m) => m.LoginPage),
  },
  {
    path: '',
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    canActivate: [signedInGuard],
    canActivateChild: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirectGuard], children: [] },
      {
        path: 'sprawy',
        canMatch: [roleGuard(SECTION_ROLES.cases)],
        loadChildren: () => import('./cases/cases.routes').then((m) => m.CASES_ROUTES),
      },
      {
        path: 'obietnice',
        canMatch: [roleGuard(SECTION_ROLES.promises)],
        loadChildren: () => import('./promises/promises.routes').then((m) => m.PROMISES_ROUTES),
      },
      {
        path: 'moja-praca',
        canMatch: [roleGuard(SECTION_ROLES.myWork)],
        loadChildren: () => import('./workload/workload.routes').then((m) => m.MY_WORK_ROUTES),
      },
      {
        path: 'terminy',
        canMatch: [roleGuard(SECTION_ROLES.deadlines)],
        loadChildren: () => import('./workload/workload.routes').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'raport-jakosci',
        canMatch: [roleGuard(SECTION_ROLES.qualityReport)],
        loadChildren: () => import('./quality-report/quality-report.routes').then((m) => m.QUALITY_REPORT_ROUTES),
      },
      {
        path: 'powiadomienia',
        loadChildren: () => import('./notifications/notifications.routes').then((m) => m.NOTIFICATIONS_ROUTES),
      },
      {
        path: 'administracja',
        canMatch: [roleGuard(SECTION_ROLES.admin)],
        loadChildren: () => import('./admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
      {
        path: 'ustawienia',
        title: 'account.title',
        loadComponent: () => import('./account/account-settings-page').then((m) => m.AccountSettingsPage),
      },
      {
        path: 'brak-dostepu',
        title: 'noAccess.title',
        loadComponent: () => import('./shell/no-access-page').then((m) => m.NoAccessPage),
      },
      {
        path: '**',
        title: 'notFound.title',
        loadComponent: () => import('./shell/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
