/** What a user receives by e-mail: every notification as it happens (and the morning digest), the digest only, or nothing. */
export const EMAIL_MODES = ['all', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/** The languages a user can choose for e-mails (the SPA remembers its own choice in the browser as well). */
export const USER_LANGUAGES = ['pl', 'en'] as const;
export type UserLanguage = (typeof USER_LANGUAGES)[number];

/** The signed-in user's own settings; the address itself is the administrator's to change. */
export interface AccountSettingsResponse {
  email: string | null;
  emailMode: EmailMode;
  language: UserLanguage;
  /** Whether this office sends e-mail at all (SMTP configured). */
  emailEnabled: boolean;
  version: number;
}

export interface UpdateAccountSettingsRequest {
  emailMode?: EmailMode;
  language?: UserLanguage;
}
