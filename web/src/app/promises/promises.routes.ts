import { Routes } from '@angular/router';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** Follow-up promises made to clients (standard 17): own, the department's and all departments' overdue ones. */
export const PROMISES_ROUTES: Routes = [
  {
    path: '',
    title: 'promises.title',
    providers: [FORM_FIELD_DEFAULTS],
    loadComponent: () => import('./promises-page').then((m) => m.PromisesPage),
  },
];
