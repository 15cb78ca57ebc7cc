import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Request,
  type Response,
} from 'playwright-core';

/** The flags of the browser tests (e2e/web/playwright.config.ts): Debian's chromium, headless, nothing in the background. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const KINDS = ['script', 'stylesheet', 'font', 'document', 'api', 'other'] as const;
export type Kind = (typeof KINDS)[number];

/** Bytes as they crossed the network: headers plus the (compressed) body, per kind of resource. */
export interface WireBytes {
  total: number;
  requests: number;
  byKind: Record<Kind, { bytes: number; requests: number }>;
  /** Body bytes of scripts after decoding: what the browser parses. */
  scriptDecoded: number;
  /** Responses that were compressible text but came without Content-Encoding. */
  uncompressed: string[];
}

export interface PageLoad {
  /** Everything the page fetched until it was interactive. */
  wire: WireBytes;
  /** What it fetched after that, in the following seconds (prefetches for later: the snackbar's code). */
  later: WireBytes;
  /** Milliseconds from navigation start until the page's content was there, and until the main thread was idle after it. */
  shownMs: number;
  idleMs: number;
}

export interface Cookie {
  name: string;
  value: string;
}

/** The little of the DOM the checks use (this code is compiled without the DOM's types). */
export interface PageGlobals {
  document: {
    querySelector(selector: string): { textContent: string | null } | null;
    querySelectorAll(selector: string): { length: number; item(index: number): { textContent: string | null } };
    body: { innerText: string };
  };
  location: { pathname: string };
  performance: { now(): number };
  requestIdleCallback(callback: () => void, options: { timeout: number }): void;
}

/**
 * How a page tells it is ready: a function run in the page (passed through the DevTools protocol, so the
 * app's Content-Security-Policy, which forbids eval, does not stop it) on every animation frame.
 */
export interface ReadyCheck<A = unknown> {
  /** The moment (`performance.now()`) the page is ready, or false while it is not. */
  test: (arg: A) => number | false;
  arg: A;
}

export class WebProbe {
  private constructor(private readonly browser: Browser) {}

  static async launch(executablePath: string): Promise<WebProbe> {
    return new WebProbe(await chromium.launch({ executablePath, args: CHROMIUM_FLAGS }));
  }

  /** A browser profile of its own: empty cache, the given cookies. */
  async context(baseUrl: string, cookies: Cookie[] = []): Promise<BrowserContext> {
    const context = await this.browser.newContext({ locale: 'pl-PL', viewport: { width: 1280, height: 800 } });
    if (cookies.length) await context.addCookies(cookies.map((c) => ({ ...c, url: baseUrl })));
    return context;
  }

  /** Loads `url` in `page`, waits until `ready` holds and the network has been quiet for 500 ms, and counts the bytes. */
  async load<A>(page: Page, url: string, ready: ReadyCheck<A>): Promise<PageLoad> {
    const responses: Response[] = [];
    const onResponse = (response: Response) => responses.push(response);
    page.on('response', onResponse);
    let inFlight = 0;
    let lastChange = Date.now();
    // A stream that stays open (the notifications' event stream) never finishes: it is not waited for.
    const track = (delta: number) => (request: Request) => {
      if (STREAMS.has(request.resourceType())) return;
      inFlight += delta;
      lastChange = Date.now();
    };
    const started = track(1);
    const ended = track(-1);
    page.on('request', started);
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);
    try {
      await page.goto(url, { waitUntil: 'commit' });
      const shown = await page.waitForFunction(ready.test as (arg: unknown) => number | false, ready.arg as unknown, {
        polling: 'raf',
        timeout: 30_000,
      });
      const shownMs = Number(await shown.jsonValue());
      const idleMs = await page.evaluate(
        () =>
          new Promise<number>((done) => {
            const page = globalThis as unknown as PageGlobals;
            page.requestIdleCallback(() => done(page.performance.now()), { timeout: 5000 });
          }),
      );
      const giveUp = Date.now() + QUIET_TIMEOUT_MS;
      while ((inFlight > 0 || Date.now() - lastChange < 500) && Date.now() < giveUp)
        await new Promise((done) => setTimeout(done, 100));
      // Prefetches scheduled for after the first page (see Notifier) are counted apart.
      const settleUntil = Date.now() + LATER_MS;
      while (Date.now() < settleUntil || (inFlight > 0 && Date.now() < settleUntil + QUIET_TIMEOUT_MS))
        await new Promise((done) => setTimeout(done, 100));
      const interactiveAt =
        (await page.evaluate(
          () => (globalThis as unknown as { performance: { timeOrigin: number } }).performance.timeOrigin,
        )) + idleMs;
      const early = responses.filter((r) => r.request().timing().startTime <= interactiveAt);
      const late = responses.filter((r) => r.request().timing().startTime > interactiveAt);
      return { wire: await wireBytes(early), later: await wireBytes(late), shownMs, idleMs };
    } finally {
      page.off('response', onResponse);
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
    }
  }

  /** Clicks `target` and answers the milliseconds until `ready` holds. */
  async clickUntil<A>(page: Page, target: Locator, ready: ReadyCheck<A>): Promise<number> {
    await target.waitFor();
    const before = await page.evaluate(() => (globalThis as unknown as PageGlobals).performance.now());
    await target.click();
    const after = await page.waitForFunction(ready.test as (arg: unknown) => number | false, ready.arg as unknown, {
      polling: 'raf',
      timeout: 30_000,
    });
    return Number(await after.jsonValue()) - before;
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

const COMPRESSIBLE = /(javascript|css|html|json|svg|text\/)/;
/** How long a page is watched after it was interactive, for what it fetches for later. */
const LATER_MS = 4000;
/** A request still open after this long is not waited for any more. */
const QUIET_TIMEOUT_MS = 10_000;
const STREAMS = new Set(['eventsource', 'websocket']);

async function wireBytes(responses: Response[]): Promise<WireBytes> {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, { bytes: 0, requests: 0 }])) as WireBytes['byKind'];
  let scriptDecoded = 0;
  const uncompressed: string[] = [];
  for (const response of responses) {
    const request = response.request();
    // An open stream has no final size (its few bytes of events are not part of a page load).
    if (STREAMS.has(request.resourceType())) continue;
    const sizes = await request.sizes().catch(() => null);
    if (!sizes) continue;
    const bytes = sizes.responseHeadersSize + sizes.responseBodySize;
    const type = request.resourceType();
    const path = new URL(response.url()).pathname;
    const kind: Kind = path.startsWith('/api/')
      ? 'api'
      : type === 'script' || type === 'stylesheet' || type === 'font' || type === 'document'
        ? type
        : 'other';
    byKind[kind].bytes += bytes;
    byKind[kind].requests += 1;
    const headers = await response.allHeaders();
    if (kind === 'script') scriptDecoded += (await response.body().catch(() => Buffer.alloc(0))).length;
    if (
      response.status() === 200 &&
      COMPRESSIBLE.test(headers['content-type'] ?? '') &&
      !headers['content-encoding'] &&
      sizes.responseBodySize > 1024
    )
      uncompressed.push(path);
  }
  const total = KINDS.reduce((sum, k) => sum + byKind[k].bytes, 0);
  const requests = KINDS.reduce((sum, k) => sum + byKind[k].requests, 0);
  return { total, requests, byKind, scriptDecoded, uncompressed };
}
