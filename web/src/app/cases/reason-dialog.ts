import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { CASE_TEXT_LIMITS } from '@pu/workflow';
import { dialogSubmission } from '../shared/dialog-submission';
import { FormAlert } from '../shared/form-alert';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { CaseActionErrors } from './case-action-errors';
import { notBlank } from './step-form-model';

export interface ReasonDialogData<T> {
  title: string;
  /** What happens, and why the reason is asked for. */
  intro?: string;
  label: string;
  hint?: string;
  confirm: string;
  /** A reason is required (skip, reopen); a closing note is not. */
  required: boolean;
  /** The change itself; the dialog stays open on errors, keeping the text. */
  submit: (text: string) => Observable<T>;
  /** Reload the case after someone else changed it (412). */
  refresh: () => Observable<unknown>;
}

const MAX_REASON = CASE_TEXT_LIMITS.reason;

/** Asks for a reason (or a note) and performs the change; closes with its result. */
@Component({
  selector: 'pu-reason-dialog',
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
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (data.intro) {
          <p>{{ data.intro }}</p>
        }
        <pu-form-alert [message]="errors.message()" />
        <mat-form-field class="full">
          <mat-label>{{ data.label }}</mat-label>
          <textarea matInput formControlName="text" rows="4" [required]="data.required"></textarea>
          @if (data.hint) {
            <mat-hint>{{ data.hint }}</mat-hint>
          }
          @if (form.controls.text.errors; as e) {
            <mat-error>
              @if (e['required']) {
                {{ 'common.required' | transloco }}
              } @else if (e['maxlength']) {
                {{ 'common.maxLength' | transloco: { max: maxLength } }}
              } @else if (e['server']) {
                {{ e['server'] }}
              }
            </mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="submission.saving()">
          {{ submission.saving() ? ('common.saving' | transloco) : data.confirm }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: '.full { width: 100%; min-width: min(440px, 80vw); }',
})
export class ReasonDialog<T> {
  protected readonly data = inject<ReasonDialogData<T>>(MAT_DIALOG_DATA);
  private readonly transloco = inject(TranslocoService);

  protected readonly maxLength = MAX_REASON;
  protected readonly form = inject(NonNullableFormBuilder).group({
    text: [
      '',
      this.data.required
        ? [Validators.required, notBlank, Validators.maxLength(MAX_REASON)]
        : [Validators.maxLength(MAX_REASON)],
    ],
  });
  protected readonly errors = new CaseActionErrors(this.transloco, { text: this.form.controls.text });
  protected readonly submission = dialogSubmission<T>(this.form, {
    message: this.errors.message,
    failed: (err) => this.errors.handle(err, this.data.refresh, { reason: 'text', note: 'text' }),
  });

  protected submit(): void {
    this.submission.submit(() => this.data.submit(this.form.controls.text.value.trim()));
  }
}

export function askReason<T>(dialog: MatDialog, data: ReasonDialogData<T>): Observable<T | undefined> {
  return dialog
    .open<ReasonDialog<T>, ReasonDialogData<T>, T>(ReasonDialog, { data, width: '520px', maxWidth: '95vw' })
    .afterClosed();
}
