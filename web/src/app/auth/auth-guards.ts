import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import type { Role } from '@pu/contracts';
import { Language } from '../i18n/language';
import { homePathFor } from '../shell/navigation';
import { LOGIN_PATH, RETURN_PARAM } from './return-url';
import { Session } from './session';

// Guards inject everything before the first `await`: the injection context ends there.

/** Signed-in users only; others go to the sign-in page, which brings them back here afterwards. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  const [me] = await Promise.all([session.ensureLoaded(), inject(Language).includeSignedInTexts()]);
  if (!me) {
    return router.createUrlTree([LOGIN_PATH], { queryParams: { [RETURN_PARAM]: state.url } });
  }
  session.revalidate();
  return true;
};

/** The sign-in page is for signed-out users; a signed-in one goes to their start page. */
export const signedOutGuard: CanActivateFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  const me = await session.ensureLoaded();
  return me ? router.parseUrl(homePathFor(me.role)) : true;
};

/** Sections by role: a role without access sees the "no access" page, never a blank one. */
export function roleGuard(roles: readonly Role[]): CanMatchFn {
  return async () => {
    const session = inject(Session);
    const router = inject(Router);
    const me = await session.ensureLoaded();
    if (!me) {
      return true; // the shell's signed-in guard sends to sign-in with the return URL
    }
    return roles.includes(me.role) ? true : router.parseUrl('/brak-dostepu');
  };
}

/** "/" leads to the first page of the user's menu. */
export const homeRedirectGuard: CanActivateFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  const me = await session.ensureLoaded();
  return router.parseUrl(me ? homePathFor(me.role) : LOGIN_PATH);
};
