import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { PromiseResponse } from '@pu/contracts';
import { Observable } from 'rxjs';
import { Language } from '../i18n/language';
import { PuDateTimePipe, fromDateTimeInput } from '../shared/date-time';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { focusFirstInvalid } from '../shared/server-errors';
import { CaseActionErrors } from './case-action-errors';
import { CasesApi } from './cases-api';

export interface PromiseRescheduleData {
  current: () => PromiseResponse;
  /** Reload the promises after someone else changed this one (412). */
  refresh: () => Observable<unknown>;
}

/** Standard 17 pkt 4: a new date for a promise, only after the client was told it. */
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
  template: `
    <h2 mat-dialog-title>{{ 'cases.promises.rescheduleTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>
          <strong>{{ data.current().description }}</strong> –
          {{ 'cases.promises.currentDue' | transloco: { due: (data.current().dueAt | puDateTime: lang()) } }}
        </p>
        <p>{{ 'cases.promises.rescheduleIntro' | transloco }}</p>
        <div role="alert" aria-atomic="true">
          @if (errors.message(); as message) {
            <p class="pu-notice error">
              <mat-icon>error</mat-icon><span class="pu-notice-text">{{ message }}</span>
            </p>
          }
        </div>
        <div class="pu-form">
          <mat-form-field>
            <mat-label>{{ 'cases.promises.newDue' | transloco }}</mat-label>
            <input matInput type="datetime-local" formControlName="dueAt" required />
            @if (form.controls.dueAt.errors; as e) {
              <mat-error>
                @if (e['server']) {
                  {{ e['server'] }}
                } @else {
                  {{ 'cases.steps.dateTimeRequired' | transloco }}
                }
              </mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'cases.promises.clientToldAt' | transloco }}</mat-label>
            <input matInput type="datetime-local" formControlName="clientToldAt" required />
            <mat-hint>{{ 'cases.promises.clientToldAtHint' | transloco }}</mat-hint>
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
          {{ (saving() ? 'common.saving' : 'cases.promises.reschedule') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class PromiseRescheduleDialog {
  protected readonly data = inject<PromiseRescheduleData>(MAT_DIALOG_DATA);
  private readonly api = inject(CasesApi);
  private readonly dialogRef = inject<MatDialogRef<PromiseRescheduleDialog, PromiseResponse>>(MatDialogRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly lang = inject(Language).lang;
  protected readonly saving = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    dueAt: ['', Validators.required],
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
    const body = { dueAt: fromDateTimeInput(v.dueAt) ?? '', clientToldAt: fromDateTimeInput(v.clientToldAt) ?? '' };
    this.api.updatePromise(this.data.current(), body).subscribe({
      next: (updated) => this.dialogRef.close(updated),
      error: (err: unknown) => {
        this.saving.set(false);
        this.errors.handle(err, this.data.refresh);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }
}
