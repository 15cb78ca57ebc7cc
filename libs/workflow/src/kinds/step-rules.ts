import type { CaseKind } from '../case-kinds';
import type { CaseContext, FieldErrors } from '../progress-types';
import { protestRule } from './aggressive-client.rules';
import { complaintOutcomeRules } from './complaint.rules';

/** A check across fields of one step, or against the case, run on already normalised data. */
export type StepRule = (data: Record<string, unknown>, ctx: CaseContext) => FieldErrors;

export const STEP_RULES: Partial<Record<CaseKind, Partial<Record<string, StepRule>>>> = {
  complaint: { outcome: complaintOutcomeRules },
  aggressive_client: { conduct: protestRule },
};
