import type { CaseKind } from './case-kinds';
import { COMPLAINT_OUTCOMES } from './enums';
import { AGGRESSIVE_CLIENT_FACTS } from './kinds/aggressive-client.workflow';
import { COMPLAINT_FACTS } from './kinds/complaint.workflow';
import type { CaseProgress } from './progress-types';

/**
 * What a closed case's outcome says, for lists and the quality report: a complaint's own outcome (or
 * "settled" for one closed before outcomes were recorded), otherwise one word per kind.
 */
export const CASE_OUTCOMES = [
  ...COMPLAINT_OUTCOMES,
  'settled',
  'fixed',
  'delivered',
  'handled',
  'not_handled',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export function closingOutcome(kind: CaseKind, progress: CaseProgress): CaseOutcome {
  switch (kind) {
    case 'complaint':
      return COMPLAINT_FACTS.outcome(progress) ?? 'settled';
    case 'office_error':
      return 'fixed';
    case 'refusal':
      return 'delivered';
    case 'aggressive_client':
      return AGGRESSIVE_CLIENT_FACTS.handled(progress) === true ? 'handled' : 'not_handled';
  }
}
