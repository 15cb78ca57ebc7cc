import type { ParamMap } from '@angular/router';
import type { PromiseListQuery, Role } from '@pu/contracts';

const STATES = { 'po-terminie': 'overdue', dzis: 'due_today' } as const;
const SCOPES = { moje: 'mine', wydzial: 'department', wszystkie: 'all' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The promise list as one filtered tab: what a dashboard or "my work" number links to. */
export interface FilteredPromisesView {
  id: 'filtered';
  slug: string;
  query: PromiseListQuery;
  roles: readonly Role[];
  grouped?: false;
  keys: { label: string; empty: string; caption: string };
}

/**
 * `/obietnice?stan=po-terminie|dzis&zakres=moje|wydzial|wszystkie&wydzial=<id>&osoba=<id>`: the promises
 * broken or due today, mine, a department's or everyone's, optionally one person's. Null without `stan`.
 */
export function filteredPromisesView(params: ParamMap): FilteredPromisesView | null {
  const state = STATES[params.get('stan') as keyof typeof STATES];
  if (!state) return null;
  const scope = SCOPES[params.get('zakres') as keyof typeof SCOPES] ?? 'mine';
  const department = params.get('wydzial');
  const person = params.get('osoba');
  const query: PromiseListQuery = { scope, state };
  if (scope !== 'mine' && department && UUID.test(department)) query.departmentId = department;
  if (scope !== 'mine' && person && UUID.test(person)) query.createdBy = person;
  const which = state === 'overdue' ? 'broken' : 'dueToday';
  return {
    id: 'filtered',
    slug: '',
    query,
    roles: ['clerk', 'manager', 'quality'],
    keys: {
      label: `workload.promises.${which}`,
      empty: `workload.promises.empty.${which}`,
      caption: `workload.promises.${which}`,
    },
  };
}
