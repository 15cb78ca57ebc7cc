import type { CaseKind } from './case-kinds';
import type { StepEntry } from './progress-types';
import { workflowOf } from './workflows';

export interface LoopRecall {
  /** What the client said they expect instead, at the last answer that sent the case back; null if not said. */
  expectation: string | null;
  /** The earlier attempts of this step, oldest first (e.g. the proposals the client did not accept). */
  attempts: StepEntry[];
  /** The answers that sent them back, oldest first. */
  answers: StepEntry[];
}

const own = (earlier: Readonly<Record<string, StepEntry[]>>, id: string): StepEntry[] =>
  Object.hasOwn(earlier, id) ? earlier[id] : [];

/**
 * For a step a loop returns to (a proposal, a fix plan): what the previous rounds recorded, so the next
 * attempt is made knowing what the client asked for. Null when the step was never sent back.
 */
export function loopRecall(
  kind: CaseKind,
  earlier: Readonly<Record<string, StepEntry[]>> | undefined,
  stepId: string,
): LoopRecall | null {
  const looping = workflowOf(kind).steps.find((s) => s.loop?.backTo === stepId);
  if (!looping?.loop || !earlier) return null;
  const attempts = own(earlier, stepId);
  const answers = own(earlier, looping.id);
  if (!attempts.length && !answers.length) return null;
  const said = looping.loop.expectation ? answers.at(-1)?.data?.[looping.loop.expectation] : undefined;
  return { expectation: typeof said === 'string' ? said : null, attempts, answers };
}
