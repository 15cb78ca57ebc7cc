import { message } from '@pu/workflow';
import type { FieldErrors, WorkflowViolation } from '@pu/workflow';
import { DomainError, notFound, validationFailed } from '../common/domain-error';

/** The workflow library's verdicts as domain errors: a move not allowed (409), data that fails (422). */
export function violationError(v: WorkflowViolation): DomainError {
  if (v.code === 'UNKNOWN_STEP') return notFound(v.message);
  const details = { missingSteps: v.missingSteps ?? [] };
  if (v.code === 'INCOMPLETE') return new DomainError('WORKFLOW_INCOMPLETE', v.message, undefined, details);
  return new DomainError('WORKFLOW_STEP_NOT_ALLOWED', v.message, undefined, details);
}

export function stepResultError(result: { violation: WorkflowViolation } | { fields: FieldErrors }): DomainError {
  return 'violation' in result
    ? violationError(result.violation)
    : validationFailed(result.fields, message('step.fixData'));
}
