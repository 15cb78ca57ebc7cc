import { Routes } from '@angular/router';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** Managers' view of overdue and due-soon cases and overdue promises of their department (standard 11.5). */
export const DEADLINES_ROUTES: Routes = [
  {
    path: '',
    title: 'deadlines.title',
    providers: [FORM_FIELD_DEFAULTS],
    loadComponent: () => import('./deadlines-page').then((m) => m.DeadlinesPage),
  },
];
