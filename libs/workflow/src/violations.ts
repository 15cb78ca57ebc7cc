import { message } from './i18n/message';
import type { LocalizedText } from './localized-text';
import type { WorkflowViolation } from './progress-types';
import type { StepDef, WorkflowDef } from './workflow-types';

// Messages are for the clerk, naming steps by the titles they see and saying what to do next.

const titleOf = (def: WorkflowDef, id: string): LocalizedText | string =>
  def.steps.find((s) => s.id === id)?.title ?? id;

export function stepTitles(def: WorkflowDef, ids: readonly string[]): (LocalizedText | string)[] {
  return ids.map((id) => titleOf(def, id));
}

export const violations = {
  caseClosed: (): WorkflowViolation => ({ code: 'CASE_CLOSED', message: message('workflow.caseClosed') }),
  unknownStep: (def: WorkflowDef, stepId: string): WorkflowViolation => ({
    code: 'UNKNOWN_STEP',
    message: message('workflow.unknownStep', { kind: def.title, step: stepId }),
  }),
  alreadyDone: (step: StepDef, status: 'completed' | 'skipped'): WorkflowViolation => ({
    code: 'STEP_ALREADY_DONE',
    message: message('workflow.alreadyDone', { step: step.title, skipped: status === 'skipped' }),
  }),
  blocked: (
    def: WorkflowDef,
    step: StepDef,
    missing: string[],
    earlyLabels?: (LocalizedText | string)[],
  ): WorkflowViolation => ({
    code: 'STEP_NOT_AVAILABLE',
    message: message('workflow.blocked', {
      step: step.title,
      missing: stepTitles(def, missing),
      early: earlyLabels ?? [],
    }),
    missingSteps: missing,
  }),
  waived: (step: StepDef, earlyStep: StepDef): WorkflowViolation => ({
    code: 'STEP_NOT_AVAILABLE',
    message: message('workflow.waived', { step: step.title, earlyStep: earlyStep.title }),
  }),
  notOptional: (step: StepDef): WorkflowViolation => ({
    code: 'STEP_NOT_OPTIONAL',
    message: message('workflow.notOptional', { step: step.title }),
  }),
  promiseRequired: (step: StepDef): WorkflowViolation => ({
    code: 'PROMISE_REQUIRED',
    message: message('workflow.promiseRequired', { step: step.title }),
  }),
  nothingToReopen: (): WorkflowViolation => ({
    code: 'NOTHING_TO_REOPEN',
    message: message('workflow.nothingToReopen'),
  }),
  notLast: (def: WorkflowDef, last: string): WorkflowViolation => ({
    code: 'NOT_LAST_COMPLETED',
    message: message('workflow.notLast', { step: titleOf(def, last) }),
  }),
  incomplete: (def: WorkflowDef, missing: string[], withoutPromise: string[]): WorkflowViolation => ({
    code: 'INCOMPLETE',
    message: message('workflow.incomplete', {
      notDone: stepTitles(
        def,
        missing.filter((id) => !withoutPromise.includes(id)),
      ),
      withoutPromise: stepTitles(def, withoutPromise),
    }),
    missingSteps: missing,
  }),
};
