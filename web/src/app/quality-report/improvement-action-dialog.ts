import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ImprovementActionResponse, RootCauseCategoryResponse } from '@pu/contracts';
import { newIdempotencyKey } from '../cases/cases-api';
import { notBlank } from '../cases/step-form-model';
import { toApiError } from '../http/api-error';
import { Language } from '../i18n/language';
import { dialogSubmission } from '../shared/dialog-submission';
import { FormAlert } from '../shared/form-alert';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LocalizedPipe } from '../shared/localized';
import { serverFieldErrorsMessage } from '../shared/server-errors';
import { ReportsApi } from './reports-api';

export interface ImprovementActionDialogData {
  /** Editing this action; a new one when absent. */
  action?: ImprovementActionResponse;
  categories: RootCauseCategoryResponse[];
}

/** Standard 20 closes the loop: what the office does about an area, who owns it, by when, and what it expects. */
@Component({
  selector: 'pu-improvement-action-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    TranslocoPipe,
    LocalizedPipe,
    FormAlert,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>
      {{ (data.action ? 'qualityReport.actions.editTitle' : 'qualityReport.actions.addTitle') | transloco }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <pu-form-alert [message]="message()" />
        <div class="pu-form">
          <mat-form-field>
            <mat-label>{{ 'qualityReport.actions.rootCause' | transloco }}</mat-label>
            <mat-select formControlName="rootCause" required>
              @for (c of categories; track c.code) {
                <mat-option [value]="c.code">{{ c.label | localized: lang() }}</mat-option>
              }
            </mat-select>
            @if (form.controls.rootCause.errors; as e) {
              <mat-error>{{ e['server'] ?? ('common.required' | transloco) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'qualityReport.actions.what' | transloco }}</mat-label>
            <textarea matInput formControlName="what" rows="2" required></textarea>
            @if (form.controls.what.errors; as e) {
              <mat-error>{{ e['server'] ?? ('common.required' | transloco) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'qualityReport.actions.owner' | transloco }}</mat-label>
            <input matInput formControlName="owner" required />
            @if (form.controls.owner.errors; as e) {
              <mat-error>{{ e['server'] ?? ('common.required' | transloco) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'qualityReport.actions.dueOn' | transloco }}</mat-label>
            <input matInput type="date" formControlName="dueOn" required />
            @if (form.controls.dueOn.errors; as e) {
              <mat-error>{{ e['server'] ?? ('cases.steps.dateRequired' | transloco) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'qualityReport.actions.doneOn' | transloco }}</mat-label>
            <input matInput type="date" formControlName="doneOn" />
            <mat-hint>{{ 'qualityReport.actions.doneOnHint' | transloco }}</mat-hint>
            @if (form.controls.doneOn.errors; as e) {
              <mat-error>{{ e['server'] }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'qualityReport.actions.expectedEffect' | transloco }}</mat-label>
            <textarea matInput formControlName="expectedEffect" rows="2" required></textarea>
            @if (form.controls.expectedEffect.errors; as e) {
              <mat-error>{{ e['server'] ?? ('common.required' | transloco) }}</mat-error>
            }
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="submission.saving()">
          {{ (submission.saving() ? 'common.saving' : 'common.save') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ImprovementActionDialog {
  protected readonly data = inject<ImprovementActionDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ReportsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).lang;
  /** Active categories, and the action's own even if retired since. */
  protected readonly categories = this.data.categories.filter(
    (c) => c.retiredAt === null || c.code === this.data.action?.rootCause,
  );
  protected readonly message = signal<string | null>(null);
  /** One key per dialog: a retried save after a lost answer does not record the action twice. */
  private readonly key = newIdempotencyKey();

  protected readonly form = inject(NonNullableFormBuilder).group({
    rootCause: [this.data.action?.rootCause ?? '', Validators.required],
    what: [this.data.action?.what ?? '', [Validators.required, notBlank, Validators.maxLength(2000)]],
    owner: [this.data.action?.owner ?? '', [Validators.required, notBlank, Validators.maxLength(200)]],
    dueOn: [this.data.action?.dueOn ?? '', Validators.required],
    doneOn: [this.data.action?.doneOn ?? ''],
    expectedEffect: [
      this.data.action?.expectedEffect ?? '',
      [Validators.required, notBlank, Validators.maxLength(2000)],
    ],
  });

  protected readonly submission = dialogSubmission<ImprovementActionResponse>(this.form, {
    message: this.message,
    failed: (err) => {
      const e = toApiError(err);
      if (e.code === 'STALE_VERSION') this.message.set(this.transloco.translate('qualityReport.actions.stale'));
      else this.message.set(serverFieldErrorsMessage(this.transloco, this.form, e));
    },
  });

  protected submit(): void {
    this.submission.submit(() => {
      const v = this.form.getRawValue();
      const body = {
        rootCause: v.rootCause,
        what: v.what.trim(),
        owner: v.owner.trim(),
        dueOn: v.dueOn,
        doneOn: v.doneOn || null,
        expectedEffect: v.expectedEffect.trim(),
      };
      const action = this.data.action;
      return action ? this.api.updateImprovementAction(action, body) : this.api.createImprovementAction(body, this.key);
    });
  }
}
