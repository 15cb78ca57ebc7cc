import type { Role } from '@pu/contracts';

export interface NavItem {
  path: string;
  /** Translation key of the label, by role where the wording differs. */
  label: string | (Partial<Record<Role, string>> & { default: string });
  icon: string;
  roles: readonly Role[];
}

/** Who may open which section; used both for the menu and for the route guards. */
export const SECTION_ROLES = {
  // "Moja praca": the start page of those who work cases.
  myWork: ['clerk', 'manager'],
  cases: ['clerk', 'manager', 'quality'],
  // The quality officer watches broken promises and deadlines across departments (read-only).
  promises: ['clerk', 'manager', 'quality'],
  deadlines: ['manager', 'quality'],
  // The quality officer's report covers the office; a manager's, their department.
  qualityReport: ['quality', 'manager'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/moja-praca', label: 'workload.nav.myWork', icon: 'today', roles: SECTION_ROLES.myWork },
  {
    path: '/sprawy',
    label: { clerk: 'nav.myCases', default: 'nav.cases' },
    icon: 'folder_open',
    roles: SECTION_ROLES.cases,
  },
  { path: '/obietnice', label: 'nav.promises', icon: 'handshake', roles: SECTION_ROLES.promises },
  { path: '/terminy', label: 'nav.deadlines', icon: 'event_upcoming', roles: SECTION_ROLES.deadlines },
  { path: '/raport-jakosci', label: 'nav.qualityReport', icon: 'analytics', roles: SECTION_ROLES.qualityReport },
  { path: '/administracja/uzytkownicy', label: 'nav.users', icon: 'group', roles: SECTION_ROLES.admin },
  { path: '/administracja/wydzialy', label: 'nav.departments', icon: 'apartment', roles: SECTION_ROLES.admin },
  { path: '/administracja/rejestry', label: 'nav.registers', icon: 'tag', roles: SECTION_ROLES.admin },
];

export function navItemsFor(role: Role): { path: string; label: string; icon: string }[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role)).map((item) => ({
    path: item.path,
    icon: item.icon,
    label: typeof item.label === 'string' ? item.label : (item.label[role] ?? item.label.default),
  }));
}

/** The first page of a role's menu: where "/" and a sign-in without a return URL lead. */
export function homePathFor(role: Role): string {
  return NAV_ITEMS.find((item) => item.roles.includes(role))?.path ?? '/brak-dostepu';
}
