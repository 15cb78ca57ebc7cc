import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseResponse } from '@pu/contracts';
import { CASE_TEXT_LIMITS as L } from '@pu/workflow';
import { of } from 'rxjs';
import { toApiError } from '../http/api-error';
import { dialogSubmission } from '../shared/dialog-submission';
import { FormAlert } from '../shared/form-alert';
import { formDraft } from '../shared/form-draft';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { CaseActionErrors } from './case-action-errors';
import {
  type CaseEditField,
  type CaseEditValues,
  changedFields,
  editConflict,
  editValuesOf,
  updateRequest,
} from './case-edit-model';
import { CasesApi } from './cases-api';
import { ConflictPanel, type ConflictLine } from './conflict-panel';
import { notBlank } from './step-form-model';
import type { CaseDialogData } from './transfer-dialog';

const LABEL_KEYS: Record<CaseEditField, string> = {
  subject: 'cases.fields.subject',
  description: 'cases.fields.description',
  name: 'cases.client.name',
  address: 'cases.client.address',
  phone: 'cases.client.phone',
  email: 'cases.client.email',
  accommodation: 'cases.client.accommodation',
  isCouncillorOrMp: 'casework.edit.councillor',
};

/** Item 3 of the clerk's corrections: subject, description and the client's details, under If-Match. */
@Component({
  selector: 'pu-case-edit-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatCheckboxModule,
    MatButtonModule,
    TranslocoPipe,
    FormAlert,
    ConflictPanel,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
      gap: 0 16px;
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'casework.edit.title' | transloco: { reference: data.current().reference } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>{{ 'casework.edit.intro' | transloco }}</p>
        <pu-form-alert [message]="errors.message()" />
        @if (conflict(); as lines) {
          <pu-conflict-panel
            [heading]="'casework.conflict.caseHeading' | transloco"
            [lines]="lines"
            [busy]="submission.saving()"
            [note]="'casework.conflict.caseNote' | transloco"
            (applyMine)="submit()"
            (discardMine)="discardMine()"
          />
        }
        <div class="pu-form">
          <mat-form-field>
            <mat-label>{{ 'cases.fields.subject' | transloco }}</mat-label>
            <input matInput formControlName="subject" required autocomplete="off" [maxlength]="max.subject" />
            @if (form.controls.subject.errors; as e) {
              <mat-error>{{ e['server'] ?? ('common.required' | transloco) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'cases.fields.description' | transloco }}</mat-label>
            <textarea matInput formControlName="description" rows="3" [maxlength]="max.description"></textarea>
            @if (form.controls.description.errors?.['server']; as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <div class="pair">
            <mat-form-field>
              <mat-label>{{ 'cases.client.name' | transloco }}</mat-label>
              <input matInput formControlName="name" autocomplete="off" [maxlength]="max.name" />
              @if (form.controls.name.errors?.['server']; as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'cases.client.phone' | transloco }}</mat-label>
              <input matInput type="tel" formControlName="phone" autocomplete="off" [maxlength]="max.phone" />
              @if (form.controls.phone.errors?.['server']; as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
          </div>
          <mat-form-field>
            <mat-label>{{ 'cases.client.address' | transloco }}</mat-label>
            <input matInput formControlName="address" autocomplete="off" [maxlength]="max.address" />
            @if (form.controls.address.errors?.['server']; as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'cases.client.email' | transloco }}</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="off" [maxlength]="max.email" />
            @if (form.controls.email.errors; as e) {
              <mat-error>{{ e['server'] ?? ('casework.edit.emailInvalid' | transloco) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'cases.client.accommodation' | transloco }}</mat-label>
            <input matInput formControlName="accommodation" autocomplete="off" [maxlength]="max.accommodation" />
            <mat-hint>{{ 'cases.client.accommodationHint' | transloco }}</mat-hint>
            @if (form.controls.accommodation.errors?.['server']; as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <mat-checkbox formControlName="isCouncillorOrMp">{{
            'cases.client.isCouncillorOrMp' | transloco
          }}</mat-checkbox>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="submission.saving()">
          {{ (submission.saving() ? 'common.saving' : 'casework.edit.submit') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class CaseEditDialog {
  protected readonly data = inject<CaseDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(CasesApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<CaseEditDialog, CaseResponse | null>>(MatDialogRef);

  protected readonly max = {
    subject: L.subject,
    description: L.description,
    name: L.clientName,
    address: L.clientAddress,
    phone: L.clientPhone,
    email: L.clientEmail,
    accommodation: L.clientAccommodation,
  };
  /** What this clerk started from: their changes are the fields that differ from it. */
  private base: CaseEditValues = editValuesOf(this.data.current());
  protected readonly conflict = signal<ConflictLine[] | null>(null);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    subject: [this.base.subject, [Validators.required, notBlank, Validators.maxLength(L.subject)]],
    description: [this.base.description, Validators.maxLength(L.description)],
    name: [this.base.name, Validators.maxLength(L.clientName)],
    address: [this.base.address, Validators.maxLength(L.clientAddress)],
    phone: [this.base.phone, Validators.maxLength(L.clientPhone)],
    email: [this.base.email, [Validators.email, Validators.maxLength(L.clientEmail)]],
    accommodation: [this.base.accommodation, Validators.maxLength(L.clientAccommodation)],
    isCouncillorOrMp: this.base.isCouncillorOrMp,
  });
  private readonly draft = formDraft(this.form, `case-edit-${this.data.current().id}`);
  protected readonly errors = new CaseActionErrors(this.transloco, this.form.controls, undefined);
  protected readonly submission = dialogSubmission<CaseResponse | null>(this.form, {
    message: this.errors.message,
    failed: (err) => this.failed(err),
  });

  constructor() {
    this.draft.restore();
    this.dialogRef.afterClosed().subscribe((result) => {
      if (result !== undefined) {
        this.draft.clear();
      }
    });
  }

  protected submit(): void {
    this.submission.submit(() => {
      const fields = changedFields(this.base, this.form.getRawValue());
      if (fields.length === 0) {
        return of(null);
      }
      return this.api.update(this.data.current(), updateRequest(this.form.getRawValue(), fields));
    });
  }

  /** Keep the version now saved: the form takes its values and the dialog closes. */
  protected discardMine(): void {
    this.dialogRef.close(null);
  }

  private failed(err: unknown): void {
    if (toApiError(err).code !== 'STALE_VERSION') {
      this.errors.handle(err, undefined, {
        'client.name': 'name',
        'client.address': 'address',
        'client.phone': 'phone',
        'client.email': 'email',
        'client.accommodation': 'accommodation',
      });
      return;
    }
    // Someone saved the case meanwhile: read it again, and show their changes beside this clerk's.
    this.data.refresh().subscribe({
      next: () => this.showConflict(),
      error: () => this.errors.message.set(this.transloco.translate('errors.serverUnavailable')),
    });
  }

  private showConflict(): void {
    const theirs = editValuesOf(this.data.current());
    const mine = this.form.getRawValue();
    const shown = (v: unknown) =>
      typeof v === 'boolean' ? this.transloco.translate(v ? 'cases.yes' : 'cases.no') : typeof v === 'string' ? v : '';
    this.conflict.set(
      editConflict(this.base, theirs, mine).map((row) => ({
        label: this.transloco.translate(LABEL_KEYS[row.field]),
        theirs: shown(row.theirs),
        mine: shown(row.mine),
        clash: row.clash,
      })),
    );
    this.errors.message.set(null);
  }
}
