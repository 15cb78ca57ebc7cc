import { Routes } from '@angular/router';

/** `/powiadomienia`: everyone signed in has their own. */
export const NOTIFICATIONS_ROUTES: Routes = [
  {
    path: '',
    title: 'notifications.title',
    loadComponent: () => import('./notifications-page').then((m) => m.NotificationsPage),
  },
];
