import { message } from './i18n/message';
import { isIsoInstant, isLocalDate, type LocalDate } from './local-date';
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
  if (!isLocalDate(input.currentDue)) errors['currentDue'] = [message('extension.badCurrentDue')];
  if (!isLocalDate(input.newDue)) errors['newDue'] = [message('extension.badNewDue')];
  else if (isLocalDate(input.currentDue) && input.newDue <= input.currentDue)
    errors['newDue'] = [message('extension.newDueNotLater', { current: input.currentDue })];

  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (!reason) errors['reason'] = [message('extension.reasonRequired')];
  else if ([...reason].length > MAX_REASON_LENGTH)
    errors['reason'] = [message('extension.reasonTooLong', { max: MAX_REASON_LENGTH })];

  if (input.clientToldAt === null || input.clientToldAt === '')
    errors['clientToldAt'] = [message('extension.tellClientFirst')];
  else if (!isIsoInstant(input.clientToldAt)) errors['clientToldAt'] = [message('extension.badToldAt')];
  else if (now && Date.parse(input.clientToldAt) > now.getTime())
    errors['clientToldAt'] = [message('extension.toldAtInFuture')];

  return Object.keys(errors).length ? errors : null;
}
