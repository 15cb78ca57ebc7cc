import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const HASHED_ASSET = /[-.][0-9A-Za-z]{8,}\.(js|css|woff2?)$/;

/** Every file of the build, as URL paths: the build does not change while the app runs. */
function builtFiles(webDist: string): Set<string> {
  return new Set(
    readdirSync(webDist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(webDist, join(entry.parentPath, entry.name)).split(sep).join('/')),
  );
}

/**
 * Serves the built Angular app from the API process: hashed assets cached for a year, index.html never
 * cached, and every other non-API GET answered with index.html so deep links work. Only files of the build
 * are ever read, so no request path reaches the file system.
 */
export async function serveSpa(app: NestFastifyApplication, webDist: string): Promise<void> {
  if (!existsSync(join(webDist, 'index.html'))) {
    new Logger('Spa').warn(`No built web app at ${webDist}: only the API is served (run "npm run build").`);
    return;
  }
  const files = builtFiles(webDist);
  await app.register(fastifyStatic, { root: webDist, serve: false, index: false, cacheControl: false });
  // API routes are more specific than this wildcard, so it sees only paths no API route matched.
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      if (path === 'api' || path.startsWith('api/')) return reply.callNotFound();
      const file = files.has(path) ? path : 'index.html';
      void reply.header('Cache-Control', HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.sendFile(file);
    });
}
