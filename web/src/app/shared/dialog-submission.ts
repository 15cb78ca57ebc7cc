import { ElementRef, WritableSignal, inject, signal } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { Observable } from 'rxjs';
import { focusFirstInvalid } from './server-errors';

export interface DialogSubmissionOptions {
  /** The message above the form (`<pu-form-alert>`); cleared on every try. */
  message: WritableSignal<string | null>;
  /** Shows a failure on the form (field errors, a message); what it leaves alone the HTTP error interceptor showed. */
  failed: (err: unknown) => void;
  /** Said above the form when it is sent with errors; without it, only the fields say so. */
  invalidMessage?: () => string;
}

/**
 * How a dialog's form is sent: checked first (errors shown, focus on the first invalid field), then the
 * change; the dialog closes with its result, or stays open with what was typed and says what went wrong.
 */
export class DialogSubmission<R> {
  readonly saving = signal(false);

  constructor(
    private readonly form: AbstractControl,
    private readonly options: DialogSubmissionOptions,
    private readonly dialogRef: MatDialogRef<unknown, R>,
    private readonly host: HTMLElement,
  ) {}

  /** `request` runs only for a valid form; it may return null when there is nothing to send. */
  submit(request: () => Observable<R> | null): void {
    this.options.message.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      if (this.options.invalidMessage) {
        this.options.message.set(this.options.invalidMessage());
      }
      focusFirstInvalid(this.host);
      return;
    }
    const change = request();
    if (!change) {
      return;
    }
    this.saving.set(true);
    change.subscribe({
      next: (result) => this.dialogRef.close(result),
      error: (err: unknown) => {
        this.saving.set(false);
        this.options.failed(err);
        focusFirstInvalid(this.host);
      },
    });
  }
}

/** A dialog's submission; call where `inject` works (a field initialiser of the dialog component). */
export function dialogSubmission<R>(form: AbstractControl, options: DialogSubmissionOptions): DialogSubmission<R> {
  return new DialogSubmission<R>(
    form,
    options,
    inject<MatDialogRef<unknown, R>>(MatDialogRef),
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );
}
