import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { AppProcess, ensureBuilt, ROOT } from './app-process';
import { databaseUrl, prepareDatabase, SEED_VERSION, withClient, writeMarker } from './database';
import { signIn } from './http-session';
import { BENCH_PASSWORD, seedDatabase } from './seed';
import { createCaseFixture, type CaseFixture } from './web-fixture';
import { type LighthouseResult, runLighthouse } from './web-lighthouse';
import { type Cookie, KINDS, type PageGlobals, type PageLoad, type ReadyCheck, WebProbe } from './web-measure';
import { parseWebOptions, type WebBenchOptions } from './web-options';

/** Issue 12, item 8: JavaScript on the wire, the case page's time to interactive, Lighthouse's three scores. */
const TARGETS = { signInScriptBytes: 150_000, clerkStartScriptBytes: 200_000, casePageMs: 1000, lighthouse: 95 };
const WEB_INDEX = join(ROOT, 'dist/web/browser/index.html');

/** Readiness checks, run in the page: the page's own content is on screen, not only the frame. */
const READY = {
  signIn: {
    test: () => {
      const { document, performance } = globalThis as unknown as PageGlobals;
      const ready = document.querySelector('input[formcontrolname="username"]') && document.querySelector('main h1');
      return ready ? performance.now() : false;
    },
    arg: null,
  },
  /** The signed-in home (the first page of the role's menu), with its heading and the network settled after it. */
  start: {
    test: () => {
      const { document, location, performance } = globalThis as unknown as PageGlobals;
      return location.pathname !== '/' && document.querySelector('main h1') ? performance.now() : false;
    },
    arg: null,
  },
  /** The case as it opens (steps tab), with its promise count in the tab's label: the promises and history are loaded. */
  casePage: (f: CaseFixture): ReadyCheck<{ reference: string; promises: string }> => ({
    test: ({ reference, promises }) => {
      const { document, performance } = globalThis as unknown as PageGlobals;
      const tabs = document.querySelectorAll('[role="tab"]');
      const ready =
        document.body.innerText.includes(reference) &&
        Array.from({ length: tabs.length }, (_, i) => tabs.item(i).textContent ?? '').some((t) => t.includes(promises));
      return ready ? performance.now() : false;
    },
    arg: { reference: f.reference, promises: `(${f.promises})` },
  }),
  /** The history tab lists every change of the fixture. */
  history: (f: CaseFixture): ReadyCheck<number> => ({
    test: (entries) => {
      const { document, performance } = globalThis as unknown as PageGlobals;
      return document.querySelectorAll('ol.timeline > li').length >= entries ? performance.now() : false;
    },
    arg: f.historyEntries,
  }),
};

interface Results {
  machine: Record<string, string | number>;
  fixture: CaseFixture;
  signIn: PageLoad;
  clerkStart: PageLoad;
  casePageCold: PageLoad[];
  casePageWarm: PageLoad[];
  /** Milliseconds from a click on the history tab until its entries are listed (after a cold load). */
  historyTabMs: number[];
  lighthouse: LighthouseResult[];
}

async function main(): Promise<number> {
  const opts = parseWebOptions(process.argv.slice(2), process.env);
  if (!opts) return 0;
  if (!existsSync(opts.chromium)) throw new Error(`Chromium not found at ${opts.chromium}: apt-get install chromium`);
  const benchUrl = databaseUrl(opts.serverUrl, opts.database);
  const { seedNeeded } = await prepareDatabase(opts.serverUrl, opts.database, opts);
  ensureBuilt(opts.build);
  ensureWebBuilt(opts.build);

  let app: AppProcess | null = null;
  let stopped: Promise<void> | null = null;
  const stopApp = (graceMs?: number) => (stopped ??= app ? app.stop(graceMs) : Promise.resolve());
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${signal}: stopping the app`);
      void stopApp(5000).finally(() => process.exit(130));
    });
  }
  try {
    await assertPortFree(opts.port);
    console.log(`Starting the built app on port ${opts.port} (database ${opts.database})`);
    app = AppProcess.spawn({ databaseUrl: benchUrl, port: opts.port, poolSize: 4 });
    // The first start after new migrations builds their indexes over the million cases.
    await app.waitReady(900_000);
    if (seedNeeded) await seed(opts, benchUrl);
    return await benchmark(app.baseUrl, opts);
  } finally {
    await stopApp();
  }
}

async function seed(opts: WebBenchOptions, benchUrl: string): Promise<void> {
  console.log(`Seeding ${opts.cases.toLocaleString('en-US')} cases (once; npm run bench:api uses the same data)`);
  const started = Date.now();
  await withClient(benchUrl, (db) => seedDatabase(db, opts));
  await withClient(opts.serverUrl, (admin) =>
    writeMarker(admin, opts.database, {
      version: SEED_VERSION,
      state: 'ready',
      cases: opts.cases,
      promises: opts.promises,
      seededAt: new Date().toISOString(),
      seconds: Math.round((Date.now() - started) / 1000),
    }),
  );
}

async function benchmark(baseUrl: string, opts: WebBenchOptions): Promise<number> {
  const clerk = `urzednik.${opts.department.toLowerCase()}.1`;
  const session = await signIn(baseUrl, clerk, BENCH_PASSWORD);
  const cookies: Cookie[] = session.cookie.split('; ').map((pair) => {
    const eq = pair.indexOf('=');
    return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)) };
  });
  const fixture = await createCaseFixture(baseUrl, session);
  const cases = await withClient(databaseUrl(opts.serverUrl, opts.database), async (db) =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM cases`)).rows[0].n),
  );
  console.log(
    `Signed in as ${clerk}; case ${fixture.reference} has ${fixture.historyEntries} history entries and ` +
      `${fixture.promises} promises; the database holds ${cases.toLocaleString('en-US')} cases.`,
  );

  const probe = await WebProbe.launch(opts.chromium);
  const results: Results = {
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      chromium: opts.chromium,
      cases,
    },
    fixture,
    signIn: undefined as unknown as PageLoad,
    clerkStart: undefined as unknown as PageLoad,
    casePageCold: [],
    casePageWarm: [],
    historyTabMs: [],
    lighthouse: [],
  };
  try {
    // Each first load in a profile of its own: nothing cached, as on a counter's first morning.
    const fresh = async <A>(url: string, ready: ReadyCheck<A>, withCookies: Cookie[]) => {
      const context = await probe.context(baseUrl, withCookies);
      try {
        return await probe.load(await context.newPage(), url, ready);
      } finally {
        await context.close();
      }
    };
    results.signIn = await fresh(`${baseUrl}/logowanie`, READY.signIn, []);
    results.clerkStart = await fresh(`${baseUrl}/`, READY.start, cookies);
    const caseUrl = `${baseUrl}/sprawy/${fixture.id}`;
    for (let run = 0; run < opts.runs; run++) {
      const context = await probe.context(baseUrl, cookies);
      try {
        const page = await context.newPage();
        results.casePageCold.push(await probe.load(page, caseUrl, READY.casePage(fixture)));
        results.historyTabMs.push(await probe.clickUntil(page, page.getByRole('tab').nth(2), READY.history(fixture)));
        // The same profile again: the app's files come from the cache (index.html revalidated), the data anew.
        results.casePageWarm.push(await probe.load(page, caseUrl, READY.casePage(fixture)));
      } finally {
        await context.close();
      }
    }
  } finally {
    await probe.close();
  }

  if (opts.lighthouse) {
    const pages = [
      { page: 'sign-in', url: `${baseUrl}/logowanie`, cookies: [] },
      { page: 'case list', url: `${baseUrl}/sprawy`, cookies },
      { page: 'case page', url: `${baseUrl}/sprawy/${fixture.id}`, cookies },
    ];
    for (const formFactor of opts.formFactors)
      for (const p of pages) {
        console.log(`Lighthouse (${formFactor}): ${p.page}`);
        results.lighthouse.push(await runLighthouse({ ...p, formFactor, chromium: opts.chromium }));
      }
  }

  print(results, opts);
  if (opts.json) {
    writeFileSync(opts.json, JSON.stringify(results, null, 2));
    console.log(`\nResults written to ${opts.json}`);
  }
  return 0;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

function print(r: Results, opts: WebBenchOptions): void {
  console.log(
    `\nMachine: ${r.machine['cores']} cores (${r.machine['cpu']}), ${r.machine['memoryGb']} GB; Node ${r.machine['node']}; ` +
      `${r.machine['chromium']}; ${Number(r.machine['cases']).toLocaleString('en-US')} cases`,
  );
  console.log(
    '\nBytes on the wire until the page was interactive (headers + compressed bodies; kB = 1,000 bytes), empty cache:\n',
  );
  const head = ['page', 'total', 'requests', ...KINDS, 'script decoded', 'scripts fetched later'];
  const rows: string[][] = [];
  const row = (name: string, load: PageLoad) =>
    rows.push([
      name,
      kb(load.wire.total),
      String(load.wire.requests),
      ...KINDS.map((k) => `${kb(load.wire.byKind[k].bytes)} (${load.wire.byKind[k].requests})`),
      kb(load.wire.scriptDecoded),
      `${kb(load.later.byKind.script.bytes)} (${load.later.byKind.script.requests})`,
    ]);
  row('sign-in', r.signIn);
  row("clerk's start (/ → home)", r.clerkStart);
  row('case page, cold', r.casePageCold[0]);
  row('case page, warm', r.casePageWarm[0]);
  table(head, rows);
  console.log(
    '  scripts fetched later: within 4 s after the page was interactive (the snackbar, preloaded for later).',
  );
  const uncompressed = [...new Set([r.signIn, r.clerkStart, ...r.casePageCold].flatMap((l) => l.wire.uncompressed))];
  if (uncompressed.length) console.log(`\nSent without compression: ${uncompressed.join(', ')}`);

  console.log(
    `\nCase page of ${r.fixture.reference} (${r.fixture.historyEntries} history entries, ${r.fixture.promises} promises), ${opts.runs} runs:\n`,
  );
  const timing = (name: string, loads: PageLoad[]) => [
    name,
    ms(median(loads.map((l) => l.shownMs))),
    ms(Math.max(...loads.map((l) => l.shownMs))),
    ms(median(loads.map((l) => l.idleMs))),
    ms(Math.max(...loads.map((l) => l.idleMs))),
    loads.map((l) => Math.round(l.idleMs)).join(' '),
  ];
  table(
    ['cache', 'shown, median', 'shown, max', 'interactive, median', 'interactive, max', 'every run (interactive)'],
    [timing('empty (first visit)', r.casePageCold), timing('warm (app cached)', r.casePageWarm)],
  );
  console.log("  shown: the case's reference and the promise count of its tab are on screen (steps tab open);");
  console.log('  interactive: the first idle moment of the main thread after that (requestIdleCallback).');
  console.log(
    `  history tab (cold runs): ${r.fixture.historyEntries} entries listed ${ms(median(r.historyTabMs))} after the click ` +
      `(median; every run ${r.historyTabMs.map(Math.round).join(' ')} ms)`,
  );

  if (r.lighthouse.length) {
    console.log('\nLighthouse 12 (simulated throttling of its preset; scores 0–100):\n');
    table(
      [
        'page',
        'preset',
        'performance',
        'accessibility',
        'best practices',
        'FCP',
        'LCP',
        'TBT',
        'CLS',
        'SI',
        'TTI',
        'bytes',
      ],
      r.lighthouse.map((l) => [
        l.page,
        l.formFactor,
        String(l.scores.performance),
        String(l.scores.accessibility),
        String(l.scores['best-practices']),
        ms(l.metrics['first-contentful-paint']),
        ms(l.metrics['largest-contentful-paint']),
        ms(l.metrics['total-blocking-time']),
        l.metrics['cumulative-layout-shift'].toFixed(3),
        ms(l.metrics['speed-index']),
        ms(l.metrics['interactive']),
        kb(l.totalBytes),
      ]),
    );
    for (const l of r.lighthouse)
      if (l.misses.length) console.log(`  ${l.page} (${l.formFactor}) lost points on: ${l.misses.join('; ')}`);
  }

  console.log('\nTargets:');
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const signInJs = r.signIn.wire.byKind.script.bytes;
  const startJs = r.clerkStart.wire.byKind.script.bytes;
  const caseMs = median(r.casePageCold.map((l) => l.idleMs));
  console.log(
    `  ${verdict(signInJs <= TARGETS.signInScriptBytes)}  sign-in page's JavaScript ${kb(signInJs)} ≤ 150 kB`,
  );
  console.log(
    `  ${verdict(startJs <= TARGETS.clerkStartScriptBytes)}  clerk's start JavaScript ${kb(startJs)} ≤ 200 kB`,
  );
  console.log(
    `  ${verdict(caseMs <= TARGETS.casePageMs)}  case page interactive in ${ms(caseMs)} (median, empty cache) ≤ 1 s`,
  );
  for (const l of r.lighthouse) {
    const low = Math.min(l.scores.performance, l.scores.accessibility, l.scores['best-practices']);
    console.log(
      `  ${verdict(low >= TARGETS.lighthouse)}  Lighthouse ${l.formFactor} ${l.page}: ${l.scores.performance} / ${l.scores.accessibility} / ${l.scores['best-practices']} ≥ 95`,
    );
  }
}

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(head));
  console.log(`| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
}

/** Builds API and SPA (the web build includes its precompression) when the SPA is missing or older than its sources. */
function ensureWebBuilt(mode: WebBenchOptions['build']): void {
  if (mode === 'never') {
    if (!existsSync(WEB_INDEX))
      throw new Error(`${WEB_INDEX} is missing; build with "npm run build" or drop --no-build`);
    return;
  }
  const builtAt = existsSync(WEB_INDEX) && existsSync(`${WEB_INDEX}.br`) ? statSync(WEB_INDEX).mtimeMs : 0;
  const newest = newestMtime(['web/src', 'libs/contracts/src', 'libs/workflow/src', 'web/project.json']);
  if (mode === 'auto' && builtAt > 0 && newest <= builtAt) return;
  console.log('Building the web app: npx nx run-many -t build -p api web');
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=stream'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout);
    throw new Error('npx nx run-many -t build -p api web failed');
  }
}

/** Another app on the port would answer the readiness probe, and the run would measure (and write to) that one. */
async function assertPortFree(port: number): Promise<void> {
  const inUse = await new Promise<boolean>((done) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
  if (inUse) throw new Error(`Port ${port} is in use by another process: choose another with --port`);
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else if (!path.endsWith('.spec.ts')) newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of paths) if (existsSync(join(ROOT, p))) visit(join(ROOT, p));
  return newest;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
