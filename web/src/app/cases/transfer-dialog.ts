import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseResponse, DepartmentResponse } from '@pu/contracts';
import { Observable } from 'rxjs';
import { CASE_TEXT_LIMITS } from '@pu/workflow';
import { dialogSubmission } from '../shared/dialog-submission';
import { FormAlert } from '../shared/form-alert';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { CaseActionErrors } from './case-action-errors';
import { CasesApi } from './cases-api';
import { notBlank } from './step-form-model';

export interface CaseDialogData {
  /** The case as last read (its version goes into If-Match). */
  current: () => CaseResponse;
  /** Reload the case after someone else changed it (412). */
  refresh: () => Observable<unknown>;
}

const NOTE_MAX = CASE_TEXT_LIMITS.transferNote;

/** Standard 17: hand the case to another department with a note of what it is about. */
@Component({
  selector: 'pu-transfer-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    TranslocoPipe,
    FormAlert,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'cases.transfer.title' | transloco: { reference: data.current().reference } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>{{ 'cases.transfer.intro' | transloco }}</p>
        <pu-form-alert [message]="errors.message()" />
        <div class="pu-form">
          <mat-form-field>
            <mat-label>{{ 'cases.transfer.department' | transloco }}</mat-label>
            <mat-select formControlName="departmentId" required>
              @for (d of departments(); track d.id) {
                <mat-option [value]="d.id">{{ d.symbol }} – {{ d.name }}</mat-option>
              }
            </mat-select>
            @if (form.controls.departmentId.errors; as e) {
              <mat-error>
                @if (e['server']) {
                  {{ e['server'] }}
                } @else {
                  {{ 'common.required' | transloco }}
                }
              </mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'cases.transfer.note' | transloco }}</mat-label>
            <textarea matInput formControlName="note" rows="4" required></textarea>
            <mat-hint>{{ 'cases.transfer.noteHint' | transloco }}</mat-hint>
            @if (form.controls.note.errors; as e) {
              <mat-error>
                @if (e['server']) {
                  {{ e['server'] }}
                } @else if (e['maxlength']) {
                  {{ 'common.maxLength' | transloco: { max: noteMax } }}
                } @else {
                  {{ 'common.required' | transloco }}
                }
              </mat-error>
            }
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="submission.saving()">
          {{ (submission.saving() ? 'common.saving' : 'cases.transfer.submit') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class TransferDialog {
  protected readonly data = inject<CaseDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(CasesApi);

  protected readonly noteMax = NOTE_MAX;
  protected readonly departments = signal<DepartmentResponse[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    departmentId: ['', Validators.required],
    note: ['', [Validators.required, notBlank, Validators.maxLength(NOTE_MAX)]],
  });
  protected readonly errors = new CaseActionErrors(inject(TranslocoService), this.form.controls);
  protected readonly submission = dialogSubmission<CaseResponse>(this.form, {
    message: this.errors.message,
    failed: (err) => this.errors.handle(err, this.data.refresh, { assigneeId: 'departmentId' }),
  });

  constructor() {
    const own = this.data.current().department.id;
    this.api
      .departments()
      .subscribe((list) =>
        this.departments.set(
          list.filter((d) => d.active && d.id !== own).sort((a, b) => a.symbol.localeCompare(b.symbol, 'pl')),
        ),
      );
  }

  protected submit(): void {
    this.submission.submit(() => {
      const v = this.form.getRawValue();
      return this.api.transfer(this.data.current(), { departmentId: v.departmentId, note: v.note.trim() });
    });
  }
}
