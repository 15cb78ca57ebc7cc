import { CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { DomainError } from './domain-error';

/**
 * Optimistic concurrency over HTTP: every versioned resource answers with `ETag: "<version>"`, and every
 * change must send it back in `If-Match`. Missing → 428; stale → 412 (checked by a conditional UPDATE).
 */
export const IfMatchVersion = createParamDecorator((_data: unknown, ctx: ExecutionContext): number => {
  const header = ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
  if (!header) {
    throw new DomainError(
      'PRECONDITION_REQUIRED',
      'Brak nagłówka If-Match z wersją rekordu: odśwież dane i spróbuj ponownie.',
    );
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match)
    throw new DomainError('PRECONDITION_REQUIRED', 'Nagłówek If-Match musi zawierać wersję rekordu, np. "3".');
  return Number(match[1]);
});

export const staleVersion = () =>
  new DomainError(
    'STALE_VERSION',
    'Ktoś inny zmienił ten rekord w międzyczasie. Odśwież dane — Twoje zmiany nie zostały zapisane, możesz je wprowadzić ponownie.',
  );

@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number')
          void context.switchToHttp().getResponse<FastifyReply>().header('ETag', `"${version}"`);
        return body;
      }),
    );
  }
}
