import { Routes } from '@angular/router';

/** Follow-up promises made to clients (standard 17): own, the department's and all departments' overdue ones. */
export const PROMISES_ROUTES: Routes = [
  {
    path: '',
    title: 'promises.title',
    loadComponent: () => import('./promises-page').then((m) => m.PromisesPage),
  },
];
