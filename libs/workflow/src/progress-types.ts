import type { CaseKind } from './case-kinds';

export interface StepEntry {
  stepId: string;
  status: 'completed' | 'skipped';
  /** Normalised step data (completed steps). */
  data?: Record<string, unknown>;
  /** Why an optional step was skipped. */
  reason?: string;
  /** ISO instant. */
  at: string;
  /** User id. */
  by: string;
}

export interface CaseProgress {
  kind: CaseKind;
  entries: Record<string, StepEntry>;
  closed: boolean;
  /** Step ids in completion order; only the top may be reopened. */
  lastCompleted: string[];
  /**
   * Entries a loop sent back (a proposal the client did not accept, and that answer itself), per step,
   * oldest first: what a clerk recorded is never dropped, and the next attempt can show it.
   */
  earlier?: Record<string, StepEntry[]>;
  /** The entry a reopening took away, per step, until the step is done again: its form starts from it. */
  reopened?: Record<string, StepEntry>;
}

/** Facts about the case outside its steps that the rules depend on. */
export interface CaseContext {
  anonymous: boolean;
  /** A complaint repeating an earlier one (KPA art. 239). */
  repeatOfCaseId?: string | null;
  /** Follow-up promises logged on the case. */
  promiseCount: number;
  /** Root-cause codes the office currently uses; the defaults when absent. */
  rootCauseCodes?: readonly string[];
  /** The case's computed legal dates that step fields take over (FieldDef.computedFrom). */
  deadlines?: Partial<Record<'appeal', { due: string; rule: string }>>;
}

export type WorkflowViolationCode =
  | 'UNKNOWN_STEP'
  | 'STEP_NOT_AVAILABLE'
  | 'STEP_ALREADY_DONE'
  | 'STEP_NOT_OPTIONAL'
  | 'CASE_CLOSED'
  | 'PROMISE_REQUIRED'
  | 'NOTHING_TO_REOPEN'
  | 'NOT_LAST_COMPLETED'
  | 'INCOMPLETE';

export interface WorkflowViolation {
  code: WorkflowViolationCode;
  /** Polish, tells the clerk what to do; names steps by their Polish titles. */
  message: string;
  /** Step ids the clerk must deal with first. */
  missingSteps?: string[];
}

/** Field id → Polish messages. FORM_ERROR_KEY holds errors about the payload as a whole. */
export type FieldErrors = Record<string, string[]>;
export const FORM_ERROR_KEY = '_form';

export interface ActionMeta {
  at: string;
  by: string;
}

export type StepActionResult =
  | { ok: true; progress: CaseProgress; entry: StepEntry; loopedBackTo?: string }
  | { ok: false; violation: WorkflowViolation }
  | { ok: false; fields: FieldErrors };

export type ReopenResult =
  { ok: true; progress: CaseProgress; reopened: string } | { ok: false; violation: WorkflowViolation };

export type CloseResult = { ok: true; progress: CaseProgress } | { ok: false; violation: WorkflowViolation };
