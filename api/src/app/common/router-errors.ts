import { messageIn } from '@pu/workflow';
import { requestLanguage } from '../i18n/request-language';
import type { ApiError } from '@pu/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Fastify's `frameworkErrors`: a path that is not valid percent-encoding, or a path parameter past Fastify's
 * length limit, is refused by the router before any route (and so before the exception filter) runs. Its own
 * answer (`{ code: 'FST_ERR_BAD_URL' }`) is not the API's error shape.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const language = requestLanguage(request);
  const body: ApiError = tooLong
    ? { statusCode: 414, code: 'NOT_FOUND', message: messageIn(language, 'http.urlTooLong') }
    : { statusCode: 400, code: 'VALIDATION_FAILED', message: messageIn(language, 'http.malformedUrl') };
  void reply.code(body.statusCode).send(body);
}
