import { Routes } from '@angular/router';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** Administration: user accounts, departments and case registers (role admin only; guarded in app.routes.ts). */
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
      {
        path: 'rejestry',
        title: 'admin.registers.title',
        loadComponent: () => import('./case-registers-page').then((m) => m.CaseRegistersPage),
      },
      {
        path: 'rejestry/:kind',
        title: 'admin.registers.editTitle',
        loadComponent: () => import('./case-register-form-page').then((m) => m.CaseRegisterFormPage),
      },
    ],
  },
];
