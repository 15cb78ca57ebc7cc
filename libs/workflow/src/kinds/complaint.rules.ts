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
      outcome: ['Skarga anonimowa może zostać wyłącznie pozostawiona bez rozpatrzenia.'],
    };
  }
  if (outcome === 'position_maintained' && !ctx.repeatOfCaseId) {
    return {
      outcome: [
        'Podtrzymanie stanowiska (art. 239 KPA) dotyczy tylko skargi ponowionej – najpierw wskaż w sprawie wcześniejszą skargę.',
      ],
    };
  }
  return {};
}
