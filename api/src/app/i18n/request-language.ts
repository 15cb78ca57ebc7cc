import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { languageOf, textIn, type Language, type LocalizedText } from '@pu/workflow';
import { API_PREFIX } from '@pu/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language this request is answered in, resolved once from `Accept-Language` (requestLanguage). */
    language?: Language;
  }
}

/** The language a request is answered in: the SPA sends its own in `Accept-Language`; Polish by default. */
export function requestLanguage(request: Pick<FastifyRequest, 'headers' | 'language'>): Language {
  return (request.language ??= languageOf(request.headers['accept-language']));
}

/** A message (both languages, or a plain text such as a name) as the request's reader reads it. */
export function localize(text: string | LocalizedText, request: Pick<FastifyRequest, 'headers' | 'language'>): string {
  return textIn(text, requestLanguage(request));
}

/** `@RequestLanguage() language: Language` in a controller, for answers that put text together. */
export const RequestLanguage = createParamDecorator((_data: unknown, ctx: ExecutionContext): Language =>
  requestLanguage(ctx.switchToHttp().getRequest<FastifyRequest>()),
);

/**
 * Every answer says its language, and caches keep one copy per language (`Vary`), since the same URL is answered
 * in Polish or English by the request's `Accept-Language`.
 */
export function answerInRequestLanguage(fastify: FastifyInstance): void {
  const api = `/${API_PREFIX}/`;
  fastify.addHook('onRequest', (request, reply, done) => {
    // Only the API's answers: the SPA's files are the same in every language.
    if (!request.url.startsWith(api)) return done();
    void reply.header('Content-Language', requestLanguage(request));
    void reply.header('Vary', 'Accept-Language');
    done();
  });
}
