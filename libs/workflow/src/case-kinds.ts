import type { LocalizedText } from './localized-text';

export const CASE_KINDS = ['complaint', 'office_error', 'refusal', 'aggressive_client'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Readonly<Record<CaseKind, LocalizedText>> = {
  complaint: { pl: 'Skarga', en: 'Complaint' },
  office_error: { pl: 'Pomyłka urzędu', en: 'Office error' },
  refusal: { pl: 'Decyzja odmowna', en: 'Refusal' },
  aggressive_client: { pl: 'Agresywny klient', en: 'Aggressive client' },
};

export function isCaseKind(value: unknown): value is CaseKind {
  return typeof value === 'string' && (CASE_KINDS as readonly string[]).includes(value);
}
