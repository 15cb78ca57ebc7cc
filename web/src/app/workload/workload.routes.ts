import { Routes } from '@angular/router';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** The manager's and quality officer's dashboard (standard 11.5). */
export const DASHBOARD_ROUTES: Routes = [
  {
    path: '',
    title: 'workload.dashboard.title',
    providers: [FORM_FIELD_DEFAULTS],
    loadComponent: () => import('./dashboard-page').then((m) => m.DashboardPage),
  },
];

/** The clerk's start page. */
export const MY_WORK_ROUTES: Routes = [
  {
    path: '',
    title: 'workload.myWork.title',
    loadComponent: () => import('./my-work-page').then((m) => m.MyWorkPage),
  },
];
