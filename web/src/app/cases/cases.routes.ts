import { Routes } from '@angular/router';
import { roleGuard } from '../auth/auth-guards';
import { prefetchCase } from './case-prefetch';

/** The case register (`/sprawy`), registering a case (clerks and managers), and one case's page. */
export const CASES_ROUTES: Routes = [
  {
    path: '',
    children: [
      {
        path: '',
        title: 'cases.list.title',
        loadComponent: () => import('./case-list-page').then((m) => m.CaseListPage),
      },
      {
        path: 'nowa',
        title: 'cases.create.title',
        canMatch: [roleGuard(['clerk', 'manager'])],
        loadComponent: () => import('./case-create-page').then((m) => m.CaseCreatePage),
      },
      {
        path: 'tablica',
        title: 'casework.board.title',
        loadComponent: () => import('./case-board-page').then((m) => m.CaseBoardPage),
      },
      {
        path: ':id',
        title: 'cases.page.title',
        canActivate: [prefetchCase],
        loadComponent: () => import('./case-page').then((m) => m.CasePage),
      },
    ],
  },
];
