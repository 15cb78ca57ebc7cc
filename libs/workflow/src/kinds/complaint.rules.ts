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

/** Polish message why `original` cannot be the complaint this `kind` of case repeats (KPA art. 239), or null. */
export function repeatComplaintError(
  kind: CaseKind,
  original: RepeatedOriginal | null,
  receivedAt?: Date,
): string | null {
  if (kind !== 'complaint') return 'Ponowić można tylko skargę.';
  if (!original) return 'Nie znaleziono pierwotnej skargi.';
  if (original.kind !== 'complaint') return 'Wskazana sprawa nie jest skargą.';
  if (receivedAt && original.receivedAt.getTime() >= receivedAt.getTime())
    return 'Pierwotna skarga musi wpłynąć wcześniej niż ta, która ją ponawia.';
  if (!(REPEATABLE_COMPLAINT_OUTCOMES as readonly (string | null)[]).includes(original.outcome))
    return 'Pierwotna skarga nie została uznana za bezzasadną (art. 239 KPA dotyczy skarg bezzasadnych).';
  return null;
}
