import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Serves the built Angular app from the API process: hashed assets cached for a year, index.html never
 * cached, and every non-API GET answered with index.html so deep links work.
 */
export function serveSpa(app: INestApplication, webDist: string): void {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) {
    new Logger('Spa').warn(`No built web app at ${webDist}: only the API is served (run "npm run build").`);
    return;
  }
  const isApi = (req: express.Request) => req.path === '/api' || req.path.startsWith('/api/');
  const assets = express.static(webDist, {
    index: false,
    setHeaders: (res, path) => {
      res.setHeader(
        'Cache-Control',
        /[-.][0-9A-Za-z]{8,}\.(js|css|woff2?)$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // API requests never look on disk: a file lookup per request would cost every API call a system call.
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (isApi(req)) next();
    else assets(req, res, next);
  });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
