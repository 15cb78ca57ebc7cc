import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Angular names its files `<name>-<8-character hash>.<ext>`: esbuild's hashes are [A-Z0-9], its chunk optimizer's base64url. */
const HASHED_ASSET = /-[0-9A-Za-z_-]{8}\.(js|css|woff2?)$/;
/** Files a browser may open as a document, which need the document headers (CSP above all). */
const DOCUMENT = /\.(html|svg)$/;
/**
 * Headers that only a document heeds. A script, stylesheet or font ignores them, and the first load fetches
 * a few dozen of those: about 600 bytes each. nosniff, Cross-Origin-Resource-Policy, Referrer-Policy (which
 * a stylesheet's font requests follow) and HSTS stay on every response.
 */
const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];
/** The brotli and gzip twins written at build time (tools/build/precompress.mjs); never addressed by URL. */
const PRECOMPRESSED_TWIN = /\.(br|gz)$/;

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

/** Every file of the build, as URL paths: the build does not change while the app runs. */
function builtFiles(webDist: string): Set<string> {
  return new Set(
    readdirSync(webDist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !PRECOMPRESSED_TWIN.test(entry.name))
      .map((entry) => relative(webDist, join(entry.parentPath, entry.name)).split(sep).join('/')),
  );
}

/**
 * Serves the built Angular app from the API process: hashed assets cached for a year, index.html never
 * cached, and every other non-API GET answered with index.html so deep links work. Only files of the build
 * are ever read, so no request path reaches the file system.
 *
 * Text files are compressed once, at build time: `preCompressed` sends `<file>.br` or `<file>.gz` when the
 * browser accepts that encoding (with `Vary: Accept-Encoding`), and the file itself when there is no twin.
 */
export async function serveSpa(app: NestFastifyApplication, webDist: string): Promise<void> {
  if (!existsSync(join(webDist, 'index.html'))) {
    new Logger('Spa').warn(`No built web app at ${webDist}: only the API is served (run "npm run build").`);
    return;
  }
  const files = builtFiles(webDist);
  await app.register(fastifyStatic, {
    root: webDist,
    serve: false,
    index: false,
    cacheControl: false,
    preCompressed: true,
  });
  // API routes are more specific than this wildcard, so it sees only paths no API route matched.
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      if (path === 'api' || path.startsWith('api/')) return reply.callNotFound();
      const file = files.has(path) ? path : 'index.html';
      if (!DOCUMENT.test(file)) for (const header of DOCUMENT_ONLY_HEADERS) void reply.removeHeader(header);
      if (!HASHED_ASSET.test(file)) {
        void reply.header('Cache-Control', REVALIDATE_CACHE);
        return reply.sendFile(file);
      }
      // A hashed name never changes content: nothing to revalidate (no ETag, no Last-Modified) or resume.
      void reply.header('Cache-Control', IMMUTABLE_CACHE);
      return reply.sendFile(file, { etag: false, lastModified: false, acceptRanges: false });
    });
}
