import { Routes } from '@angular/router';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** Administration: user accounts and departments (role admin only; guarded in app.routes.ts). */
export const ADMIN_ROUTES: Routes = [
  {
    path: '',
    providers: [FORM_FIELD_DEFAULTS],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'uzytkownicy' },
      {
        path: 'uzytkownicy',
        title: 'admin.users.title',
        loadComponent: () => import('./users-page').then((m) => m.UsersPage),
      },
      {
        path: 'uzytkownicy/nowy',
        title: 'admin.users.createTitle',
        loadComponent: () => import('./user-form-page').then((m) => m.UserFormPage),
      },
      {
        path: 'uzytkownicy/:id',
        title: 'admin.users.editTitle',
        loadComponent: () => import('./user-form-page').then((m) => m.UserFormPage),
      },
      {
        path: 'wydzialy',
        title: 'admin.departments.title',
        loadComponent: () => import('./departments-page').then((m) => m.DepartmentsPage),
      },
      {
        path: 'wydzialy/nowy',
        title: 'admin.departments.createTitle',
        loadComponent: () => import('./department-form-page').then((m) => m.DepartmentFormPage),
      },
      {
        path: 'wydzialy/:id',
        title: 'admin.departments.editTitle',
        loadComponent: () => import('./department-form-page').then((m) => m.DepartmentFormPage),
      },
    ],
  },
];
