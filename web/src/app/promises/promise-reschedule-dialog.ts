import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { PromiseResponse } from '@pu/contracts';
import { specificErrorMessage, toApiError } from '../http/api-error';
import { Language } from '../i18n/language';
import { PuDateTimePipe, fromDateTimeInput, toDateTimeInput } from '../shared/date-time';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { applyServerFieldErrors, focusFirstInvalid } from '../shared/server-errors';
import { PromisesApi } from './promises-api';

export interface PromiseRescheduleData {
  promise: PromiseResponse;
}

/** The client must have been told the new date before it is recorded (standard 17 pkt 4). */
const notInFuture = (control: AbstractControl<string>): ValidationErrors | null => {
  const at = fromDateTimeInput(control.value);
  return at && Date.parse(at) > Date.now() ? { future: true } : null;
};

/**
 * "Zmień termin": a new due date-time for a promise and when the client was told it, both required.
 * Someone else's change meanwhile (412) reloads the promise and keeps what was typed. Closes with the
 * updated promise.
 */
@Component({
  selector: 'pu-promise-reschedule-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
    PuDateTimePipe,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './promise-reschedule-dialog.html',
  styleUrl: './promise-reschedule-dialog.scss',
})
export class PromiseRescheduleDialog {
  private readonly api = inject(PromisesApi);
  private readonly dialogRef = inject<MatDialogRef<PromiseRescheduleDialog, PromiseResponse>>(MatDialogRef);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly lang = inject(Language).lang;
  protected readonly current = signal(inject<PromiseRescheduleData>(MAT_DIALOG_DATA).promise);
  protected readonly saving = signal(false);
  /** Set when the promise can no longer be rescheduled (kept meanwhile, or gone from view). */
  protected readonly closedForChanges = signal(false);
  protected readonly message = signal<string | null>(null);
  /** The latest date-time the "told" field accepts: now (the conversation has already happened). */
  protected readonly maxToldAt = toDateTimeInput(new Date());

  protected readonly form = inject(NonNullableFormBuilder).group({
    dueAt: ['', [Validators.required, (c: AbstractControl<string>) => this.laterThanCurrent(c)]],
    clientToldAt: ['', [Validators.required, notInFuture]],
  });

  protected submit(): void {
    this.message.set(null);
    this.form.controls.dueAt.updateValueAndValidity();
    this.form.controls.clientToldAt.updateValueAndValidity();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.message.set(this.transloco.translate('common.formHasErrors'));
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    const dueAt = fromDateTimeInput(v.dueAt);
    const clientToldAt = fromDateTimeInput(v.clientToldAt);
    if (!dueAt || !clientToldAt) {
      return;
    }
    this.saving.set(true);
    this.api.update(this.current(), { dueAt, clientToldAt }).subscribe({
      next: (updated) => this.dialogRef.close(updated),
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiError(err);
        if (e.code === 'STALE_VERSION') {
          this.message.set(this.transloco.translate('promises.dialog.stale'));
          this.refresh();
        } else if (e.statusCode === 404) {
          this.closedForChanges.set(true);
          this.message.set(this.transloco.translate('promises.gone'));
        } else if (e.statusCode === 422) {
          const rest = applyServerFieldErrors(this.form, e);
          this.message.set(rest.length ? rest.join(' ') : specificErrorMessage(this.transloco, e));
          focusFirstInvalid(this.host.nativeElement);
        }
        // Anything else was shown by the HTTP error interceptor; the form stays as typed for a retry.
      },
    });
  }

  /** After a 412: the promise as it is now; what was typed stays, and the new due time is checked again. */
  private refresh(): void {
    const id = this.current().id;
    this.api.forCase(this.current().caseId).subscribe({
      next: (list) => {
        const fresh = list.find((p) => p.id === id);
        if (!fresh) {
          this.closedForChanges.set(true);
          this.message.set(this.transloco.translate('promises.gone'));
          return;
        }
        this.current.set(fresh);
        if (fresh.keptAt) {
          this.closedForChanges.set(true);
          this.message.set(this.transloco.translate('promises.dialog.keptMeanwhile'));
        }
        this.form.controls.dueAt.updateValueAndValidity();
      },
      error: (err: unknown) => {
        if (toApiError(err).statusCode === 404) {
          this.closedForChanges.set(true);
          this.message.set(this.transloco.translate('promises.gone'));
        }
      },
    });
  }

  private laterThanCurrent(control: AbstractControl<string>): ValidationErrors | null {
    const at = fromDateTimeInput(control.value);
    return at && Date.parse(at) <= Date.parse(this.current().dueAt) ? { notLater: true } : null;
  }
}
