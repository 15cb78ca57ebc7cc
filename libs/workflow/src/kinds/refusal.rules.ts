import type { CaseKind } from '../case-kinds';

/** Polish message why a case cannot follow `refused` as its appeal or complaint, or null (null `refused`: none the user may see). */
export function followsRefusalError(refused: { kind: CaseKind } | null): string | null {
  if (!refused) return 'Nie znaleziono sprawy decyzji odmownej.';
  if (refused.kind !== 'refusal') return 'Odwołanie lub skarga może następować tylko po decyzji odmownej.';
  return null;
}
