import type { Role } from '@pu/contracts';

/** The demo office created on an empty database in demo mode. The README lists these sign-ins. */
export const DEMO_PASSWORD = 'Demo-haslo-2026';

export const DEMO_DEPARTMENTS = [
  { symbol: 'OR', name: 'Wydział Organizacyjny' },
  { symbol: 'SO', name: 'Wydział Spraw Obywatelskich' },
  { symbol: 'GK', name: 'Wydział Gospodarki Komunalnej' },
  { symbol: 'FN', name: 'Wydział Finansowy' },
] as const;

export const DEMO_USERS: { username: string; displayName: string; role: Role; department: string }[] = [
  { username: 'urzednik', displayName: 'Anna Nowak', role: 'clerk', department: 'SO' },
  { username: 'kierownik', displayName: 'Piotr Wiśniewski', role: 'manager', department: 'SO' },
  { username: 'jakosc', displayName: 'Ewa Kamińska', role: 'quality', department: 'OR' },
  { username: 'admin', displayName: 'Tomasz Lewandowski', role: 'admin', department: 'OR' },
  { username: 'urzednik.gk', displayName: 'Marek Zieliński', role: 'clerk', department: 'GK' },
];
