import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './support/test-app';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The SPA's static files as the API serves them: a build laid out like Angular's (hashed chunks and fonts,
 * index.html, an unhashed favicon), precompressed by the build's own step (tools/build/precompress.mjs).
 */
describe('Static assets of the web app', () => {
  const webDist = mkdtempSync(join(tmpdir(), 'pu-web-dist-'));
  // Large and repetitive enough to be compressed, as every real chunk is.
  const script = `export const greeting = ${JSON.stringify('Dzień dobry. '.repeat(400))};\n`;
  const index = `<!doctype html><html lang="pl"><head><title>Przyjazny Urząd</title></head><body><pu-root></pu-root>${'<!-- -->'.repeat(200)}<script src="main-ABCD1234.js" type="module"></script></body></html>`;
  const font = Buffer.from('wOF2 not really a font, but served as one');
  const favicon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';
  let t: TestApp;
  let origin: string;

  beforeAll(async () => {
    writeFileSync(join(webDist, 'index.html'), index);
    writeFileSync(join(webDist, 'main-ABCD1234.js'), script);
    // The chunk optimizer's hashes are base64url, '-' and '_' included.
    writeFileSync(join(webDist, 'chunk-1SV7PZp-.js'), script);
    writeFileSync(join(webDist, 'favicon.svg'), favicon);
    mkdirSync(join(webDist, 'media'));
    writeFileSync(join(webDist, 'media', 'roboto-latin-400-normal-LOX3CHMS.woff2'), font);
    execFileSync(process.execPath, [resolve(__dirname, '../../tools/build/precompress.mjs'), webDist]);
    t = await createTestApp({ WEB_DIST: webDist });
    // Over a real socket: what a browser receives, byte for byte (no client-side decompression).
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  interface RawResponse {
    statusCode: number;
    headers: IncomingHttpHeaders;
    rawPayload: Buffer;
    payload: string;
  }
  const send = (url: string, headers: Record<string, string>): Promise<RawResponse> =>
    new Promise((done, fail) => {
      const req = httpRequest(`${origin}${url}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () => {
          const rawPayload = Buffer.concat(chunks);
          done({ statusCode: res.statusCode ?? 0, headers: res.headers, rawPayload, payload: rawPayload.toString() });
        });
      });
      req.on('error', fail);
      req.end();
    });
  const get = (url: string, acceptEncoding?: string): Promise<RawResponse> =>
    send(url, acceptEncoding ? { 'accept-encoding': acceptEncoding } : {});

  it('sends the brotli twin of a hashed script to a browser that accepts it, cached for a year', async () => {
    const res = await get('/main-ABCD1234.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.rawPayload.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends the gzip twin when brotli is not accepted', async () => {
    const res = await get('/main-ABCD1234.js', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends the file itself to a client that accepts no encoding, still varying on Accept-Encoding', async () => {
    for (const acceptEncoding of [undefined, 'identity']) {
      const res = await get('/main-ABCD1234.js', acceptEncoding);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(res.payload).toBe(script);
    }
  });

  it('serves index.html compressed and never cached without revalidation, also for deep links', async () => {
    for (const url of ['/', '/index.html', '/sprawy/123e4567-e89b-42d3-a456-426614174000']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(res.rawPayload).toString()).toBe(index);
    }
  });

  it('serves a file the build left without a compressed twin as it is', async () => {
    const svg = await get('/favicon.svg', 'br, gzip');
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-encoding']).toBeUndefined();
    expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(svg.headers['cache-control']).toBe('no-cache');
    expect(svg.payload).toBe(favicon);

    const woff2 = await get('/media/roboto-latin-400-normal-LOX3CHMS.woff2', 'br, gzip');
    expect(woff2.statusCode).toBe(200);
    expect(woff2.headers['content-encoding']).toBeUndefined();
    expect(woff2.headers['cache-control']).toBe(IMMUTABLE);
    expect(woff2.rawPayload.equals(font)).toBe(true);
  });

  it('answers a revalidation of index.html with 304 Not Modified', async () => {
    const first = await get('/', 'br');
    const etag = first.headers['etag'];
    expect(etag).toBeTruthy();
    const again = await send('/', { 'accept-encoding': 'br', 'if-none-match': String(etag) });
    expect(again.statusCode).toBe(304);
  });

  it('does not expose the twins as files of their own, and leaves API paths to the API', async () => {
    const twin = await get('/main-ABCD1234.js.br', 'br');
    // An unknown path is a deep link: the app's index.html, not the brotli bytes.
    expect(twin.headers['content-type']).toMatch(/text\/html/);
    const api = await get('/api/no-such-endpoint', 'br');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/json/);
  });

  it('caches every hashed name for a year, whichever hash alphabet made it', async () => {
    const res = await get('/chunk-1SV7PZp-.js', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('sends the document headers with documents, and only the subresource ones with scripts and fonts', async () => {
    const page = await get('/', 'br');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-frame-options']).toBeDefined();
    const svg = await get('/favicon.svg');
    expect(svg.headers['content-security-policy']).toContain("default-src 'self'");
    for (const url of ['/main-ABCD1234.js', '/media/roboto-latin-400-normal-LOX3CHMS.woff2']) {
      const res = await get(url, 'br');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['referrer-policy']).toBeDefined();
      expect(res.headers['content-security-policy']).toBeUndefined();
      expect(res.headers['x-frame-options']).toBeUndefined();
      // Immutable: nothing to revalidate.
      expect(res.headers['etag']).toBeUndefined();
      expect(res.headers['last-modified']).toBeUndefined();
    }
  });

  it('was compressed by the build step, which skips files too small to gain', () => {
    const listing = readdirSync(webDist);
    expect(listing).toEqual(expect.arrayContaining(['main-ABCD1234.js.br', 'main-ABCD1234.js.gz', 'index.html.br']));
    expect(listing).not.toContain('favicon.svg.br');
    expect(listing).not.toContain('favicon.svg.gz');
  });
});
