import { Routes } from '@angular/router';
import { roleGuard } from '../auth/auth-guards';

/** The quality-improvement report (quality officer: the office; manager: their department) and the categories. */
export const QUALITY_REPORT_ROUTES: Routes = [
  {
    path: '',
    title: 'qualityReport.title',
    loadComponent: () => import('./quality-report-page').then((m) => m.QualityReportPage),
  },
  {
    path: 'kategorie',
    title: 'qualityReport.categories.title',
    canMatch: [roleGuard(['quality'])],
    loadComponent: () => import('./root-causes-page').then((m) => m.RootCausesPage),
  },
];
