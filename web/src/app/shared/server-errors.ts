import { FormGroup } from '@angular/forms';
import { TranslocoService } from '@jsverse/transloco';
import { specificErrorMessage, type ReceivedError } from '../http/api-error';

/**
 * Show a 422's `fields` on the matching controls (as the `server` error, cleared by the next edit).
 * Returns the messages of fields the form does not have, to show above the form.
 */
export function applyServerFieldErrors(form: FormGroup, error: ReceivedError): string[] {
  const unmatched: string[] = [];
  for (const [field, messages] of Object.entries(error.fields ?? {})) {
    const control = form.get(field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: messages.join(' ') });
      control.markAsTouched();
    } else {
      unmatched.push(...messages);
    }
  }
  return unmatched;
}

/**
 * A 422 (or a conflict) on the form: field messages on their fields, and the message for above the form —
 * the messages of fields the form lacks, or else the server's specific message.
 */
export function serverFieldErrorsMessage(transloco: TranslocoService, form: FormGroup, error: ReceivedError): string {
  const rest = applyServerFieldErrors(form, error);
  return rest.length ? rest.join(' ') : specificErrorMessage(transloco, error);
}

/** Move keyboard focus to the first invalid field, so the error is read out and can be fixed at once. */
export function focusFirstInvalid(host: HTMLElement): void {
  setTimeout(() => {
    const invalid = host.querySelector<HTMLElement>(
      'input.ng-invalid, mat-select.ng-invalid, textarea.ng-invalid, pu-date-time-field.ng-invalid input',
    );
    invalid?.focus();
  });
}
