import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { PromiseResponse } from '@pu/contracts';
import { Observable } from 'rxjs';
import { toApiError } from '../http/api-error';
import { Language } from '../i18n/language';
import { PuDateTimePipe, formatDateTime, fromDateTimeInput, toDateTimeInput } from '../shared/date-time';
import { DateTimeField } from '../shared/date-time-field';
import { dialogSubmission } from '../shared/dialog-submission';
import { FormAlert } from '../shared/form-alert';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { serverFieldErrorsMessage } from '../shared/server-errors';
import { PromisesApi } from './promises-api';

export interface PromiseRescheduleData {
  promise: PromiseResponse;
  /**
   * The promises of its case as they are now, fetched after someone else's change (412). A page that
   * lists them passes its own reload, so the list behind the dialog shows the change too.
   */
  reload?: () => Observable<PromiseResponse[]>;
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
    FormAlert,
    DateTimeField,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './promise-reschedule-dialog.html',
  styleUrl: './promise-reschedule-dialog.scss',
})
export class PromiseRescheduleDialog {
  private readonly api = inject(PromisesApi);
  private readonly transloco = inject(TranslocoService);
  private readonly data = inject<PromiseRescheduleData>(MAT_DIALOG_DATA);

  protected readonly lang = inject(Language).lang;
  protected readonly current = signal(this.data.promise);
  /** Set when the promise can no longer be rescheduled (kept meanwhile, or gone from view). */
  protected readonly closedForChanges = signal(false);
  protected readonly message = signal<string | null>(null);
  /** The latest date-time the "told" field accepts: now (the conversation has already happened). */
  protected readonly maxToldAt = toDateTimeInput(new Date());

  protected readonly form = inject(NonNullableFormBuilder).group({
    dueAt: ['', [Validators.required, (c: AbstractControl<string>) => this.laterThanCurrent(c)]],
    clientToldAt: ['', [Validators.required, notInFuture]],
  });
  protected readonly submission = dialogSubmission<PromiseResponse>(this.form, {
    message: this.message,
    invalidMessage: () => this.transloco.translate('common.formHasErrors'),
    failed: (err) => this.failed(err),
  });

  protected dueAtError(): string {
    const e = this.form.controls.dueAt.errors;
    if (e?.['server']) {
      return String(e['server']);
    }
    return e?.['notLater']
      ? this.transloco.translate('promises.dialog.notLater', { due: formatDateTime(this.current().dueAt, this.lang()) })
      : this.transloco.translate('promises.dialog.newDueRequired');
  }

  protected clientToldAtError(): string {
    const e = this.form.controls.clientToldAt.errors;
    if (e?.['server']) {
      return String(e['server']);
    }
    return this.transloco.translate(
      e?.['future'] ? 'promises.dialog.toldInFuture' : 'promises.dialog.clientToldAtRequired',
    );
  }

  protected submit(): void {
    // Both rules depend on the time (and the current due time), not only on what was typed.
    this.form.controls.dueAt.updateValueAndValidity();
    this.form.controls.clientToldAt.updateValueAndValidity();
    this.submission.submit(() => {
      const v = this.form.getRawValue();
      const dueAt = fromDateTimeInput(v.dueAt);
      const clientToldAt = fromDateTimeInput(v.clientToldAt);
      return dueAt && clientToldAt ? this.api.update(this.current(), { dueAt, clientToldAt }) : null;
    });
  }

  /** Anything not handled here was shown by the HTTP error interceptor; the form stays as typed for a retry. */
  private failed(err: unknown): void {
    const e = toApiError(err);
    if (e.code === 'STALE_VERSION') {
      this.message.set(this.transloco.translate('promises.dialog.stale'));
      this.refresh();
    } else if (e.statusCode === 404) {
      this.closedForChanges.set(true);
      this.message.set(this.transloco.translate('promises.gone'));
    } else if (e.statusCode === 422) {
      this.message.set(serverFieldErrorsMessage(this.transloco, this.form, e));
    }
  }

  /** After a 412: the promise as it is now; what was typed stays, and the new due time is checked again. */
  private refresh(): void {
    const id = this.current().id;
    const reload = this.data.reload ?? (() => this.api.forCase(this.current().caseId));
    reload().subscribe({
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
