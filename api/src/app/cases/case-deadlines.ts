import type { CaseDeadlines, CaseKindName, DeadlineInfo } from '@pu/contracts';
import {
  appealDeadline,
  complaintDeadline,
  councillorReplyDeadline,
  endOfWarsawDay,
  forwardingDeadline,
  incidentRecordDeadline,
  officeErrorInformDeadline,
} from '@pu/workflow';

export interface DeadlineFacts {
  kind: CaseKindName;
  receivedAt: Date;
  /** Office error: discovered; aggressive client: the incident. */
  eventAt: Date | null;
  isCouncillor: boolean;
  /** Refusal: when the decision was delivered (from the `deliver` step). */
  deliveredAt?: Date | null;
  officeErrorInformWorkingDays: number;
}

/**
 * The legal dates of a case, recomputed from its facts whenever one of them changes. A manager's extension
 * (KPA art. 36) overrides the main date and is kept.
 */
export function computeDeadlines(facts: DeadlineFacts, previous?: CaseDeadlines): CaseDeadlines {
  const deadlines: CaseDeadlines = { main: null, extensions: previous?.extensions ?? [] };
  switch (facts.kind) {
    case 'complaint':
      deadlines.main = complaintDeadline(facts.receivedAt);
      deadlines.forwarding = forwardingDeadline(facts.receivedAt);
      if (facts.isCouncillor) deadlines.councillorReply = councillorReplyDeadline(facts.receivedAt);
      break;
    case 'office_error':
      deadlines.main = officeErrorInformDeadline(facts.eventAt ?? facts.receivedAt, facts.officeErrorInformWorkingDays);
      break;
    case 'aggressive_client':
      deadlines.main = incidentRecordDeadline(facts.eventAt ?? facts.receivedAt);
      break;
    case 'refusal':
      // The refusal itself has no settlement date; what runs is the client's time to appeal.
      if (facts.deliveredAt) deadlines.appeal = appealDeadline(facts.deliveredAt);
      break;
  }
  const lastExtension = deadlines.extensions.at(-1);
  if (lastExtension && deadlines.main) deadlines.main = extended(deadlines.main, lastExtension.newDue);
  return deadlines;
}

export function extended(main: DeadlineInfo, newDue: string): DeadlineInfo {
  return {
    ...main,
    due: newDue,
    dueAt: endOfWarsawDay(newDue).toISOString(),
    explanation: {
      pl: `${main.explanation.pl} Termin przedłużono do ${newDue} (art. 36 KPA).`,
      en: `${main.explanation.en} Extended to ${newDue} (KPA art. 36).`,
    },
  };
}

export const mainDueAt = (d: CaseDeadlines): Date | null => (d.main ? new Date(d.main.dueAt) : null);
