import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseResponse } from '@pu/contracts';
import { CASE_TEXT_LIMITS } from '@pu/workflow';
import { Language } from '../i18n/language';
import { PuDatePipe, fromDateTimeInput } from '../shared/date-time';
import { dialogSubmission } from '../shared/dialog-submission';
import { FormAlert } from '../shared/form-alert';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { CaseActionErrors } from './case-action-errors';
import { CasesApi } from './cases-api';
import { notBlank } from './step-form-model';
import type { CaseDialogData } from './transfer-dialog';
import { DateTimeField } from '../shared/date-time-field';

const REASON_MAX = CASE_TEXT_LIMITS.reason;

/** KPA art. 36: a manager moves the deadline with the reason, after the client was told the reason and the new date. */
@Component({
  selector: 'pu-deadline-extension-dialog',
  imports: [
    DateTimeField,
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    TranslocoPipe,
    FormAlert,
    PuDatePipe,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'cases.extend.title' | transloco: { reference: data.current().reference } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>{{ 'cases.extend.law' | transloco }}</p>
        <p>
          {{ 'cases.extend.currentDue' | transloco }}
          <strong>{{ data.current().deadlines.main?.due | puDate: lang() }}</strong>
        </p>
        <pu-form-alert [message]="errors.message()" />
        <div class="pu-form">
          <pu-date-time-field
            mode="date"
            formControlName="newDue"
            [required]="true"
            [label]="'cases.extend.newDue' | transloco"
            [error]="form.controls.newDue.errors?.['server'] ?? ('cases.steps.dateRequired' | transloco)"
          />
          <mat-form-field>
            <mat-label>{{ 'cases.extend.reason' | transloco }}</mat-label>
            <textarea matInput formControlName="reason" rows="3" required></textarea>
            <mat-hint>{{ 'cases.extend.reasonHint' | transloco }}</mat-hint>
            @if (form.controls.reason.errors; as e) {
              <mat-error>
                @if (e['server']) {
                  {{ e['server'] }}
                } @else if (e['maxlength']) {
                  {{ 'common.maxLength' | transloco: { max: reasonMax } }}
                } @else {
                  {{ 'common.required' | transloco }}
                }
              </mat-error>
            }
          </mat-form-field>
          <pu-date-time-field
            formControlName="clientToldAt"
            [required]="true"
            [label]="'cases.extend.clientToldAt' | transloco"
            [hint]="'cases.extend.clientToldAtHint' | transloco"
            [error]="form.controls.clientToldAt.errors?.['server'] ?? ('cases.steps.dateTimeRequired' | transloco)"
          />
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="submission.saving()">
          {{ (submission.saving() ? 'common.saving' : 'cases.extend.submit') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class DeadlineExtensionDialog {
  protected readonly data = inject<CaseDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(CasesApi);

  protected readonly lang = inject(Language).lang;
  protected readonly reasonMax = REASON_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    newDue: ['', Validators.required],
    reason: ['', [Validators.required, notBlank, Validators.maxLength(REASON_MAX)]],
    clientToldAt: ['', Validators.required],
  });
  protected readonly errors = new CaseActionErrors(inject(TranslocoService), this.form.controls);
  protected readonly submission = dialogSubmission<CaseResponse>(this.form, {
    message: this.errors.message,
    failed: (err) => this.errors.handle(err, this.data.refresh),
  });

  protected submit(): void {
    this.submission.submit(() => {
      const v = this.form.getRawValue();
      const body = { newDue: v.newDue, reason: v.reason.trim(), clientToldAt: fromDateTimeInput(v.clientToldAt) ?? '' };
      return this.api.extendDeadline(this.data.current(), body);
    });
  }
}
