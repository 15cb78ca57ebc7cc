import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, SessionUser } from '../auth/session-user';

/** The signed-in user plus the request id, as recorded in the audit log. */
export interface Actor {
  userId: string;
  name: string;
  requestId: string | null;
  user: SessionUser;
}

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('CurrentActor used on an endpoint without an authenticated session');
  return {
    userId: request.user.id,
    name: request.user.displayName,
    requestId: request.id,
    user: request.user,
  };
});
