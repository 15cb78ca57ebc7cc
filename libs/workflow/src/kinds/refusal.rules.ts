import { message } from '../i18n/message';
import type { LocalizedText } from '../localized-text';
import type { CaseKind } from '../case-kinds';

/** The message why a case cannot follow `refused` as its appeal or complaint, or null (null `refused`: none the user may see). */
export function followsRefusalError(refused: { kind: CaseKind } | null): LocalizedText | null {
  if (!refused) return message('refusal.notFound');
  if (refused.kind !== 'refusal') return message('refusal.followsOnlyRefusal');
  return null;
}
