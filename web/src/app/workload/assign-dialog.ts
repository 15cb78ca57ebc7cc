import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseResponse, StaffMember } from '@pu/contracts';
import { CASE_TEXT_LIMITS } from '@pu/workflow';
import { CaseActionErrors } from '../cases/case-action-errors';
import type { CaseDialogData } from '../cases/transfer-dialog';
import { dialogSubmission } from '../shared/dialog-submission';
import { FormAlert } from '../shared/form-alert';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { WorkloadApi } from './workload-api';

const NOTE_MAX = CASE_TEXT_LIMITS.transferNote;
const NOBODY = '-';

/** The manager gives the case to someone of its department (or back to the department), with an optional note. */
@Component({
  selector: 'pu-assign-dialog',
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
    <h2 mat-dialog-title>{{ 'workload.assign.title' | transloco: { reference: data.current().reference } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>{{ 'workload.assign.intro' | transloco }}</p>
        <pu-form-alert [message]="errors.message()" />
        <div class="pu-form">
          <mat-form-field>
            <mat-label>{{ 'workload.assign.person' | transloco }}</mat-label>
            <mat-select formControlName="assigneeId" required>
              @if (data.current().assignee) {
                <mat-option [value]="nobody">{{ 'workload.assign.nobody' | transloco }}</mat-option>
              }
              @for (s of people(); track s.id) {
                <mat-option [value]="s.id">{{ s.displayName }}</mat-option>
              }
            </mat-select>
            @if (form.controls.assigneeId.errors; as e) {
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
            <mat-label>{{ 'workload.assign.note' | transloco }}</mat-label>
            <textarea matInput formControlName="note" rows="3"></textarea>
            <mat-hint>{{ 'cases.transfer.noteHint' | transloco }}</mat-hint>
            @if (form.controls.note.errors?.['maxlength']) {
              <mat-error>{{ 'common.maxLength' | transloco: { max: noteMax } }}</mat-error>
            }
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="submission.saving()">
          {{ (submission.saving() ? 'common.saving' : 'workload.assign.submit') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class AssignDialog {
  protected readonly data = inject<CaseDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(WorkloadApi);

  protected readonly noteMax = NOTE_MAX;
  protected readonly nobody = NOBODY;
  protected readonly people = signal<StaffMember[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    assigneeId: ['', Validators.required],
    note: ['', Validators.maxLength(NOTE_MAX)],
  });
  protected readonly errors = new CaseActionErrors(inject(TranslocoService), this.form.controls);
  protected readonly submission = dialogSubmission<CaseResponse>(this.form, {
    message: this.errors.message,
    failed: (err) => this.errors.handle(err, this.data.refresh),
  });

  constructor() {
    const c = this.data.current();
    this.api.staff(c.department.id).subscribe({
      next: (list) => this.people.set(list.filter((p) => p.id !== c.assignee?.id)),
      error: () => this.people.set([]),
    });
  }

  protected submit(): void {
    this.submission.submit(() => {
      const v = this.form.getRawValue();
      const note = v.note.trim();
      return this.api.assign(this.data.current(), {
        assigneeId: v.assigneeId === NOBODY ? null : v.assigneeId,
        ...(note ? { note } : {}),
      });
    });
  }
}
