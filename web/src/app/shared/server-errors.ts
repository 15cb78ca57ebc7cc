import { FormGroup } from '@angular/forms';
import type { ReceivedError } from '../http/api-error';

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

/** Move keyboard focus to the first invalid field, so the error is read out and can be fixed at once. */
export function focusFirstInvalid(host: HTMLElement): void {
  setTimeout(() => {
    const invalid = host.querySelector<HTMLElement>('input.ng-invalid, mat-select.ng-invalid, textarea.ng-invalid');
    invalid?.focus();
  });
}
