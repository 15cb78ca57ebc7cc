import type { CaseKind } from './case-kinds';
import type { LocalizedText } from './localized-text';

export type FieldType = 'text' | 'longtext' | 'boolean' | 'choice' | 'date' | 'datetime' | 'events';

export interface ChoiceOption {
  value: string;
  label: LocalizedText;
}

export interface FieldDef {
  id: string;
  type: FieldType;
  label: LocalizedText;
  required: boolean;
  /** text/longtext (defaults: DEFAULT_MAX_LENGTH); for `events`, the limit on each event's note. */
  maxLength?: number;
  /** `choice`: the allowed values. `events`: the allowed event kinds. */
  options?: ChoiceOption[];
  /** Required only while another field of the same step holds one of these values. */
  requiredWhen?: { field: string; in: readonly (string | boolean)[] };
  help?: LocalizedText;
  /**
   * `boolean` confirmations of something the standard tells the clerk to do ("say you are sorry"):
   * recording `false` would mean the step was not done, so it is refused.
   */
  mustBeTrue?: boolean;
  /**
   * The quality officer owns the root-cause categories, so the codes the office actually uses
   * (CaseContext.rootCauseCodes) replace `options` when given.
   */
  optionsFrom?: 'rootCauses';
  /** `events`: most entries accepted in one log. */
  maxItems?: number;
  /**
   * A `date` that the law fixes from the case's facts: the due day of that deadline of the case
   * (e.g. 'appeal', KPA art. 129 § 2; CaseContext.deadlines). Forms show it filled in; when left out
   * where it is required it is filled in, and any other date is refused.
   */
  computedFrom?: 'appeal';
}

export interface StepDef {
  id: string;
  required: boolean;
  title: LocalizedText;
  /** What the office's standard says to do at this step, in its own words. */
  guidance: LocalizedText;
  /** Where the guidance comes from, e.g. 'Standard 20 pkt 1' or 'KPA art. 237'. */
  source: string;
  fields: FieldDef[];
  /** Completing it requires at least one follow-up promise on the case. */
  needsPromise?: boolean;
  /**
   * Completing it with `field` in `values` reopens `backTo` and every step after it up to this one; the
   * entries sent back are kept (CaseProgress.earlier). `expectation` names the field holding what the
   * client wants instead, shown at the next attempt.
   */
  loop?: { field: string; values: readonly string[]; backTo: string; expectation?: string };
  /**
   * This step may be completed before its turn when `field` takes one of `values`
   * (a forwarded or anonymous letter never has a conversation); the required steps
   * before it are then no longer needed to close the case.
   */
  earlyOutcomes?: { field: string; values: readonly string[] };
}

export interface WorkflowDef {
  kind: CaseKind;
  /** Number of the office's customer-service standard the workflow implements. */
  standard: number;
  title: LocalizedText;
  purpose: LocalizedText;
  steps: StepDef[];
  /** Conduct rules shown at every step; they are not steps. */
  conduct: ConductRule[];
}

/** A conduct rule with the standard it comes from, e.g. 'Standard 20 pkt 4'. */
export interface ConductRule extends LocalizedText {
  source: string;
}

export const DEFAULT_MAX_LENGTH = { text: 2000, longtext: 10000 } as const;
export const DEFAULT_MAX_EVENTS = 200;
