import { message } from './i18n/message';
import type { CaseKind } from './case-kinds';
import { COMPLAINT_FACTS } from './kinds/complaint.workflow';
import type { CaseProgress, FieldErrors } from './progress-types';

/** The event a kind's deadline runs from, asked once when the case is registered (and editable later). */
export type CaseEventField = 'discoveredAt' | 'incidentAt';

interface CreationRule {
  /** A case with neither the client's name nor address: only a complaint may be anonymous (and is then left without consideration). */
  mayBeAnonymous: boolean;
  /** The kind's own event, if it has one, and whether it must be given. */
  event: { field: CaseEventField; required: boolean } | null;
}

export const CASE_CREATION_RULES: Readonly<Record<CaseKind, CreationRule>> = {
  complaint: { mayBeAnonymous: true, event: null },
  // Standard 21: the time to inform the client runs from the discovery of the error.
  office_error: { mayBeAnonymous: false, event: { field: 'discoveredAt', required: true } },
  refusal: { mayBeAnonymous: false, event: null },
  // Defaults to the time the case was received.
  aggressive_client: { mayBeAnonymous: false, event: { field: 'incidentAt', required: false } },
};

/** How far in the future a received time may lie (clocks of different machines differ). */
export const RECEIVED_AT_TOLERANCE_MS = 5 * 60_000;

export interface ClientIdentity {
  name?: string | null;
  address?: string | null;
}

const blank = (v: string | null | undefined) => !v?.trim();

export const isAnonymousCase = (kind: CaseKind, client: ClientIdentity): boolean =>
  CASE_CREATION_RULES[kind].mayBeAnonymous && blank(client.name) && blank(client.address);

export const CASE_RULE_MESSAGES = {
  discoveredAt: message('case.discoveredAtRequired'),
  nameOrAddressOnCreate: message('case.nameOrAddressOnCreate'),
  nameOrAddress: message('case.nameOrAddress'),
  receivedInFuture: message('case.receivedInFuture'),
  anonymityFrozen: message('case.anonymityFrozen'),
  noEvent: message('case.noEvent'),
} as const;

export interface NewCaseFacts {
  kind: CaseKind;
  client: ClientIdentity;
  receivedAt?: string | null;
  discoveredAt?: string | null;
  incidentAt?: string | null;
}

/** What stops a case from being registered, by field (`client.name` for the client's identity). */
export function newCaseErrors(facts: NewCaseFacts, now: Date): FieldErrors {
  const fields: FieldErrors = {};
  const rule = CASE_CREATION_RULES[facts.kind];
  if (rule.event?.required && !facts[rule.event.field]) fields[rule.event.field] = [CASE_RULE_MESSAGES.discoveredAt];
  if (!rule.mayBeAnonymous && blank(facts.client.name) && blank(facts.client.address))
    fields['client.name'] = [CASE_RULE_MESSAGES.nameOrAddressOnCreate];
  if (facts.receivedAt && Date.parse(facts.receivedAt) > now.getTime() + RECEIVED_AT_TOLERANCE_MS)
    fields['receivedAt'] = [CASE_RULE_MESSAGES.receivedInFuture];
  return fields;
}

/** When the kind's event happened: the given time, else (if the kind has one) the time the case was received. */
export function caseEventAt(
  kind: CaseKind,
  times: { receivedAt: Date; discoveredAt?: string | null; incidentAt?: string | null },
): Date | null {
  const event = CASE_CREATION_RULES[kind].event;
  if (!event) return null;
  const given = times[event.field];
  return given ? new Date(given) : times.receivedAt;
}

/**
 * What stops a change of the client's identity: a case that must name its client cannot lose both name and
 * address; a complaint's anonymity is part of how it was settled, so it is frozen once the outcome is recorded.
 */
export function clientChangeErrors(
  kind: CaseKind,
  progress: CaseProgress,
  before: ClientIdentity,
  after: ClientIdentity,
): FieldErrors {
  if (!CASE_CREATION_RULES[kind].mayBeAnonymous && blank(after.name) && blank(after.address))
    return { 'client.name': [CASE_RULE_MESSAGES.nameOrAddress] };
  if (isAnonymousCase(kind, before) !== isAnonymousCase(kind, after) && COMPLAINT_FACTS.settled(progress))
    return { client: [CASE_RULE_MESSAGES.anonymityFrozen] };
  return {};
}

/** Whether the event time of this kind may be set (`discoveredAt` only on an office error, …). */
export const eventFieldOf = (kind: CaseKind): CaseEventField | null => CASE_CREATION_RULES[kind].event?.field ?? null;

/** A correction of the event time names only the kind's own event (no discovery time on a refusal). */
export function eventChangeErrors(
  kind: CaseKind,
  times: { discoveredAt?: string | null; incidentAt?: string | null },
): FieldErrors {
  const own = eventFieldOf(kind);
  const fields: FieldErrors = {};
  for (const field of ['discoveredAt', 'incidentAt'] as const)
    if (times[field] !== undefined && field !== own) fields[field] = [CASE_RULE_MESSAGES.noEvent];
  return fields;
}
