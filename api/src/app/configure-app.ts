import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@pu/contracts';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { issueCsrfCookie } from './auth/csrf';
import type { AppConfig } from './config/app-config';
import { serveSpa } from './spa/serve-spa';

/** Everything main.ts and the e2e tests both need, so tests exercise the real HTTP pipeline. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // Express's content-hash ETag would clash with ours, which carries the record version for If-Match.
  app.set('etag', false);
  if (config.trustProxy)
    app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  app.use(
    helmet({
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
    }),
  );
  app.use(cookieParser());
  app.use(issueCsrfCookie(config.session.secureCookies));
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Przyjazny Urząd API')
      .setDescription(
        `Cases for standards 19–22. Sign in with POST /api/auth/login (cookie ${SESSION_COOKIE}); every POST/PATCH must echo the ${CSRF_COOKIE} cookie in the ${CSRF_HEADER} header.`,
      )
      .setVersion('1')
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
  serveSpa(app, config.webDist);
}
