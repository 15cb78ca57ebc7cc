import type { DepartmentRef } from './auth';
import type { UserRef } from './cases';

/** The thresholds a count was made with (instants ISO 8601), so the SPA can say what "due soon" meant. */
export interface WorkloadThresholds {
  dueSoonWorkingDays: number;
  idleDays: number;
  /** Now, as the API's clock saw it. */
  asOf: string;
  /** A deadline up to this instant (and not yet past) is "due soon": the end of the n-th working day. */
  dueSoonUntil: string;
  /** An open case with no change since this instant is idle. */
  idleBefore: string;
  /** The end of today (Warsaw): an unkept promise due by then, and not yet past, is due today. */
  todayEnds: string;
}

/** The five figures of the manager's dashboard, for a department, a person or everyone. */
export interface WorkloadCounts {
  /** Open cases past their deadline. */
  overdue: number;
  /** Open cases due within the working days of `dueSoonWorkingDays` (not yet overdue). */
  dueSoon: number;
  /** Open cases with no recorded change for `idleDays`. */
  idle: number;
  /** Unkept promises past their due time. */
  brokenPromises: number;
  /** Unkept promises due later today. */
  promisesDueToday: number;
}

/** One person's figures in one department (cases by assignee, promises by who made them); `person` null = unassigned. */
export interface DashboardPersonRow {
  department: DepartmentRef;
  person: UserRef | null;
  counts: WorkloadCounts;
}

export interface DashboardResponse {
  /** The department counted, or null for all departments (quality officer only). */
  department: DepartmentRef | null;
  thresholds: WorkloadThresholds;
  totals: WorkloadCounts;
  byPerson: DashboardPersonRow[];
}

export interface DashboardQuery {
  /** A manager's own department by default; the quality officer may pick any, or none for all. */
  departmentId?: string;
}

/** "Moja praca": the signed-in person's own figures and their department's unassigned cases. */
export interface MyWorkResponse {
  thresholds: WorkloadThresholds;
  department: DepartmentRef;
  myCasesOverdue: number;
  myCasesDueSoon: number;
  myPromisesBroken: number;
  myPromisesDueToday: number;
  departmentUnassigned: number;
}

/** Someone a case can be given to: an active clerk or manager. */
export interface StaffMember {
  id: string;
  displayName: string;
  role: 'clerk' | 'manager';
  department: DepartmentRef;
}

export interface StaffQuery {
  departmentId?: string;
}

/** How a case changed hands. */
export type HandoverKind = 'transfer' | 'assign' | 'take_over';

/** The last handover, shown on the case page (standard 17 pt 7–10). */
export interface CaseHandover {
  kind: HandoverKind;
  note: string | null;
  at: string;
  by: UserRef | null;
  fromDepartmentId: string | null;
  fromAssigneeId: string | null;
}

export interface TakeOverCaseRequest {
  /** Optional: e.g. what was agreed with the colleague who had it. */
  note?: string;
}

export interface AssignCaseRequest {
  /** A clerk or manager of the case's department; null puts it back among the department's unassigned cases. */
  assigneeId: string | null;
  note?: string;
}
