import { message } from '../i18n/message';
import type { LocalizedText } from '../localized-text';
import type { CaseKind } from '../case-kinds';
import type { ComplaintOutcome } from '../enums';
import type { CaseContext, FieldErrors } from '../progress-types';

/**
 * An anonymous complaint can only be left without consideration, and "position maintained"
 * (KPA art. 239) exists only for a complaint that repeats an earlier one.
 */
export function complaintOutcomeRules(data: Record<string, unknown>, ctx: CaseContext): FieldErrors {
  const outcome = data['outcome'];
  if (outcome === undefined) return {};
  if (ctx.anonymous && outcome !== 'left_without_consideration') {
    return {
      outcome: [message('complaint.anonymousOnlyLeft')],
    };
  }
  if (outcome === 'position_maintained' && !ctx.repeatOfCaseId) {
    return {
      outcome: [message('complaint.maintainedOnlyRepeated')],
    };
  }
  return {};
}

/** A complaint may be repeated under KPA art. 239 only after one found unfounded (or already so maintained). */
export const REPEATABLE_COMPLAINT_OUTCOMES = [
  'unjustified',
  'position_maintained',
] as const satisfies readonly ComplaintOutcome[];

/** The case a repeated complaint points to, as far as the user may see it (null: none they may see). */
export interface RepeatedOriginal {
  kind: CaseKind;
  outcome: string | null;
  receivedAt: Date;
}

/** The message why `original` cannot be the complaint this `kind` of case repeats (KPA art. 239), or null. */
export function repeatComplaintError(
  kind: CaseKind,
  original: RepeatedOriginal | null,
  receivedAt?: Date,
): LocalizedText | null {
  if (kind !== 'complaint') return message('complaint.repeatOnlyComplaint');
  if (!original) return message('complaint.originalNotFound');
  if (original.kind !== 'complaint') return message('complaint.originalNotComplaint');
  if (receivedAt && original.receivedAt.getTime() >= receivedAt.getTime())
    return message('complaint.originalNotEarlier');
  if (!(REPEATABLE_COMPLAINT_OUTCOMES as readonly (string | null)[]).includes(original.outcome))
    return message('complaint.originalNotUnfounded');
  return null;
}
