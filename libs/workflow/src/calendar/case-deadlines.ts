import { message } from '../i18n/message';
import type { CaseKind } from '../case-kinds';
import { REFUSAL_FACTS } from '../kinds/refusal.workflow';
import type { LocalDate } from '../local-date';
import type { CaseProgress } from '../progress-types';
import {
  appealDeadline,
  complaintDeadline,
  councillorReplyDeadline,
  forwardingDeadline,
  incidentRecordDeadline,
  officeErrorInformDeadline,
  type DeadlineComputation,
} from './legal-deadlines';
import { endOfWarsawDay } from './warsaw-time';

/** A manager's extension of the main date (KPA art. 36), as recorded on the case. */
export interface DeadlineExtensionRecord {
  previousDue: LocalDate;
  newDue: LocalDate;
  reason: string;
  clientToldAt: string;
  by: { id: string; displayName: string };
  at: string;
}

export interface CaseDeadlineSet {
  /** The date the case must be settled by (office error: the client informed; incident: the record complete). */
  main: DeadlineComputation | null;
  councillorReply?: DeadlineComputation;
  forwarding?: DeadlineComputation;
  appeal?: DeadlineComputation;
  extensions: DeadlineExtensionRecord[];
}

/** The facts of a case the legal dates run from. */
export interface DeadlineFacts {
  kind: CaseKind;
  receivedAt: Date;
  /** The kind's own event (see caseEventAt): discovery of an office error, the incident. */
  eventAt: Date | null;
  isCouncillor: boolean;
  /** The steps recorded so far: a refusal's appeal runs from the delivery recorded there. */
  progress?: CaseProgress;
  /** The office's target for telling a client of an error, in working days (configuration). */
  officeErrorInformWorkingDays: number;
}

type KindDeadlines = Omit<CaseDeadlineSet, 'extensions'>;

/** Which dates each kind carries, and from which event. */
const KIND_DEADLINES: Readonly<Record<CaseKind, (f: DeadlineFacts) => KindDeadlines>> = {
  // KPA art. 237 § 1 (one month), art. 231 (forward within 7 days), art. 237 § 2 (a councillor within 14 days).
  complaint: (f) => ({
    main: complaintDeadline(f.receivedAt),
    forwarding: forwardingDeadline(f.receivedAt),
    ...(f.isCouncillor ? { councillorReply: councillorReplyDeadline(f.receivedAt) } : {}),
  }),
  // Standard 21: tell the client without delay after the error was found.
  office_error: (f) => ({
    main: officeErrorInformDeadline(f.eventAt ?? f.receivedAt, f.officeErrorInformWorkingDays),
  }),
  // The refusal itself has no settlement date; what runs is the client's time to appeal (KPA art. 129 § 2).
  refusal: (f) => {
    const delivered = f.progress ? REFUSAL_FACTS.deliveredAt(f.progress) : null;
    return { main: null, ...(delivered ? { appeal: appealDeadline(delivered) } : {}) };
  },
  aggressive_client: (f) => ({ main: incidentRecordDeadline(f.eventAt ?? f.receivedAt) }),
};

/**
 * The legal dates of a case, recomputed from its facts whenever one of them changes. A manager's extension
 * (KPA art. 36) overrides the main date and is kept.
 */
export function computeDeadlines(facts: DeadlineFacts, previous?: CaseDeadlineSet): CaseDeadlineSet {
  const deadlines: CaseDeadlineSet = { ...KIND_DEADLINES[facts.kind](facts), extensions: previous?.extensions ?? [] };
  const lastExtension = deadlines.extensions.at(-1);
  if (lastExtension && deadlines.main) deadlines.main = extendedDeadline(deadlines.main, lastExtension.newDue);
  return deadlines;
}

/** The main date moved by an extension, saying so in the explanation (KPA art. 36). */
export function extendedDeadline(main: DeadlineComputation, newDue: LocalDate): DeadlineComputation {
  return {
    ...main,
    due: newDue,
    dueAt: endOfWarsawDay(newDue).toISOString(),
    explanation: message('extension.explanation', { before: main.explanation, newDue }),
  };
}

export const mainDueAt = (d: CaseDeadlineSet): Date | null => (d.main ? new Date(d.main.dueAt) : null);
