import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseResponse } from '@pu/contracts';
import { Language } from '../i18n/language';
import { PuDatePipe, fromDateTimeInput } from '../shared/date-time';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { focusFirstInvalid } from '../shared/server-errors';
import { CaseActionErrors } from './case-action-errors';
import { CasesApi } from './cases-api';
import { notBlank } from './step-form-model';
import type { CaseDialogData } from './transfer-dialog';

const REASON_MAX = 2000;

/** KPA art. 36: a manager moves the deadline with the reason, after the client was told the reason and the new date. */
@Component({
  selector: 'pu-deadline-extension-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
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
        <div role="alert" aria-atomic="true">
          @if (errors.message(); as message) {
            <p class="pu-notice error">
              <mat-icon>error</mat-icon><span class="pu-notice-text">{{ message }}</span>
            </p>
          }
        </div>
        <div class="pu-form">
          <mat-form-field>
            <mat-label>{{ 'cases.extend.newDue' | transloco }}</mat-label>
            <input matInput type="date" formControlName="newDue" required />
            @if (form.controls.newDue.errors; as e) {
              <mat-error>
                @if (e['server']) {
                  {{ e['server'] }}
                } @else {
                  {{ 'cases.steps.dateRequired' | transloco }}
                }
              </mat-error>
            }
          </mat-form-field>
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
          <mat-form-field>
            <mat-label>{{ 'cases.extend.clientToldAt' | transloco }}</mat-label>
            <input matInput type="datetime-local" formControlName="clientToldAt" required />
            <mat-hint>{{ 'cases.extend.clientToldAtHint' | transloco }}</mat-hint>
            @if (form.controls.clientToldAt.errors; as e) {
              <mat-error>
                @if (e['server']) {
                  {{ e['server'] }}
                } @else {
                  {{ 'cases.steps.dateTimeRequired' | transloco }}
                }
              </mat-error>
            }
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ (saving() ? 'common.saving' : 'cases.extend.submit') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class DeadlineExtensionDialog {
  protected readonly data = inject<CaseDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(CasesApi);
  private readonly dialogRef = inject<MatDialogRef<DeadlineExtensionDialog, CaseResponse>>(MatDialogRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly lang = inject(Language).lang;
  protected readonly reasonMax = REASON_MAX;
  protected readonly saving = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    newDue: ['', Validators.required],
    reason: ['', [Validators.required, notBlank, Validators.maxLength(REASON_MAX)]],
    clientToldAt: ['', Validators.required],
  });
  protected readonly errors = new CaseActionErrors(inject(TranslocoService), this.form.controls);

  protected submit(): void {
    this.errors.clear();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.saving.set(true);
    const v = this.form.getRawValue();
    const body = { newDue: v.newDue, reason: v.reason.trim(), clientToldAt: fromDateTimeInput(v.clientToldAt) ?? '' };
    this.api.extendDeadline(this.data.current(), body).subscribe({
      next: (updated) => this.dialogRef.close(updated),
      error: (err: unknown) => {
        this.saving.set(false);
        this.errors.handle(err, this.data.refresh);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }
}
