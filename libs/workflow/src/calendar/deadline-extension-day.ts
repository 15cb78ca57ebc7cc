import { message } from '../i18n/message';
import { validateDeadlineExtension } from '../deadline-extension';
import type { LocalDate } from '../local-date';
import type { FieldErrors } from '../progress-types';
import { isWorkingDay } from './polish-calendar';

/**
 * validateDeadlineExtension, and the new date must be a working day: it is the date the office names to the
 * client, so it must be one the office can act on.
 */
export function deadlineExtensionErrors(
  input: { currentDue: LocalDate; newDue: LocalDate; reason: string; clientToldAt: string | null },
  now: Date,
): FieldErrors | null {
  const errors = validateDeadlineExtension(input, now) ?? {};
  if (!errors['newDue'] && !isWorkingDay(input.newDue)) errors['newDue'] = [message('extension.nonWorkingDay')];
  return Object.keys(errors).length ? errors : null;
}
