import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { UserResponse } from '@pu/contracts';
import { specificErrorMessage, toApiError } from '../http/api-error';
import { applyServerFieldErrors, focusFirstInvalid } from '../shared/server-errors';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
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
    MatIconModule,
    TranslocoPipe,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'admin.users.resetTitle' | transloco: { username: data.user.username } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>{{ 'admin.users.resetBody' | transloco }}</p>
        <div role="alert">
          @if (formError(); as message) {
            <p class="pu-notice error">
              <mat-icon>error</mat-icon><span class="pu-notice-text">{{ message }}</span>
            </p>
          }
        </div>
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
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ (saving() ? 'common.saving' : 'admin.users.resetPassword') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ResetPasswordDialog {
  protected readonly data = inject<ResetPasswordDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(AdminApi);
  private readonly dialogRef = inject<MatDialogRef<ResetPasswordDialog, boolean>>(MatDialogRef);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly maxLength = PASSWORD_MAX_LENGTH;
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', passwordValidators],
    passwordRepeat: ['', [Validators.required, matchesPassword]],
  });

  constructor() {
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.passwordRepeat.updateValueAndValidity({ emitEvent: false }));
  }

  protected submit(): void {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.saving.set(true);
    this.api.setPassword(this.data.user.id, { password: this.form.controls.password.value }).subscribe({
      next: () => this.dialogRef.close(true),
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiError(err);
        if (e.statusCode === 422) {
          const rest = applyServerFieldErrors(this.form, e);
          this.formError.set(rest.length ? rest.join(' ') : specificErrorMessage(this.transloco, e));
          focusFirstInvalid(this.host.nativeElement);
        }
      },
    });
  }
}
