import type { CaseKind, Channel, DeadlineComputation, PromiseState, StepEntry } from '@pu/workflow';
import type { DepartmentRef } from './auth';
import type { CaseHandover } from './workload';

/*
 * The workflow's vocabulary on the wire is the workflow's own (type-level imports only, so contracts add
 * nothing to a bundle): a change in @pu/workflow that breaks a response shape fails to compile.
 */
export type CaseKindName = CaseKind;
export type ChannelName = Channel;
export type CaseStatus = 'open' | 'closed';

export interface ClientDetails {
  name?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  /** Standard 23: e.g. "served at a ground-floor desk", "sign-language interpreter". Shown wherever the client is. */
  accommodation?: string | null;
  /** A councillor or MP must also be told the outcome or the state of the matter within 14 days (KPA art. 237 § 2). */
  isCouncillorOrMp?: boolean;
}

export interface CreateCaseRequest {
  kind: CaseKindName;
  subject: string;
  description?: string | null;
  channel: ChannelName;
  /** ISO 8601 instant; defaults to now. */
  receivedAt?: string;
  client: ClientDetails;
  /** Defaults to the signed-in user's department. */
  departmentId?: string;
  /** Defaults to the signed-in user. */
  assigneeId?: string | null;
  /** Office error: when the error was found (the 1-working-day clock starts here). Required for office errors. */
  discoveredAt?: string;
  /** Aggressive client: when the incident happened; defaults to receivedAt. */
  incidentAt?: string;
  /** A repeated complaint: the original complaint (KPA art. 239). */
  repeatOfCaseId?: string | null;
  /** An appeal or complaint that follows a refusal: the refusal case. */
  followsCaseId?: string | null;
}

export interface UpdateCaseRequest {
  subject?: string;
  description?: string | null;
  channel?: ChannelName;
  client?: ClientDetails;
  repeatOfCaseId?: string | null;
  followsCaseId?: string | null;
  /** Office error: when the error was found; the deadline to inform the client is recomputed from it. */
  discoveredAt?: string;
  /** Aggressive client: when the incident happened; the deadline to record it is recomputed from it. */
  incidentAt?: string;
}

export interface UserRef {
  id: string;
  displayName: string;
}

/** A legal deadline as @pu/workflow computes it (dates `YYYY-MM-DD` in Europe/Warsaw, `dueAt` an instant). */
export type DeadlineInfo = DeadlineComputation;

export interface DeadlineExtension {
  previousDue: string;
  newDue: string;
  reason: string;
  clientToldAt: string;
  by: UserRef;
  at: string;
}

export interface CaseDeadlines {
  /** The date the case must be settled by (or, for office errors, the client informed; for incidents, the record complete). */
  main: DeadlineInfo | null;
  councillorReply?: DeadlineInfo;
  forwarding?: DeadlineInfo;
  appeal?: DeadlineInfo;
  extensions: DeadlineExtension[];
}

/** A completed or skipped step as the workflow records it. */
export type StepEntryResponse = StepEntry;

export interface CaseListItem {
  id: string;
  reference: string;
  kind: CaseKindName;
  subject: string;
  channel: ChannelName;
  receivedAt: string;
  /** Only the client's name in lists: contact details appear on the case page, where reading them is recorded. */
  clientName: string | null;
  clientAccommodation: string | null;
  department: DepartmentRef;
  assignee: UserRef | null;
  currentStep: string | null;
  status: CaseStatus;
  dueAt: string | null;
  overdue: boolean;
  outcome: string | null;
  version: number;
}

export interface CaseResponse extends Omit<CaseListItem, 'clientName' | 'clientAccommodation'> {
  description: string | null;
  client: Required<ClientDetails>;
  anonymous: boolean;
  deadlines: CaseDeadlines;
  rootCause: string | null;
  steps: Record<string, StepEntryResponse>;
  /** Entries a loop sent back (proposals not accepted and the answers that refused them), per step, oldest first. */
  earlierSteps: Record<string, StepEntryResponse[]>;
  /** What a reopened step held before it was reopened, until it is done again (its form starts from it). */
  reopenedSteps: Record<string, StepEntryResponse>;
  availableSteps: string[];
  missingForClose: string[];
  promiseCount: number;
  repeatOfCaseId: string | null;
  followsCaseId: string | null;
  /** Office error: hours from discovery to informing the client, once informed. */
  informHours: number | null;
  /** The last handover with its note (standard 17), or null if the case never changed hands. */
  handover: CaseHandover | null;
  /** When anything on the case or its promises last changed (reads aside). */
  lastActivityAt: string;
  createdAt: string;
  closedAt: string | null;
}

/** The list counts at most this many cases; beyond it the total says "more than" this. */
export const CASE_LIST_COUNT_CAP = 1000;
/**
 * With a search text the list counts at most this many (or a longer page's length): every match counted is one more
 * case whose words are checked, so the first page's walk for its 26 rows counts them too (docs/performance.md).
 */
export const CASE_SEARCH_COUNT_CAP = 25;

export interface CaseTotal {
  /**
   * Cases the filters match, or the cap (CASE_LIST_COUNT_CAP; with a search text CASE_SEARCH_COUNT_CAP, or the
   * page's `limit` when larger) when there are more (then `exact` is false).
   */
  count: number;
  exact: boolean;
}

export interface CasePage {
  items: CaseListItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** All cases the filters match (not only this page), counted up to a cap. */
  total: CaseTotal;
}

export type CaseSort = 'deadline' | '-deadline' | 'received' | '-received';

export interface CaseListQuery {
  kind?: CaseKindName;
  status?: CaseStatus;
  departmentId?: string;
  assigneeId?: string;
  overdue?: boolean;
  dueBefore?: string;
  /** Open, not yet overdue, due by the end of the n-th working day after today (Polish calendar). */
  dueWithinWorkingDays?: number;
  /** Open, with no recorded change for n calendar days. */
  idleDays?: number;
  /** Only cases nobody is assigned to. */
  unassigned?: boolean;
  q?: string;
  sort?: CaseSort;
  limit?: number;
  cursor?: string;
}

export interface SkipStepRequest {
  reason: string;
}

export interface ReopenStepRequest {
  reason: string;
}

export interface CloseCaseRequest {
  /** Optional closing note recorded in the history. */
  note?: string;
}

export interface TransferCaseRequest {
  departmentId?: string;
  assigneeId?: string | null;
  /** Standard 17: what the matter is about, for the person taking over. */
  note: string;
}

export interface DeadlineExtensionRequest {
  /** YYYY-MM-DD, Europe/Warsaw. */
  newDue: string;
  reason: string;
  /** When the client was told the reason and the new date (KPA art. 36). */
  clientToldAt: string;
}

export interface PromiseResponse {
  id: string;
  caseId: string;
  caseReference: string;
  department: DepartmentRef;
  description: string;
  channel: ChannelName;
  dueAt: string;
  /** Derived from the due time at the moment of the answer: never a stored flag that a job could set late. */
  state: PromiseState;
  keptAt: string | null;
  /** Set when the promise was rescheduled after it had already been broken. */
  brokenBeforeReschedule: boolean;
  rescheduleCount: number;
  lastClientToldAt: string | null;
  createdBy: UserRef;
  createdAt: string;
  version: number;
}

export interface CreatePromiseRequest {
  description: string;
  channel: ChannelName;
  /** ISO 8601; a phone call-back defaults to the end of the next working day (standard 17.3). */
  dueAt?: string;
}

export interface UpdatePromiseRequest {
  /** Mark kept (now, or at keptAt). */
  kept?: boolean;
  keptAt?: string;
  /** Reschedule: a new due time, only after the client was told it (standard 17.4). */
  dueAt?: string;
  clientToldAt?: string;
  description?: string;
}

export interface PromiseListQuery {
  scope?: 'mine' | 'department' | 'all';
  /** `overdue` = broken (unkept, past due); `due_today` = unkept, due later today (Warsaw). */
  state?: 'open' | 'overdue' | 'due_today' | 'kept' | 'any';
  departmentId?: string;
  /** Only promises this person made (within the department or all scope). */
  createdBy?: string;
  limit?: number;
}

export interface HistoryEntry {
  id: string;
  at: string;
  actor: UserRef | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A card of the board: what a clerk needs to pick the case up. */
export interface CaseBoardCard {
  id: string;
  reference: string;
  subject: string;
  clientName: string | null;
  assignee: UserRef | null;
  dueAt: string | null;
  /** Warsaw calendar days to the deadline: 0 on its day, negative once past; null without a deadline. */
  daysLeft: number | null;
  overdue: boolean;
  version: number;
}

export interface CaseBoardColumn {
  /** The step the cases in this column are at; null for open cases with every step done (ready to close). */
  stepId: string | null;
  /** All open cases at this step that the filters match. */
  count: number;
  /** The first of them by deadline, at most `cardsPerColumn`. */
  cards: CaseBoardCard[];
}

/** `GET /cases/board?kind=…`: a kind's open cases in the columns of its steps, with the list's filters. */
export interface CaseBoard {
  kind: CaseKindName;
  columns: CaseBoardColumn[];
  cardsPerColumn: number;
}
