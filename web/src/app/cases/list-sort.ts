import type { Sort, SortDirection } from '@angular/material/sort';
import type { CaseSort } from '@pu/contracts';

/** The list's columns that sort (the API pages by deadline or receipt time, each in either direction). */
export type SortColumn = 'due' | 'received';
export interface HeaderSort {
  active: SortColumn;
  direction: Exclude<SortDirection, ''>;
}

export function headerSortOf(sort: CaseSort): HeaderSort {
  const desc = sort.startsWith('-');
  return { active: sort.endsWith('deadline') ? 'due' : 'received', direction: desc ? 'desc' : 'asc' };
}

/**
 * The list order for a header clicked: the column in the direction Material's header asks for. Headers never
 * clear the sort (there is always an order), so an empty direction keeps the current one.
 */
export function sortOfHeader(sort: Sort, current: CaseSort): CaseSort {
  const base = sort.active === 'received' ? 'received' : 'deadline';
  const direction = sort.direction || headerSortOf(current).direction;
  return direction === 'desc' ? `-${base}` : base;
}
