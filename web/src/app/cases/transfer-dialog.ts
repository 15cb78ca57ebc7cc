import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseResponse, DepartmentResponse, StaffMember } from '@pu/contracts';
import { Observable } from 'rxjs';
import { CASE_TEXT_LIMITS } from '@pu/workflow';
import { dialogSubmission } from '../shared/dialog-submission';
import { FormAlert } from '../shared/form-alert';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { CaseActionErrors } from './case-action-errors';
import { CasesApi } from './cases-api';
import { notBlank } from './step-form-model';
import { WorkloadApi } from '../workload/workload-api';

export interface CaseDialogData {
  /** The case as last read (its version goes into If-Match). */
  current: () => CaseResponse;
  /** Reload the case after someone else changed it (412). */
  refresh: () => Observable<unknown>;
}

const NOTE_MAX = CASE_TEXT_LIMITS.transferNote;

/**
 * Standard 17: hand the case, with a note of what it is about, to a person (of any department: the case goes
 * with them) or to a department, where it waits for someone to take it over.
 */
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
            <mat-label>{{ 'workload.transfer.person' | transloco }}</mat-label>
            <mat-select formControlName="assigneeId">
              <mat-option value="">{{ 'workload.transfer.nobody' | transloco }}</mat-option>
              @for (s of people(); track s.id) {
                <mat-option [value]="s.id">{{ s.displayName }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'workload.transfer.personHint' | transloco }}</mat-hint>
            @if (form.controls.assigneeId.errors?.['server']; as e) {
              <mat-error>{{ e }}</mat-error>
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
  private readonly workload = inject(WorkloadApi);

  protected readonly noteMax = NOTE_MAX;
  protected readonly departments = signal<DepartmentResponse[]>([]);
  /** People of the chosen department, but not whoever has the case now. */
  protected readonly people = signal<StaffMember[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    departmentId: [this.data.current().department.id, Validators.required],
    assigneeId: [''],
    note: ['', [Validators.required, notBlank, Validators.maxLength(NOTE_MAX)]],
  });
  protected readonly errors = new CaseActionErrors(inject(TranslocoService), this.form.controls);
  protected readonly submission = dialogSubmission<CaseResponse>(this.form, {
    message: this.errors.message,
    failed: (err) => this.errors.handle(err, this.data.refresh),
  });

  constructor() {
    this.api
      .departments()
      .subscribe((list) =>
        this.departments.set(list.filter((d) => d.active).sort((a, b) => a.symbol.localeCompare(b.symbol, 'pl'))),
      );
    this.loadPeople(this.form.controls.departmentId.value);
    this.form.controls.departmentId.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => {
      this.form.controls.assigneeId.setValue('');
      this.loadPeople(id);
    });
  }

  private loadPeople(departmentId: string): void {
    const current = this.data.current().assignee?.id;
    this.workload.staff(departmentId).subscribe({
      next: (list) => this.people.set(list.filter((p) => p.id !== current)),
      error: () => this.people.set([]),
    });
  }

  protected submit(): void {
    this.submission.submit(() => {
      const v = this.form.getRawValue();
      return this.api.transfer(this.data.current(), {
        departmentId: v.departmentId,
        assigneeId: v.assigneeId || null,
        note: v.note.trim(),
      });
    });
  }
}
