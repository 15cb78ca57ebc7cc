import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { RootCauseCategoryResponse } from '@pu/contracts';
import { notBlank } from '../cases/step-form-model';
import { toApiError } from '../http/api-error';
import { dialogSubmission } from '../shared/dialog-submission';
import { FormAlert } from '../shared/form-alert';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { serverFieldErrorsMessage } from '../shared/server-errors';
import { ReportsApi } from './reports-api';

export interface RootCauseDialogData {
  /** Renaming or describing this one; a new category when absent. */
  category?: RootCauseCategoryResponse;
}

/** A root-cause category's code (new ones only: cases keep it), names and description, in Polish and English. */
@Component({
  selector: 'pu-root-cause-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    TranslocoPipe,
    FormAlert,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>
      {{ (data.category ? 'qualityReport.categories.editTitle' : 'qualityReport.categories.addTitle') | transloco }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <pu-form-alert [message]="message()" />
        <div class="pu-form">
          @if (!data.category) {
            <mat-form-field>
              <mat-label>{{ 'qualityReport.categories.code' | transloco }}</mat-label>
              <input matInput formControlName="code" required autocomplete="off" />
              <mat-hint>{{ 'qualityReport.categories.codeHint' | transloco }}</mat-hint>
              @if (form.controls.code.errors; as e) {
                <mat-error>{{ e['server'] ?? ('qualityReport.categories.codeHint' | transloco) }}</mat-error>
              }
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>{{ 'qualityReport.categories.labelPl' | transloco }}</mat-label>
            <input matInput formControlName="labelPl" required lang="pl" />
            @if (form.controls.labelPl.errors; as e) {
              <mat-error>{{ e['server'] ?? ('common.required' | transloco) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'qualityReport.categories.labelEn' | transloco }}</mat-label>
            <input matInput formControlName="labelEn" required lang="en" />
            @if (form.controls.labelEn.errors; as e) {
              <mat-error>{{ e['server'] ?? ('common.required' | transloco) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'qualityReport.categories.descriptionPl' | transloco }}</mat-label>
            <textarea matInput formControlName="descriptionPl" rows="2" lang="pl"></textarea>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'qualityReport.categories.descriptionEn' | transloco }}</mat-label>
            <textarea matInput formControlName="descriptionEn" rows="2" lang="en"></textarea>
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
export class RootCauseDialog {
  protected readonly data = inject<RootCauseDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ReportsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly message = signal<string | null>(null);
  private readonly c = this.data.category;

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [this.c?.code ?? '', this.c ? [] : [Validators.required, Validators.pattern(/^[a-z][a-z0-9_]{1,39}$/)]],
    labelPl: [this.c?.label.pl ?? '', [Validators.required, notBlank, Validators.maxLength(200)]],
    labelEn: [this.c?.label.en ?? '', [Validators.required, notBlank, Validators.maxLength(200)]],
    descriptionPl: [this.c?.description?.pl ?? '', Validators.maxLength(2000)],
    descriptionEn: [this.c?.description?.en ?? '', Validators.maxLength(2000)],
  });

  protected readonly submission = dialogSubmission<RootCauseCategoryResponse>(this.form, {
    message: this.message,
    failed: (err) => {
      const e = toApiError(err);
      if (e.code === 'STALE_VERSION') this.message.set(this.transloco.translate('qualityReport.categories.stale'));
      else this.message.set(serverFieldErrorsMessage(this.transloco, this.form, e));
    },
  });

  protected submit(): void {
    this.submission.submit(() => {
      const v = this.form.getRawValue();
      const label = { pl: v.labelPl.trim(), en: v.labelEn.trim() };
      const pl = v.descriptionPl.trim();
      const en = v.descriptionEn.trim();
      const description = pl || en ? { pl, en } : null;
      return this.c
        ? this.api.updateRootCause(this.c, { label, description })
        : this.api.createRootCause({ code: v.code.trim(), label, description });
    });
  }
}
