import type { Role } from '@pu/contracts';

/** The demo office created on an empty database in demo mode. The README lists these sign-ins. */
export const DEMO_PASSWORD = 'Demo-haslo-2026';

export const DEMO_DEPARTMENTS = [
  { symbol: 'OR', name: 'Wydział Organizacyjny' },
  { symbol: 'SO', name: 'Wydział Spraw Obywatelskich' },
  { symbol: 'GK', name: 'Wydział Gospodarki Komunalnej' },
  { symbol: 'FN', name: 'Wydział Finansowy' },
] as const;

/** E-mail addresses under `.example` (RFC 2606): reserved, so a demo that is given an SMTP server reaches nobody. */
export const DEMO_USERS: { username: string; displayName: string; email: string; role: Role; department: string }[] = [
  {
    username: 'urzednik',
    displayName: 'Anna Nowak',
    email: 'anna.nowak@urzad.example',
    role: 'clerk',
    department: 'SO',
  },
  {
    username: 'kierownik',
    displayName: 'Piotr Wiśniewski',
    email: 'piotr.wisniewski@urzad.example',
    role: 'manager',
    department: 'SO',
  },
  {
    username: 'jakosc',
    displayName: 'Ewa Kamińska',
    email: 'ewa.kaminska@urzad.example',
    role: 'quality',
    department: 'OR',
  },
  {
    username: 'admin',
    displayName: 'Tomasz Lewandowski',
    email: 'tomasz.lewandowski@urzad.example',
    role: 'admin',
    department: 'OR',
  },
  {
    username: 'urzednik.gk',
    displayName: 'Marek Zieliński',
    email: 'marek.zielinski@urzad.example',
    role: 'clerk',
    department: 'GK',
  },
];
