import { message } from '@pu/workflow';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest, preSerializationHookHandler } from 'fastify';
import { DomainError } from './domain-error';

/**
 * Optimistic concurrency over HTTP: every versioned resource answers with `ETag: "<version>"`, and every
 * change must send it back in `If-Match`. Missing → 428; stale → 412 (checked by a conditional UPDATE).
 */
export const IfMatchVersion = createParamDecorator((_data: unknown, ctx: ExecutionContext): number => {
  const header = ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
  if (!header) {
    throw new DomainError('PRECONDITION_REQUIRED', message('http.ifMatchMissing'));
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new DomainError('PRECONDITION_REQUIRED', message('http.ifMatchFormat'));
  return Number(match[1]);
});

export const staleVersion = () => new DomainError('STALE_VERSION', message('http.staleVersion'));

/**
 * Sets `ETag: "<version>"` on every answer whose body carries a version. A Fastify hook on the object about to be
 * serialised rather than a Nest interceptor: an interceptor wraps every request in observables, a measurable
 * cost on the case list, which has no version of its own.
 */
export const etagFromVersion: preSerializationHookHandler<unknown> = (_request, reply, payload, done) => {
  const version = (payload as { version?: unknown } | null)?.version;
  if (typeof version === 'number') void reply.header('ETag', `"${version}"`);
  done(null, payload);
};
