import { Routes } from '@angular/router';

/** The annual quality-improvement report; placeholder until built. */
export const QUALITY_REPORT_ROUTES: Routes = [
  {
    path: '',
    title: 'placeholder.qualityReport.title',
    loadComponent: () => import('../shared/placeholder-page').then((m) => m.PlaceholderPage),
    data: { heading: 'placeholder.qualityReport.title', body: 'placeholder.qualityReport.body' },
  },
];
