import type {
  CaseKind,
  Channel,
  ComplaintOutcome,
  IncidentSeverity,
  LocalDate,
  LocalizedText,
  Satisfaction,
  Trend,
} from '@pu/workflow';
import type { DepartmentRef } from './auth';

/*
 * GET /api/reports/quality: the annual quality-improvement report (standard 20) for any period, with the period
 * before it. Every figure is computed in PostgreSQL. Cases belong to the period by the Warsaw day they were
 * received; promises by the Warsaw day they were due. Shares are fractions 0–1 (null when nothing was counted);
 * a share's `change` is in fraction points (0.05 = 5 percentage points).
 */

/** Inclusive Warsaw days. */
export interface ReportPeriod {
  from: LocalDate;
  to: LocalDate;
}

export type ReportScope = { kind: 'office' } | { kind: 'department'; department: DepartmentRef };

/** A figure of this period against the one before. */
export interface Compared {
  current: number | null;
  previous: number | null;
  /** current − previous; null when either is null. */
  change: number | null;
}

/** A count of this period against the one before, with the relative change (null when the previous was 0). */
export interface CountCompared {
  current: number;
  previous: number;
  change: number;
  /** Per cent, one decimal; null when previous is 0. */
  changePercent: number | null;
}

export interface CountRow<K extends string = string> extends CountCompared {
  key: K;
}

/** Rows and their sum: every table of counts carries its `total`. */
export interface CountTable<K extends string = string> {
  rows: CountRow<K>[];
  total: CountCompared;
}

export interface DepartmentCountRow extends CountRow {
  /** The department id. */
  key: string;
  symbol: string;
  name: string;
}

export interface MonthCounts {
  /** 'YYYY-MM' (Warsaw). */
  month: string;
  byKind: Record<CaseKind, number>;
  total: number;
}

export interface RootCauseRankRow extends CountRow {
  /** The category code. */
  key: string;
  label: LocalizedText;
  retired: boolean;
  /** 1 = the area with most complaints this period. */
  rank: number;
  /** Share of this period's complaints with a recorded cause. */
  share: number | null;
  trend: Trend;
}

export interface RootCauseRanking {
  rows: RootCauseRankRow[];
  /** Complaints with a recorded cause. */
  total: CountCompared;
  /** Complaints received in the period whose cause is not (yet) recorded. */
  unrecorded: CountCompared;
}

export interface DaysFigures {
  /** Cases counted (settled, with a deadline). */
  total: number;
  withinDeadline: number;
  withinDeadlineShare: number | null;
  /** Calendar days from receipt to closing, one decimal. */
  medianDays: number | null;
  p90Days: number | null;
}

export interface SettlementSection {
  current: DaysFigures;
  previous: DaysFigures;
  withinDeadlineShare: Compared;
  medianDays: Compared;
  p90Days: Compared;
  byKind: Array<{ kind: CaseKind; current: DaysFigures; previous: DaysFigures }>;
}

export interface ExtensionFigures {
  /** Cases whose deadline was extended at least once (KPA art. 36). */
  casesExtended: number;
  /** Extensions in all. */
  total: number;
  /** The reasons given, most frequent first (identical text counted together), at most 20. */
  reasons: Array<{ reason: string; count: number }>;
}

export interface ExtensionsSection {
  current: ExtensionFigures;
  previous: ExtensionFigures;
  casesExtended: CountCompared;
  total: CountCompared;
}

export interface PromiseFigures {
  keptOnTime: number;
  keptLate: number;
  /** Past due without being kept, or rescheduled only after the due time had passed. */
  broken: number;
  /** Not yet due and not kept: counted neither way. */
  open: number;
  total: number;
  /** keptOnTime / (keptOnTime + keptLate + broken). */
  keptOnTimeShare: number | null;
}

export interface PromisesSection {
  current: PromiseFigures;
  previous: PromiseFigures;
  keptOnTimeShare: Compared;
  total: CountCompared;
}

export interface PreventiveActionItem {
  caseId: string;
  reference: string;
  departmentSymbol: string;
  closedAt: string | null;
  preventiveAction: string;
}

export interface OfficeErrorFigures {
  total: number;
  informed: number;
  /** Hours from discovery to informing the client, two decimals. */
  medianInformHours: number | null;
  /** Informed by the target date (OFFICE_ERROR_INFORM_WORKING_DAYS working days after discovery). */
  informedWithinTarget: number;
  informedWithinTargetShare: number | null;
  preventiveActionsRecorded: number;
}

export interface OfficeErrorsSection {
  current: OfficeErrorFigures;
  previous: OfficeErrorFigures;
  total: CountCompared;
  medianInformHours: Compared;
  informedWithinTargetShare: Compared;
  /** This period's preventive actions, newest first, at most 100. */
  preventiveActions: PreventiveActionItem[];
}

export interface RefusalFigures {
  total: number;
  /** The client was told how to appeal (standard 19 farewell). */
  appealInfoGiven: number;
  /** Refusals followed by at least one linked case. */
  followed: number;
  /** … by a complaint. */
  followedByComplaint: number;
  /** … by another linked case (an appeal registered as such). */
  followedByOther: number;
}

export interface RefusalsSection {
  current: RefusalFigures;
  previous: RefusalFigures;
  total: CountCompared;
  followed: CountCompared;
}

export interface IncidentsSection {
  bySeverity: CountTable<IncidentSeverity | 'unrecorded'>;
  securityCalled: CountCompared;
  policeCalled: CountCompared;
}

export interface SatisfactionSection {
  /** Complaints whose client answered (the last answer counts). */
  answers: CountTable<Satisfaction>;
  /** How many proposals it took (1, 2, '3+') for complaints with at least one proposal. */
  proposals: CountTable<'1' | '2' | '3+'>;
  averageProposals: Compared;
}

export interface ImprovementActionResult {
  id: string;
  rootCause: string;
  rootCauseLabel: LocalizedText;
  what: string;
  owner: string;
  dueOn: LocalDate;
  doneOn: LocalDate | null;
  expectedEffect: string;
  /** Days in each window around doneOn. */
  windowDays: number;
  /** Complaints of this category (in scope) received in the windowDays before doneOn; null while not done. */
  complaintsBefore: number | null;
  /** … received from doneOn on, over windowDays; null while not done. */
  complaintsAfter: number | null;
  /** False while the after-window has not fully passed. */
  afterWindowComplete: boolean;
}

export type HeadlineKey =
  | 'cases'
  | 'complaints'
  | 'settledWithinDeadline'
  | 'medianDaysToSettle'
  | 'promisesKeptOnTime'
  | 'officeErrorsInformedWithinTarget';

export interface HeadlineFigure extends Compared {
  key: HeadlineKey;
  unit: 'count' | 'share' | 'days';
}

export interface QualityReport {
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  scope: ReportScope;
  generatedAt: string;
  headline: HeadlineFigure[];
  byKind: CountTable<CaseKind>;
  byMonth: { current: MonthCounts[]; previous: MonthCounts[] };
  byDepartment: { rows: DepartmentCountRow[]; total: CountCompared };
  byChannel: CountTable<Channel>;
  rootCauses: RootCauseRanking;
  complaintOutcomes: CountTable<ComplaintOutcome>;
  settlement: SettlementSection;
  extensions: ExtensionsSection;
  promises: PromisesSection;
  officeErrors: OfficeErrorsSection;
  refusals: RefusalsSection;
  incidents: IncidentsSection;
  satisfaction: SatisfactionSection;
  improvementActions: ImprovementActionResult[];
}

/** Query of GET /api/reports/quality: `year`, or `from` and `to` (Warsaw days, inclusive). */
export interface QualityReportQuery {
  year?: string;
  from?: LocalDate;
  to?: LocalDate;
}

/* Root-cause categories (the quality officer's). */

export interface RootCauseCategoryResponse {
  code: string;
  label: LocalizedText;
  description: LocalizedText | null;
  /** ISO instant; a retired category stays on old cases and in old reports but is no longer offered. */
  retiredAt: string | null;
  /** Whether any case carries it. */
  used: boolean;
  version: number;
}

export interface CreateRootCauseCategoryRequest {
  code: string;
  label: LocalizedText;
  description?: LocalizedText | null;
}

export interface UpdateRootCauseCategoryRequest {
  label?: LocalizedText;
  description?: LocalizedText | null;
  /** true retires, false brings back. */
  retired?: boolean;
}

/* Improvement actions (standard 20: what closes the loop). */

export interface ImprovementActionResponse {
  id: string;
  rootCause: string;
  what: string;
  owner: string;
  dueOn: LocalDate;
  doneOn: LocalDate | null;
  expectedEffect: string;
  createdAt: string;
  version: number;
}

export interface CreateImprovementActionRequest {
  rootCause: string;
  what: string;
  owner: string;
  dueOn: LocalDate;
  doneOn?: LocalDate | null;
  expectedEffect: string;
}

export type UpdateImprovementActionRequest = Partial<CreateImprovementActionRequest>;
