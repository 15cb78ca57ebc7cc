import type { WorkloadCounts } from '@pu/contracts';
import { DUE_SOON_WORKING_DAYS, IDLE_DAYS } from '@pu/workflow';

/** A router link: the path and the query parameters of the list filtered to exactly the counted items. */
export interface ListLink {
  path: string;
  queryParams: Record<string, string>;
}

/** Whose items: everyone, a person, or nobody (the unassigned cases). */
export type Who = { kind: 'everyone' } | { kind: 'person'; id: string } | { kind: 'nobody' };

export const CASE_FIGURES = ['overdue', 'dueSoon', 'idle'] as const;
export const PROMISE_FIGURES = ['brokenPromises', 'promisesDueToday'] as const;
export type Figure = keyof WorkloadCounts;

/**
 * The case list (`/sprawy`) or the promise list (`/obietnice`) filtered to exactly the items a figure counts:
 * the same thresholds (`DUE_SOON_WORKING_DAYS`, `IDLE_DAYS`) the API counted with, in the lists' URL parameters.
 * `departmentId` null = every department (the quality officer's "all").
 */
export function figureLink(figure: Figure, departmentId: string | null, who: Who): ListLink | null {
  if ((PROMISE_FIGURES as readonly string[]).includes(figure)) {
    if (who.kind === 'nobody') return null; // every promise has a maker
    const queryParams: Record<string, string> = {
      stan: figure === 'brokenPromises' ? 'po-terminie' : 'dzis',
      zakres: departmentId ? 'wydzial' : 'wszystkie',
    };
    if (departmentId) queryParams['wydzial'] = departmentId;
    if (who.kind === 'person') queryParams['osoba'] = who.id;
    return { path: '/obietnice', queryParams };
  }
  const queryParams: Record<string, string> = {};
  if (departmentId) queryParams['department'] = departmentId;
  if (who.kind === 'person') queryParams['assignee'] = who.id;
  if (who.kind === 'nobody') queryParams['unassigned'] = 'true';
  if (figure === 'overdue') queryParams['overdue'] = 'true';
  if (figure === 'dueSoon') queryParams['dueWithin'] = String(DUE_SOON_WORKING_DAYS);
  if (figure === 'idle') queryParams['idle'] = String(IDLE_DAYS);
  return { path: '/sprawy', queryParams };
}

/** "My work": my cases (assigned to me, in any department) and my promises (`zakres=moje`). */
export function myWorkLink(
  figure: 'myCasesOverdue' | 'myCasesDueSoon' | 'myPromisesBroken' | 'myPromisesDueToday' | 'departmentUnassigned',
  me: { id: string; departmentId: string },
): ListLink {
  switch (figure) {
    case 'myCasesOverdue':
      return { path: '/sprawy', queryParams: { assignee: me.id, overdue: 'true' } };
    case 'myCasesDueSoon':
      return { path: '/sprawy', queryParams: { assignee: me.id, dueWithin: String(DUE_SOON_WORKING_DAYS) } };
    case 'myPromisesBroken':
      return { path: '/obietnice', queryParams: { stan: 'po-terminie', zakres: 'moje' } };
    case 'myPromisesDueToday':
      return { path: '/obietnice', queryParams: { stan: 'dzis', zakres: 'moje' } };
    case 'departmentUnassigned':
      return { path: '/sprawy', queryParams: { department: me.departmentId, unassigned: 'true' } };
  }
}
