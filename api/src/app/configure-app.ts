import fastifyCookie from '@fastify/cookie';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@pu/contracts';
import { DATE_YEARS } from '@pu/workflow';
import type { Logger } from 'pino';
import { csrfCookiePlugin, CsrfTokens } from './auth/csrf';
import type { AppConfig } from './config/app-config';
import { answerFrameworkError } from './common/router-errors';
import { exceededJsonLimit, JSON_LIMITS, jsonTooComplex } from './common/json-limits';
import { etagFromVersion } from './common/versioning';
import { answerInRequestLanguage } from './i18n/request-language';
import { createAppLogger } from './logging/app-logger';
import { PinoNestLogger } from './logging/nest-logger';
import { logRequests } from './logging/request-log';
import { requestIdOf } from './logging/request-id';
import { clientTimeoutOptions } from './security/client-timeouts';
import { securityHeadersPlugin } from './security/security-headers';
import { serveSpa } from './spa/serve-spa';

/**
 * Fastify rather than Express: on the case list it halves the HTTP layer's cost per request (routing, cookies,
 * JSON), which on a small server is most of what the API itself spends (docs/performance.md).
 */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.bodyLimit,
    trustProxy: trustProxySetting(config.trustProxy),
    genReqId: requestIdOf,
    frameworkErrors: answerFrameworkError,
    // Requests are logged by one hook (logging/request-log.ts); Fastify's per-request child loggers stay off.
    logger: false,
    // No Nest middleware is used: without the middleware layer a request skips a hook chain of its own.
    skipMiddie: true,
    ...clientTimeoutOptions(config.timeouts),
  });
}

/** TRUST_PROXY: a number of proxy hops in front of the app, `true`, or addresses/subnets (e.g. `loopback, 10.0.0.0/8`). */
function trustProxySetting(value: string | null): boolean | string | ((address: string, hop: number) => boolean) {
  if (value === null) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value === 'true' ? true : value;
}

/** Everything main.ts and the e2e tests both need, so tests exercise the real HTTP pipeline. */
export async function configureApp(
  app: NestFastifyApplication,
  config: AppConfig,
  logger: Logger = createAppLogger(config.logLevel),
): Promise<void> {
  app.useLogger(new PinoNestLogger(logger));
  const fastify = app.getHttpAdapter().getInstance();
  logRequests(fastify, logger);
  // Fastify's JSON parser (with its prototype-poisoning checks), except that an empty body counts as `{}`: a
  // request that sends nothing then gets the validation answer naming each required field, not "malformed JSON".
  // A body nested or keyed past JSON_LIMITS is refused before it is parsed, on every route (sign-in included).
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit: config.bodyLimit }, (request, body, done) => {
    if (body.length === 0) return done(null, {});
    const text = body.toString('utf8');
    const exceeded = exceededJsonLimit(text);
    if (exceeded) return done(jsonTooComplex(exceeded), undefined);
    // Typed as possibly async; Fastify's default parser answers through `done`.
    void parseJson(request, text, done);
  });
  // Registered in order: the CSRF cookie reads the cookies parsed by the plugin before it.
  await app.register(securityHeadersPlugin, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Angular and Material insert component styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    hsts: config.session.secureCookies,
  });
  // The client sees the id its request is logged under, to quote when something goes wrong.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
  answerInRequestLanguage(fastify);
  fastify.addHook('preSerialization', etagFromVersion);
  await app.register(fastifyCookie);
  await app.register(csrfCookiePlugin, { tokens: app.get<CsrfTokens>(CsrfTokens) });
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Przyjazny Urząd API')
      .setDescription(
        `Cases for standards 19–22. Sign in with POST /api/auth/login (cookie ${SESSION_COOKIE}); every POST/PATCH must echo the ${CSRF_COOKIE} cookie in the ${CSRF_HEADER} header.\n\n` +
          `Dates: an instant (format date-time) is RFC 3339 with seconds and an offset, \`2026-11-30T09:00:00+01:00\` or \`2026-11-30T08:00:00.000Z\` (upper-case T and Z, at most 9 fraction digits, offset Z or ±HH:MM); a calendar day (format date) is \`YYYY-MM-DD\`. Other ISO 8601 forms (week or ordinal dates, \`T10Z\`, \`10:00:00,5\`, \`+01\`, \`+0100\`) and years outside ${DATE_YEARS.min}–${DATE_YEARS.max} are refused with 422 naming the field. ` +
          `JSON bodies may nest at most ${JSON_LIMITS.depth} levels and hold at most ${JSON_LIMITS.keys} keys (400 MALFORMED_JSON). A list cursor is opaque and valid only with the sort it was issued for (422 INVALID_CURSOR).`,
      )
      .setVersion('1')
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
  await serveSpa(app, config.webDist);
}
