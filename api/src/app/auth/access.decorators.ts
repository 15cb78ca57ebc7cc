import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import type { Role } from '@pu/contracts';
import type { AuthenticatedRequest, SessionUser } from './session-user';

export const ACCESS_KEY = 'pu:access';
export type AccessRule = { public: true } | { roles: readonly Role[] };

/** Deny by default: an endpoint without @Public() or @Roles() answers 403 to everyone. */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ACCESS_KEY, { roles } satisfies AccessRule), ApiCookieAuth('pu_session'));

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): SessionUser => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on an endpoint without an authenticated session');
  return user;
});
