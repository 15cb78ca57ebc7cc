import { formatPolishDate, isIsoInstant, isLocalDate, type LocalDate } from './local-date';
import { CASE_TEXT_LIMITS } from './case-limits';
import type { FieldErrors } from './progress-types';

const MAX_REASON_LENGTH = CASE_TEXT_LIMITS.reason;

/**
 * KPA art. 36 § 1: a matter not settled in time requires telling the party the reason for the
 * delay and the new date. The extension is recorded only after that, so `clientToldAt` is
 * required and may not lie in the future (when `now` is given).
 */
export function validateDeadlineExtension(
  input: { currentDue: LocalDate; newDue: LocalDate; reason: string; clientToldAt: string | null },
  now?: Date,
): FieldErrors | null {
  const errors: FieldErrors = {};
  if (!isLocalDate(input.currentDue)) errors['currentDue'] = ['Nieprawidłowy obecny termin.'];
  if (!isLocalDate(input.newDue)) errors['newDue'] = ['Nieprawidłowa data (oczekiwano RRRR-MM-DD).'];
  else if (isLocalDate(input.currentDue) && input.newDue <= input.currentDue)
    errors['newDue'] = [`Nowy termin musi być późniejszy niż obecny (${formatPolishDate(input.currentDue)}).`];

  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (!reason) errors['reason'] = ['Podaj przyczynę zwłoki – klient musi ją poznać (art. 36 § 1 KPA).'];
  else if ([...reason].length > MAX_REASON_LENGTH)
    errors['reason'] = [`Przyczyna jest za długa (dozwolone ${MAX_REASON_LENGTH} znaków).`];

  if (input.clientToldAt === null || input.clientToldAt === '')
    errors['clientToldAt'] = [
      'Najpierw zawiadom klienta o przyczynie zwłoki i nowym terminie (art. 36 § 1 KPA), potem zapisz, kiedy to zrobiono.',
    ];
  else if (!isIsoInstant(input.clientToldAt)) errors['clientToldAt'] = ['Nieprawidłowa data i godzina zawiadomienia.'];
  else if (now && Date.parse(input.clientToldAt) > now.getTime())
    errors['clientToldAt'] = ['Data zawiadomienia klienta nie może być w przyszłości.'];

  return Object.keys(errors).length ? errors : null;
}
