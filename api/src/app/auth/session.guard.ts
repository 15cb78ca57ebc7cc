import { message } from '@pu/workflow';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SESSION_COOKIE } from '@pu/contracts';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../common/domain-error';
import { ACCESS_KEY, AccessRule } from './access.decorators';
import { CsrfTokens } from './csrf';
import { SessionsService } from './sessions.service';
import type { AuthenticatedRequest } from './session-user';

/**
 * The one gate every request passes: CSRF for state changes, then the session, then the role the
 * endpoint declares. An endpoint that declares nothing is closed to everyone.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly csrf: CsrfTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new DomainError('FORBIDDEN', message('http.operationUnavailable'));
    this.csrf.assertValid(request, context.switchToHttp().getResponse<FastifyReply>());
    if ('public' in rule) return true;
    const token = request.cookies[SESSION_COOKIE];
    const user = token ? await this.sessions.resolve(token) : null;
    if (!user) throw new DomainError('UNAUTHENTICATED', message('http.unauthenticated'));
    request.user = user;
    if (!rule.roles.includes(user.role)) throw new DomainError('FORBIDDEN', message('http.forbidden'));
    return true;
  }
}
