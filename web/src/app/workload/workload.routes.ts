import { Routes } from '@angular/router';

/** The manager's and quality officer's dashboard (standard 11.5). */
export const DASHBOARD_ROUTES: Routes = [
  {
    path: '',
    title: 'workload.dashboard.title',
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
