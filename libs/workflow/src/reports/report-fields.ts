import type { CaseKind } from '../case-kinds';

/** Where a recorded value lives in a case's progress: the step and the field. */
export interface StepFieldRef {
  kind: CaseKind;
  stepId: string;
  fieldId: string;
}

/**
 * The recorded values the quality report counts, by meaning. The report is computed in PostgreSQL over the
 * progress JSON, so its queries need the step and field ids; they take them from here, and a unit test
 * checks each against the workflow definitions, so a renamed step or field fails a test instead of a figure.
 */
export const REPORT_FIELDS = {
  complaintSatisfaction: { kind: 'complaint', stepId: 'satisfaction', fieldId: 'satisfaction' },
  /** The step a "no" sends the complaint back to: its attempts are the proposals made. */
  complaintProposal: { kind: 'complaint', stepId: 'propose', fieldId: 'proposal' },
  officeErrorPreventiveAction: { kind: 'office_error', stepId: 'close', fieldId: 'preventiveAction' },
  officeErrorInformedAt: { kind: 'office_error', stepId: 'inform', fieldId: 'informedAt' },
  refusalAppealInfoGiven: { kind: 'refusal', stepId: 'farewell', fieldId: 'appealInfoGiven' },
  incidentSeverity: { kind: 'aggressive_client', stepId: 'close', fieldId: 'severity' },
  incidentSecurityCalled: { kind: 'aggressive_client', stepId: 'close', fieldId: 'securityCalled' },
  incidentPoliceCalled: { kind: 'aggressive_client', stepId: 'close', fieldId: 'policeCalled' },
} as const satisfies Record<string, StepFieldRef>;

/**
 * Kinds whose main date is the date the case must be settled by (a complaint: KPA art. 237; an incident: its
 * record complete). An office error's main date is the one to inform the client, counted in its own section;
 * a refusal has none.
 */
export const SETTLEMENT_KINDS = ['complaint', 'aggressive_client'] as const satisfies readonly CaseKind[];
