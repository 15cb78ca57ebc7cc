import type { CaseResponse, UpdateCaseRequest } from '@pu/contracts';

/** What the case page lets a clerk correct, flat, as the edit form holds it. */
export interface CaseEditValues {
  subject: string;
  description: string;
  name: string;
  address: string;
  phone: string;
  email: string;
  accommodation: string;
  isCouncillorOrMp: boolean;
}

export type CaseEditField = keyof CaseEditValues;
export const CASE_EDIT_FIELDS: readonly CaseEditField[] = [
  'subject',
  'description',
  'name',
  'address',
  'phone',
  'email',
  'accommodation',
  'isCouncillorOrMp',
];

export function editValuesOf(c: CaseResponse): CaseEditValues {
  return {
    subject: c.subject,
    description: c.description ?? '',
    name: c.client.name ?? '',
    address: c.client.address ?? '',
    phone: c.client.phone ?? '',
    email: c.client.email ?? '',
    accommodation: c.client.accommodation ?? '',
    isCouncillorOrMp: c.client.isCouncillorOrMp,
  };
}

const same = (a: CaseEditValues, b: CaseEditValues, f: CaseEditField) =>
  typeof a[f] === 'string' ? a[f].trim() === (b[f] as string).trim() : a[f] === b[f];

/** The fields `now` changed from `base` (text compared trimmed: a trailing space is no change). */
export function changedFields(base: CaseEditValues, now: CaseEditValues): CaseEditField[] {
  return CASE_EDIT_FIELDS.filter((f) => !same(base, now, f));
}

/** The PATCH body for the fields the clerk changed: fields someone else changed meanwhile keep their value. */
export function updateRequest(values: CaseEditValues, fields: readonly CaseEditField[]): UpdateCaseRequest {
  const has = (f: CaseEditField) => fields.includes(f);
  const text = (f: Exclude<CaseEditField, 'isCouncillorOrMp'>) => values[f].trim() || null;
  const body: UpdateCaseRequest = {};
  if (has('subject')) body.subject = values.subject.trim();
  if (has('description')) body.description = text('description');
  const client: NonNullable<UpdateCaseRequest['client']> = {};
  for (const f of ['name', 'address', 'phone', 'email', 'accommodation'] as const) {
    if (has(f)) client[f] = text(f);
  }
  if (has('isCouncillorOrMp')) client.isCouncillorOrMp = values.isCouncillorOrMp;
  if (Object.keys(client).length) body.client = client;
  return body;
}

/** One row of a conflict: the value both started from, what is saved now, and what this clerk typed. */
export interface ConflictRow<F extends string = string> {
  field: F;
  before: unknown;
  theirs: unknown;
  mine: unknown;
  /** Both changed the field, to different values. */
  clash: boolean;
}

/**
 * After a 412: every field either side changed, with the three values side by side. `base` is what this clerk
 * started from, `theirs` the case as saved now, `mine` the form.
 */
export function editConflict(
  base: CaseEditValues,
  theirs: CaseEditValues,
  mine: CaseEditValues,
): ConflictRow<CaseEditField>[] {
  const byThem = new Set(changedFields(base, theirs));
  const byMe = new Set(changedFields(base, mine));
  return CASE_EDIT_FIELDS.filter((f) => byThem.has(f) || byMe.has(f)).map((field) => ({
    field,
    before: base[field],
    theirs: theirs[field],
    mine: mine[field],
    clash: byThem.has(field) && byMe.has(field) && !same(theirs, mine, field),
  }));
}
