import type { CaseKind } from './case-kinds';
import { AGGRESSIVE_CLIENT_WORKFLOW } from './kinds/aggressive-client.workflow';
import { COMPLAINT_WORKFLOW } from './kinds/complaint.workflow';
import { OFFICE_ERROR_WORKFLOW } from './kinds/office-error.workflow';
import { REFUSAL_WORKFLOW } from './kinds/refusal.workflow';
import type { StepDef, WorkflowDef } from './workflow-types';

export const WORKFLOWS: Readonly<Record<CaseKind, WorkflowDef>> = {
  complaint: COMPLAINT_WORKFLOW,
  office_error: OFFICE_ERROR_WORKFLOW,
  refusal: REFUSAL_WORKFLOW,
  aggressive_client: AGGRESSIVE_CLIENT_WORKFLOW,
};

export function workflowOf(kind: CaseKind): WorkflowDef {
  const def = WORKFLOWS[kind] as WorkflowDef | undefined;
  // Kinds arrive from request bodies and database rows; fail loudly rather than with a TypeError later.
  if (!def) throw new RangeError(`Unknown case kind: ${String(kind)}`);
  return def;
}

export function stepOf(kind: CaseKind, stepId: string): StepDef | undefined {
  return workflowOf(kind).steps.find((s) => s.id === stepId);
}

export function stepIdsOf(kind: CaseKind): string[] {
  return workflowOf(kind).steps.map((s) => s.id);
}
