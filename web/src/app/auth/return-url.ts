/** Query parameter of the sign-in page holding the page to return to. */
export const RETURN_PARAM = 'powrot';
/** Query parameter telling the sign-in page that the session expired. */
export const EXPIRED_PARAM = 'sesja';
export const EXPIRED_VALUE = 'wygasla';

export const LOGIN_PATH = '/logowanie';

/** Only same-app paths are accepted as a return target (no open redirect to another site). */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  if (value === LOGIN_PATH || value.startsWith(`${LOGIN_PATH}?`) || value.startsWith(`${LOGIN_PATH}/`)) {
    return null;
  }
  return value;
}
