import type { WorkflowViolation } from './progress-types';
import type { StepDef, WorkflowDef } from './workflow-types';

// Messages are for the clerk: Polish, naming steps by the titles they see, and saying what to do next.

const quote = (s: string) => `„${s}”`;

export function stepTitles(def: WorkflowDef, ids: readonly string[]): string {
  return ids.map((id) => quote(def.steps.find((s) => s.id === id)?.title.pl ?? id)).join(', ');
}

export const violations = {
  caseClosed: (): WorkflowViolation => ({
    code: 'CASE_CLOSED',
    message: 'Sprawa jest zamknięta – nie można w niej niczego zmienić.',
  }),
  unknownStep: (def: WorkflowDef, stepId: string): WorkflowViolation => ({
    code: 'UNKNOWN_STEP',
    message: `Sprawa typu ${quote(def.title.pl)} nie ma kroku ${quote(stepId)}.`,
  }),
  alreadyDone: (step: StepDef, status: 'completed' | 'skipped'): WorkflowViolation => ({
    code: 'STEP_ALREADY_DONE',
    message: `Krok ${quote(step.title.pl)} jest już ${status === 'completed' ? 'wykonany' : 'pominięty'}. Aby go zmienić, cofnij go (cofnąć można ostatni wykonany krok).`,
  }),
  blocked: (def: WorkflowDef, step: StepDef, missing: string[], earlyLabels?: string[]): WorkflowViolation => ({
    code: 'STEP_NOT_AVAILABLE',
    message:
      `Krok ${quote(step.title.pl)} nie jest jeszcze dostępny. Najpierw wykonaj: ${stepTitles(def, missing)}.` +
      (earlyLabels?.length
        ? ` Wcześniej można zapisać tylko rozstrzygnięcie: ${earlyLabels.map(quote).join(', ')}.`
        : ''),
    missingSteps: missing,
  }),
  waived: (step: StepDef, earlyStep: StepDef): WorkflowViolation => ({
    code: 'STEP_NOT_AVAILABLE',
    message: `Krok ${quote(step.title.pl)} nie jest już potrzebny – sprawa ma rozstrzygnięcie zapisane w kroku ${quote(earlyStep.title.pl)}. Aby go wykonać, najpierw cofnij tamten krok.`,
  }),
  notOptional: (step: StepDef): WorkflowViolation => ({
    code: 'STEP_NOT_OPTIONAL',
    message: `Krok ${quote(step.title.pl)} jest obowiązkowy – nie można go pominąć.`,
  }),
  promiseRequired: (step: StepDef): WorkflowViolation => ({
    code: 'PROMISE_REQUIRED',
    message: `Krok ${quote(step.title.pl)} wymaga co najmniej jednej obietnicy dla klienta (co, do kiedy, jaką drogą). Dodaj obietnicę w sprawie i spróbuj ponownie.`,
  }),
  nothingToReopen: (): WorkflowViolation => ({
    code: 'NOTHING_TO_REOPEN',
    message: 'Nie ma kroku do cofnięcia.',
  }),
  notLast: (def: WorkflowDef, last: string): WorkflowViolation => ({
    code: 'NOT_LAST_COMPLETED',
    message: `Cofnąć można tylko ostatni wykonany krok: ${stepTitles(def, [last])}.`,
  }),
  incomplete: (def: WorkflowDef, missing: string[], withoutPromise: string[]): WorkflowViolation => {
    const notDone = missing.filter((id) => !withoutPromise.includes(id));
    const parts: string[] = [];
    if (notDone.length) parts.push(`brakuje kroków: ${stepTitles(def, notDone)}`);
    if (withoutPromise.length)
      parts.push(`krok ${stepTitles(def, withoutPromise)} wymaga obietnicy dla klienta, a w sprawie nie ma żadnej`);
    return {
      code: 'INCOMPLETE',
      message: `Nie można zamknąć sprawy – ${parts.join('; ')}.`,
      missingSteps: missing,
    };
  },
};
