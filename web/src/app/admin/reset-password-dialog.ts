import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { UserResponse } from '@pu/contracts';
import { map } from 'rxjs';
import { toApiError } from '../http/api-error';
import { dialogSubmission } from '../shared/dialog-submission';
import { FormAlert } from '../shared/form-alert';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { serverFieldErrorsMessage } from '../shared/server-errors';
import { AdminApi } from './admin-api';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, matchesPassword, passwordValidators } from './password-rules';

export interface ResetPasswordDialogData {
  user: UserResponse;
}

/** Set a new password for a user (passwords are never kept as drafts). Closes with `true` when done. */
@Component({
  selector: 'pu-reset-password-dialog',
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
    <h2 mat-dialog-title>{{ 'admin.users.resetTitle' | transloco: { username: data.user.username } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>{{ 'admin.users.resetBody' | transloco }}</p>
        <pu-form-alert [message]="formError()" />
        <div class="pu-form">
          <mat-form-field>
            <mat-label>{{ 'admin.users.newPassword' | transloco }}</mat-label>
            <input matInput type="password" formControlName="password" autocomplete="new-password" required />
            <mat-hint>{{ 'admin.users.passwordHint' | transloco: { min: minLength } }}</mat-hint>
            @if (form.controls.password.errors; as errors) {
              <mat-error>
                @if (errors['required']) {
                  {{ 'common.required' | transloco }}
                } @else if (errors['minlength']) {
                  {{ 'common.minLength' | transloco: { min: minLength } }}
                } @else if (errors['maxlength']) {
                  {{ 'common.maxLength' | transloco: { max: maxLength } }}
                } @else if (errors['server']) {
                  {{ errors['server'] }}
                }
              </mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'admin.users.passwordRepeat' | transloco }}</mat-label>
            <input matInput type="password" formControlName="passwordRepeat" autocomplete="new-password" required />
            @if (form.controls.passwordRepeat.errors; as errors) {
              <mat-error>
                @if (errors['required']) {
                  {{ 'common.required' | transloco }}
                } @else if (errors['mismatch']) {
                  {{ 'admin.users.passwordMismatch' | transloco }}
                }
              </mat-error>
            }
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="submission.saving()">
          {{ (submission.saving() ? 'common.saving' : 'admin.users.resetPassword') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ResetPasswordDialog {
  protected readonly data = inject<ResetPasswordDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(AdminApi);
  private readonly transloco = inject(TranslocoService);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly maxLength = PASSWORD_MAX_LENGTH;
  protected readonly formError = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', passwordValidators],
    passwordRepeat: ['', [Validators.required, matchesPassword]],
  });
  protected readonly submission = dialogSubmission<boolean>(this.form, {
    message: this.formError,
    failed: (err) => {
      const e = toApiError(err);
      if (e.statusCode === 422) {
        this.formError.set(serverFieldErrorsMessage(this.transloco, this.form, e));
      }
    },
  });

  constructor() {
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.passwordRepeat.updateValueAndValidity({ emitEvent: false }));
  }

  protected submit(): void {
    this.submission.submit(() =>
      this.api.setPassword(this.data.user.id, { password: this.form.controls.password.value }).pipe(map(() => true)),
    );
  }
}
