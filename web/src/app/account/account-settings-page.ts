import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  EMAIL_MODES,
  USER_LANGUAGES,
  type AccountSettingsResponse,
  type EmailMode,
  type UserLanguage,
} from '@pu/contracts';
import { errorMessage, toApiError } from '../http/api-error';
import { Language } from '../i18n/language';
import { FormAlert } from '../shared/form-alert';
import { Notifier } from '../shared/notifier';
import { AccountApi } from './account-api';

/**
 * `/ustawienia`: how the signed-in user wants e-mail (each notification, the morning digest only, none) and in
 * which language. The address is shown but is the administrator's to change.
 */
@Component({
  selector: 'pu-account-settings-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatIconModule, MatRadioModule, TranslocoPipe, FormAlert],
  templateUrl: './account-settings-page.html',
  styleUrl: './account-settings-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountSettingsPage {
  private readonly api = inject(AccountApi);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(Language);

  protected readonly modes = EMAIL_MODES;
  protected readonly languages = USER_LANGUAGES;
  protected readonly settings = signal<AccountSettingsResponse | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    emailMode: this.fb.control<EmailMode>('all'),
    language: this.fb.control<UserLanguage>('pl'),
  });

  constructor() {
    this.load();
  }

  protected load(keepValues = false): void {
    this.loadFailed.set(false);
    this.api.settings().subscribe({
      next: (settings) => {
        this.settings.set(settings);
        if (!keepValues) this.form.reset({ emailMode: settings.emailMode, language: settings.language });
      },
      error: () => this.loadFailed.set(true),
    });
  }

  protected submit(): void {
    const current = this.settings();
    if (!current || this.saving()) return;
    this.saving.set(true);
    this.formError.set(null);
    const values = this.form.getRawValue();
    this.api.updateSettings(current.version, values).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.settings.set(saved);
        this.form.reset({ emailMode: saved.emailMode, language: saved.language });
        // The language chosen for e-mail is the interface's too from now on.
        // The confirmation is worded once the page speaks the chosen language.
        const switched =
          saved.language !== this.language.lang() ? this.language.use(saved.language) : Promise.resolve();
        void switched.then(() => this.notifier.success(this.transloco.translate('account.saved')));
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const e = toApiError(error);
        if (e.code === 'STALE_VERSION') {
          // Someone (the administrator) changed the account meanwhile: read it again, keep this choice.
          this.formError.set(this.transloco.translate('account.stale'));
          this.load(true);
        } else {
          this.formError.set(errorMessage(this.transloco, e));
        }
      },
    });
  }
}
