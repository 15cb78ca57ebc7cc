import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { AppProcess, ensureBuilt, sleep } from './app-process';
import { databaseUrl, prepareDatabase, SEED_VERSION, withClient, writeMarker } from './database';
import { type HttpSession, signIn } from './http-session';
import { percentiles } from './load';
import { BENCH_PASSWORD, managerUsername, seedDatabase } from './seed';

// `npm run bench:reports`: the quality report's JSON (cold and warm), its PDF and XLSX, the complaints register
// of the whole dataset as XLSX and CSV, and the published statistics, on the 1,000,000-case database of
// bench:api. Prints the time of each and the API's resident memory (peak, and growth over the run) from
// /proc/<pid>/status, sampled every 50 ms while the download runs.

const TARGETS = { warmP95Ms: 500, coldMs: 2000, pdfMs: 3000, registerRssGrowthMb: 100 };

const HELP = `Usage: npm run bench:reports -- [options]

Uses (and seeds, if needed) the benchmark database of bench:api, starts the built API on it and measures the
quality report and every export. Environment: DATABASE_URL (required), BENCH_DATABASE.

  --database=NAME   benchmark database                               (pu_bench)
  --port=N          port of the API under test                       (3901)
  --pool=N          DB_POOL_SIZE of the API                          (2 × CPU cores)
  --year=YYYY       the report's year                                (last full year)
  --warm=N          warm requests of the report JSON                 (10)
  --pdf=N           PDF downloads                                    (3)
  --registers-only  only the complaints register and the statistics (no report computation)
  --no-build        do not rebuild the API when its sources are newer
`;

interface Options {
  serverUrl: string;
  database: string;
  port: number;
  pool: number;
  year: number;
  warm: number;
  pdf: number;
  build: 'auto' | 'never';
  registersOnly: boolean;
}

function options(): Options | null {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      database: { type: 'string' },
      port: { type: 'string' },
      pool: { type: 'string' },
      year: { type: 'string' },
      warm: { type: 'string' },
      pdf: { type: 'string' },
      'no-build': { type: 'boolean' },
      'registers-only': { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return null;
  }
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) throw new Error('DATABASE_URL must name the PostgreSQL server (any database on it)');
  return {
    serverUrl,
    database: values.database ?? process.env['BENCH_DATABASE'] ?? 'pu_bench',
    port: Number(values.port ?? 3901),
    pool: Number(values.pool ?? 2 * availableParallelism()),
    year: Number(values.year ?? new Date().getUTCFullYear() - 1),
    warm: Number(values.warm ?? 10),
    pdf: Number(values.pdf ?? 3),
    build: values['no-build'] ? 'never' : 'auto',
    registersOnly: values['registers-only'] ?? false,
  };
}

const CASES = 1_000_000;
const PROMISES = 200_000;

/** The API's resident set now and its peak so far (VmHWM), in bytes. */
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

interface Download {
  ms: number;
  bytes: number;
  status: number;
  rows: string | null;
  rssBeforeMb: number;
  rssPeakMb: number;
  growthMb: number;
}

/** One GET read to the end as fast as this process can, with the API's memory sampled meanwhile. */
async function download(url: string, session: HttpSession, pid: number): Promise<Download> {
  const before = memory(pid).rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memory(pid).rss);
  }, 50);
  const started = performance.now();
  try {
    const res = await fetch(url, { headers: { cookie: session.cookie } });
    let bytes = 0;
    if (res.body) for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
    const ms = performance.now() - started;
    peak = Math.max(peak, memory(pid).rss);
    if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
    const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
    return {
      ms,
      bytes,
      status: res.status,
      rows: res.headers.get('x-export-rows'),
      rssBeforeMb: mb(before),
      rssPeakMb: mb(peak),
      growthMb: mb(peak - before),
    };
  } finally {
    clearInterval(sampler);
  }
}

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtBytes = (b: number) =>
  b > 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${(b / 1024).toFixed(0)} kB`;

async function main(): Promise<number> {
  const opts = options();
  if (!opts) return 0;
  const benchUrl = databaseUrl(opts.serverUrl, opts.database);
  const { seedNeeded } = await prepareDatabase(opts.serverUrl, opts.database, {
    cases: CASES,
    promises: PROMISES,
    reseed: false,
  });
  ensureBuilt(opts.build);
  const start = () => AppProcess.spawn({ databaseUrl: benchUrl, port: opts.port, poolSize: opts.pool });
  let app = start();
  const stop = async () => app.stop();
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void stop().finally(() => process.exit(130)));
  try {
    await app.waitReady(180_000);
    if (seedNeeded) {
      console.log(`Seeding ${CASES.toLocaleString('en-US')} cases (as bench:api does)`);
      const started = Date.now();
      await withClient(benchUrl, (db) => seedDatabase(db, { cases: CASES, promises: PROMISES, batch: 100_000 }));
      await withClient(opts.serverUrl, (admin) =>
        writeMarker(admin, opts.database, {
          version: SEED_VERSION,
          state: 'ready',
          cases: CASES,
          promises: PROMISES,
          seededAt: new Date().toISOString(),
          seconds: Math.round((Date.now() - started) / 1000),
        }),
      );
      // The report's cold figure is the first request after a start: restart after seeding.
      await app.stop();
      app = start();
      await app.waitReady(60_000);
    }
    const pid = app.pid;
    if (!pid) throw new Error('The API has no pid');
    const span = await withClient(benchUrl, async (db) => {
      const r = await db.query<{ from: string; to: string; complaints: string }>(
        `SELECT to_char(min(received_at) AT TIME ZONE 'Europe/Warsaw', 'YYYY-MM-DD') AS from,
                to_char(max(received_at) AT TIME ZONE 'Europe/Warsaw', 'YYYY-MM-DD') AS to,
                count(*) FILTER (WHERE kind = 'complaint') AS complaints FROM cases`,
      );
      return r.rows[0];
    });
    const base = app.baseUrl;
    const quality = await signIn(base, 'jakosc', BENCH_PASSWORD);
    const manager = await signIn(base, managerUsername('SO'), BENCH_PASSWORD);
    console.log(
      `API pid ${pid}, DB_POOL_SIZE=${opts.pool}; dataset ${span.from} – ${span.to}, ` +
        `${Number(span.complaints).toLocaleString('en-US')} complaints; report year ${opts.year}`,
    );
    const startRss = memory(pid).rss;
    const lines: string[][] = [];
    const row = (what: string, d: Download, note = '') => {
      const line = [what, fmtMs(d.ms), fmtBytes(d.bytes), d.rows ?? '', `${d.rssPeakMb}`, `${d.growthMb}`, note];
      lines.push(line);
      // Each figure as soon as it is measured: a later failure does not lose the earlier ones.
      console.log(`  ${line.filter(Boolean).join(' · ')}`);
    };

    let w = percentiles([]);
    let pp = percentiles([]);
    let cold: Download | null = null;
    if (!opts.registersOnly) {
      const reportUrl = `${base}/api/reports/quality?year=${opts.year}`;
      cold = await download(reportUrl, quality, pid);
      row('report JSON, office, cold (first after start)', cold);
      const warm: number[] = [];
      let warmLast = cold;
      for (let i = 0; i < opts.warm; i++) {
        warmLast = await download(reportUrl, quality, pid);
        warm.push(warmLast.ms);
      }
      w = percentiles(warm);
      row(
        `report JSON, office, warm ×${opts.warm}`,
        { ...warmLast, ms: w.p95 },
        `p50 ${fmtMs(w.p50)}, p95 ${fmtMs(w.p95)}`,
      );
      const managerWarm: number[] = [];
      let managerLast = cold;
      for (let i = 0; i < Math.max(3, Math.floor(opts.warm / 2)); i++) {
        managerLast = await download(`${reportUrl}`, manager, pid);
        managerWarm.push(managerLast.ms);
      }
      const mw = percentiles(managerWarm);
      row(
        'report JSON, SO manager, warm',
        { ...managerLast, ms: mw.p95 },
        `p50 ${fmtMs(mw.p50)}, p95 ${fmtMs(mw.p95)}`,
      );

      const pdfTimes: number[] = [];
      let pdfLast = cold;
      for (let i = 0; i < opts.pdf; i++) {
        pdfLast = await download(`${base}/api/exports/annual-report.pdf?year=${opts.year}`, quality, pid);
        pdfTimes.push(pdfLast.ms);
      }
      pp = percentiles(pdfTimes);
      row(`annual report PDF ×${opts.pdf}`, { ...pdfLast, ms: pp.max }, `p50 ${fmtMs(pp.p50)}, max ${fmtMs(pp.max)}`);
      row(
        'annual report XLSX',
        await download(`${base}/api/exports/annual-report.xlsx?year=${opts.year}`, quality, pid),
      );
    }

    const all = `from=${span.from}&to=${span.to}`;
    await sleep(2000);
    const regXlsx = await download(`${base}/api/exports/complaints-register.xlsx?${all}`, quality, pid);
    row('complaints register XLSX, every complaint', regXlsx);
    await sleep(2000);
    const regCsv = await download(`${base}/api/exports/complaints-register.csv?${all}`, quality, pid);
    row('complaints register CSV, every complaint', regCsv);
    row(
      'complaints register XLSX, SO, one year',
      await download(`${base}/api/exports/complaints-register.xlsx?year=${opts.year}`, manager, pid),
    );
    row(
      'statistics CSV, office, one year',
      await download(`${base}/api/exports/public-statistics.csv?year=${opts.year}`, quality, pid),
    );
    row(
      'statistics JSON, office, one year',
      await download(`${base}/api/exports/public-statistics.json?year=${opts.year}`, quality, pid),
    );
    const end = memory(pid);

    const header = ['Request', 'Time', 'Size', 'Rows', 'API RSS peak MB', 'RSS growth MB', ''];
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    const fmtLine = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    console.log(`\n${fmtLine(header)}\n| ${widths.map((n) => '-'.repeat(n)).join(' | ')} |`);
    for (const l of lines) console.log(fmtLine(l));
    console.log(
      `\nAPI RSS: ${(startRss / 1048576).toFixed(0)} MB after sign-in, ${(end.rss / 1048576).toFixed(0)} MB at the end, ` +
        `peak over the whole run (VmHWM) ${(end.hwm / 1048576).toFixed(0)} MB`,
    );
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    if (cold) {
      console.log(
        `\nreport JSON warm p95 ≤ ${TARGETS.warmP95Ms} ms: ${fmtMs(w.p95)} — ${verdict(w.p95 <= TARGETS.warmP95Ms)}`,
      );
      console.log(`report JSON cold ≤ ${TARGETS.coldMs} ms: ${fmtMs(cold.ms)} — ${verdict(cold.ms <= TARGETS.coldMs)}`);
      console.log(`PDF ≤ ${TARGETS.pdfMs} ms: max ${fmtMs(pp.max)} — ${verdict(pp.max <= TARGETS.pdfMs)}`);
    }
    for (const [name, d] of [
      ['register XLSX', regXlsx],
      ['register CSV', regCsv],
    ] as const) {
      console.log(
        `${name}: RSS growth < ${TARGETS.registerRssGrowthMb} MB: ${d.growthMb} MB in ${fmtMs(d.ms)} — ${verdict(d.growthMb < TARGETS.registerRssGrowthMb)}`,
      );
    }
    return 0;
  } finally {
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
