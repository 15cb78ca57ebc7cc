import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatToolbarModule } from '@angular/material/toolbar';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { map } from 'rxjs';
import { errorMessage, toApiError } from '../http/api-error';
import { Language } from '../i18n/language';
import { LanguageSwitch } from '../i18n/language-switch';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { homePathFor } from '../shell/navigation';
import { EXPIRED_PARAM, EXPIRED_VALUE, RETURN_PARAM, safeReturnUrl } from './return-url';
import { Session } from './session';

@Component({
  selector: 'pu-login-page',
  imports: [
    ReactiveFormsModule,
    MatToolbarModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
    LanguageSwitch,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(Language);
  private readonly usernameInput = viewChild.required<ElementRef<HTMLInputElement>>('usernameInput');
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required]],
    password: ['', [Validators.required]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly passwordVisible = signal(false);
  protected readonly sessionExpired = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(map((params) => params.get(EXPIRED_PARAM) === EXPIRED_VALUE)),
    { initialValue: false },
  );
  private readonly returnUrl = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(map((params) => safeReturnUrl(params.get(RETURN_PARAM)))),
    { initialValue: null },
  );

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      (this.form.controls.username.invalid ? this.usernameInput() : this.passwordInput()).nativeElement.focus();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    // The signed-in pages' texts load while the credentials are checked, not after.
    this.language.includeSignedInTexts().catch(() => undefined); // the guard of the signed-in pages tries again
    this.session.signIn(this.form.getRawValue()).subscribe({
      next: (me) => {
        this.submitting.set(false);
        void this.router.navigateByUrl(this.returnUrl() ?? homePathFor(me.role), { replaceUrl: true });
      },
      error: (err: unknown) => {
        this.submitting.set(false);
        this.error.set(this.describe(err));
        this.form.controls.password.reset();
        this.passwordInput().nativeElement.focus();
      },
    });
  }

  private describe(err: unknown): string {
    const e = toApiError(err);
    switch (e.code) {
      case 'INVALID_CREDENTIALS':
        return this.transloco.translate('login.invalidCredentials');
      case 'ACCOUNT_DISABLED':
        return this.transloco.translate('login.accountDisabled');
      case 'TOO_MANY_ATTEMPTS': {
        const retryAfter = err instanceof HttpErrorResponse ? Number(err.headers.get('Retry-After')) : NaN;
        return Number.isFinite(retryAfter) && retryAfter > 0
          ? this.transloco.translate('login.tooManyAttemptsRetry', { seconds: Math.ceil(retryAfter) })
          : this.transloco.translate('login.tooManyAttempts');
      }
      default:
        if (e.statusCode === 401) {
          return this.transloco.translate('login.invalidCredentials');
        }
        if (e.statusCode === 429) {
          return this.transloco.translate('login.tooManyAttempts');
        }
        return errorMessage(this.transloco, e);
    }
  }
}
