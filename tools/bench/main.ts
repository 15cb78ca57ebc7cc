import type { CaseListItem, CasePage } from '@pu/contracts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { AppProcess, type CapturedStatement, ensureBuilt, ROOT } from './app-process';
import { databaseUrl, prepareDatabase, SEED_VERSION, withClient, writeMarker } from './database';
import { getJson, type HttpSession, signIn } from './http-session';
import { runHttp, runRawSql, type RunResult, type Statement } from './load';
import { type CpuShares, waitForQuiet, watchCpu } from './machine-load';
import { type BenchOptions, parseOptions, type Scenario } from './options';
import { summarizeProfile } from './profile';
import { setAuditChain } from './audit-chain-switch';
import { BENCH_PASSWORD, managerUsername, seedDatabase } from './seed';
import { runWorkloadScenarios, WORKLOAD_LIST_P95_MS } from './workload-scenarios';

const TARGETS = { listP95Ms: 50, deepToFirstP95: 2, listShareOfRaw: 0.5, createChainedShare: 0.9 };
const CREATE_CHAINED = 'create case (POST)';
const CREATE_UNCHAINED = 'create, no hash chain';
const SEARCH = 'list, search';
const RAW_SEARCH = 'raw SQL, search';
const PAGE = 25;

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2), process.env);
  if (!opts) return 0;
  const benchUrl = databaseUrl(opts.serverUrl, opts.database);
  const facts = await machineFacts(opts.serverUrl);
  printFacts(facts);

  const { seedNeeded } = await prepareDatabase(opts.serverUrl, opts.database, { ...opts });
  ensureBuilt(opts.build);

  let app: AppProcess | null = null;
  let stopped: Promise<void> | null = null;
  // One stop, however many callers (the end of the run, a failure, a signal) ask for it.
  const stopApp = (graceMs?: number) => (stopped ??= app ? app.stop(graceMs) : Promise.resolve());
  // Ctrl-C arrives twice (from the terminal and forwarded by bench-api.ts): stop the API once, then exit.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${signal}: stopping the API`);
      // autocannon's connections may still be busy, which would hold a graceful close up: give it 5 s.
      void stopApp(5000).finally(() => process.exit(130));
    });
  }

  try {
    console.log(
      `\nStarting the API on port ${opts.port} (database ${opts.database}, DB_POOL_SIZE=${opts.poolSize}); it migrates the schema`,
    );
    app = AppProcess.spawn({ databaseUrl: benchUrl, port: opts.port, poolSize: opts.poolSize });
    await app.waitReady(120_000);
    if (seedNeeded) {
      console.log(
        `\nSeeding ${opts.cases.toLocaleString('en-US')} cases and about ${opts.promises.toLocaleString('en-US')} promises`,
      );
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
    } else {
      console.log(
        `\nDatabase ${opts.database} is already seeded with ${opts.cases.toLocaleString('en-US')} cases (--reseed to seed again)`,
      );
    }
    const dataset = await describeDataset(benchUrl, opts.department);
    printDataset(dataset, opts.department);
    if (opts.seedOnly) return 0;
    return await benchmark(app, opts, benchUrl, dataset, facts);
  } finally {
    await stopApp();
  }
}

interface Dataset {
  cases: number;
  open: number;
  overdueOpen: number;
  promises: number;
  departmentId: string;
  departmentCases: number;
  departmentOverdue: number;
  casesSize: string;
  indexesSize: string;
}

async function describeDataset(url: string, symbol: string): Promise<Dataset> {
  return withClient(url, async (db) => {
    const dept = (await db.query<{ id: string }>(`SELECT id FROM departments WHERE symbol = $1`, [symbol])).rows[0];
    if (!dept) throw new Error(`No department ${symbol} in the benchmark database`);
    const row = (
      await db.query<Record<string, string>>(
        `SELECT (SELECT count(*) FROM cases) AS cases,
                (SELECT count(*) FROM cases WHERE status = 'open') AS open,
                (SELECT count(*) FROM cases WHERE status = 'open' AND due_at < now()) AS overdue_open,
                (SELECT count(*) FROM promises) AS promises,
                (SELECT count(*) FROM cases WHERE department_id = $1) AS department_cases,
                (SELECT count(*) FROM cases WHERE department_id = $1 AND status = 'open' AND due_at < now()) AS department_overdue,
                pg_size_pretty(pg_table_size('cases')) AS cases_size,
                pg_size_pretty(pg_indexes_size('cases')) AS indexes_size`,
        [dept.id],
      )
    ).rows[0];
    return {
      cases: Number(row['cases']),
      open: Number(row['open']),
      overdueOpen: Number(row['overdue_open']),
      promises: Number(row['promises']),
      departmentId: dept.id,
      departmentCases: Number(row['department_cases']),
      departmentOverdue: Number(row['department_overdue']),
      casesSize: row['cases_size'],
      indexesSize: row['indexes_size'],
    };
  });
}

function printDataset(d: Dataset, symbol: string): void {
  const n = (x: number) => x.toLocaleString('en-US');
  const pct = (x: number) => `${((100 * x) / d.cases).toFixed(1)} %`;
  console.log(
    `Dataset: ${n(d.cases)} cases (${pct(d.open)} open, ${n(d.overdueOpen)} overdue), ${n(d.promises)} promises; ` +
      `cases table ${d.casesSize} + indexes ${d.indexesSize}`,
  );
  console.log(
    `Department ${symbol}: ${n(d.departmentCases)} cases, ${n(d.departmentOverdue)} open and overdue (${Math.ceil(d.departmentOverdue / PAGE)} pages)`,
  );
}

async function benchmark(
  app: AppProcess,
  opts: BenchOptions,
  benchUrl: string,
  dataset: Dataset,
  facts: Facts,
): Promise<number> {
  const username = managerUsername(opts.department);
  const session = await signIn(app.baseUrl, username, BENCH_PASSWORD);
  console.log(`\nSigned in as ${username} (${session.me.role}, ${session.me.department.symbol})`);

  const listPath = `/api/cases?departmentId=${dataset.departmentId}&overdue=true&sort=deadline&limit=${PAGE}`;
  const firstUrl = app.baseUrl + listPath;
  const probe = await getJson<CasePage>(firstUrl, session);
  const apiReady = probe.status === 200 && Array.isArray(probe.body?.items);
  const results: RunResult[] = [];
  const notes: string[] = [];
  let firstStatements: Statement[];
  let deepStatements: Statement[];
  let deepUrl: string | null = null;
  // The list's first page with a search term typed without diacritics (it must find "Zielińska"), among open
  // cases, as the SPA's list asks by default.
  const searchUrl = `${app.baseUrl}/api/cases?departmentId=${dataset.departmentId}&status=open&q=${encodeURIComponent(opts.search)}&sort=deadline&limit=${PAGE}`;
  let searchStatements: Statement[] = [];

  if (apiReady) {
    checkPage(probe.body, 'first page');
    const walk = await walkPages(firstUrl, session, opts.depth);
    deepUrl = walk.url;
    console.log(
      `Deep page: followed nextCursor ${walk.pages} pages (${(walk.pages * PAGE).toLocaleString('en-US')} rows in)`,
    );
    if (walk.pages < opts.depth)
      notes.push(`only ${walk.pages} pages exist, so the "deep" page is page ${walk.pages + 1}`);
    // Record the SQL behind one first-page and one deep-page request, to replay it as the raw-SQL ceiling.
    const firstCapture = await app.capture(async () => void (await getJson(firstUrl, session)));
    const deepCapture = await app.capture(async () => void (await getJson(deepUrl ?? firstUrl, session)));
    printCapture('first page', firstCapture);
    printCapture('deep page', deepCapture);
    firstStatements = listStatements(firstCapture);
    deepStatements = listStatements(deepCapture);
    if (opts.only.has('search') || opts.only.has('raw-search')) {
      const found = await getJson<CasePage>(searchUrl, session);
      checkPage(found.body, `search for "${opts.search}"`);
      console.log(
        `Search "${opts.search}": ${found.body.total.exact ? '' : 'more than '}${found.body.total.count} cases, first ${found.body.items[0].clientName ?? ''}`,
      );
      const searchCapture = await app.capture(async () => void (await getJson(searchUrl, session)));
      printCapture('search', searchCapture);
      searchStatements = listStatements(searchCapture);
    }
    if (firstStatements.length === 0)
      throw new Error('Captured no SQL on the cases table for GET /api/cases; is the list served from a cache?');
  } else {
    const why = `GET ${listPath} answered HTTP ${probe.status}${probe.status === 404 ? ' (the cases API is not there yet)' : `: ${JSON.stringify(probe.body).slice(0, 300)}`}`;
    console.log(`\n${why}; measuring only the hand-written keyset query`);
    notes.push(why);
    const fallback = await handWrittenQueries(benchUrl, dataset.departmentId, opts.depth);
    firstStatements = fallback.first;
    deepStatements = fallback.deep;
  }

  await explain(benchUrl, 'first page', firstStatements);
  await explain(benchUrl, 'deep page', deepStatements);
  if (searchStatements.length) await explain(benchUrl, 'search', searchStatements);

  const http = (name: string, url: string, extra: Partial<Parameters<typeof runHttp>[0]> = {}) =>
    announce(name, opts.quietWait, app.pid, () =>
      runHttp({
        name,
        url,
        headers: session.headers,
        connections: opts.connections,
        duration: opts.duration,
        warmup: opts.warmup,
        ...extra,
      }),
    );
  const raw = (name: string, statements: Statement[]) =>
    announce(name, opts.quietWait, app.pid, (measured) =>
      runRawSql({
        name,
        databaseUrl: benchUrl,
        poolSize: opts.poolSize,
        callers: opts.connections,
        duration: opts.duration,
        warmup: opts.warmup,
        statements,
        onMeasured: measured,
      }),
    );
  // On a small shared machine one run can be a third off the next; interleaved rounds spread that drift over
  // every scenario, and the median round decides.
  const rounds: RunResult[] = [];
  const listRounds = ['list', 'deep', 'raw', 'search', 'raw-search'].some((s) => opts.only.has(s as Scenario))
    ? opts.rounds
    : 0;
  for (let round = 1; round <= listRounds; round++) {
    if (opts.rounds > 1)
      console.log(`
Round ${round} of ${opts.rounds}`);
    if (apiReady && opts.only.has('list')) rounds.push(await http('list, first page', firstUrl));
    if (apiReady && deepUrl && opts.only.has('deep'))
      rounds.push(await http(`list, page ${deepPageNumber(deepUrl, opts.depth)}`, deepUrl));
    if (opts.only.has('raw')) {
      rounds.push(await raw('raw SQL, first page', firstStatements));
      rounds.push(await raw('raw SQL, deep page', deepStatements));
    }
    if (apiReady && opts.only.has('search')) rounds.push(await http(SEARCH, searchUrl));
    if (searchStatements.length && opts.only.has('raw-search')) rounds.push(await raw(RAW_SEARCH, searchStatements));
  }
  results.push(...medianRounds(rounds));
  if (apiReady && opts.only.has('create')) {
    const body = JSON.stringify({
      kind: 'complaint',
      subject: 'Skarga na długi czas oczekiwania (test wydajności)',
      channel: 'letter',
      client: { name: 'Jan Kowalski', address: 'ul. Polna 1, 00-001 Warszawa' },
    });
    const created = await fetch(`${app.baseUrl}/api/cases`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body,
    });
    if (created.status !== 201 && created.status !== 200) {
      const text = await created.text();
      notes.push(`POST /api/cases answered HTTP ${created.status}: ${text.slice(0, 300)}`);
      console.log(`\nPOST /api/cases answered HTTP ${created.status}: ${text.slice(0, 300)}`);
    }
    const create = (name: string) =>
      http(name, `${app.baseUrl}/api/cases`, {
        method: 'POST',
        body,
        headers: { ...session.headers, 'content-type': 'application/json' },
        connections: opts.createConnections,
      });
    // With and without the audit log's hash chain, in interleaved rounds: the chain's cost is their difference.
    const createRounds: RunResult[] = [];
    for (let round = 1; round <= opts.rounds; round++) {
      if (opts.rounds > 1) console.log(`\nCreate round ${round} of ${opts.rounds}`);
      createRounds.push(await create(CREATE_CHAINED));
      if (opts.only.has('create-unchained')) {
        await setAuditChain(benchUrl, false);
        try {
          createRounds.push(await create(CREATE_UNCHAINED));
        } finally {
          await setAuditChain(benchUrl, true);
        }
      }
    }
    results.push(...medianRounds(createRounds));
  }

  if (apiReady && opts.only.has('workload')) {
    results.push(
      ...(await runWorkloadScenarios({
        app,
        benchUrl,
        departmentId: dataset.departmentId,
        session,
        dashboardConnections: opts.createConnections,
        http,
        explain: (what, statements) => explain(benchUrl, what, statements),
        listStatements: (captured) =>
          captured
            .filter((s) => /\b(cases|promises)\b/i.test(s.text))
            .map((s) => ({ text: s.text, values: s.values, name: s.name })),
      })),
    );
  }

  if (apiReady && opts.profile) {
    // Separate from the measured runs: the profiler slows the app down.
    const dir = join(ROOT, 'tmp/bench');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `api-list-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    process.stdout.write(`\nProfiling the API under the first-page list load (${opts.duration} s, not measured) ... `);
    await app.profile(path, async () => {
      await runHttp({
        name: 'profile',
        url: firstUrl,
        headers: session.headers,
        connections: opts.connections,
        duration: opts.duration,
        warmup: 0,
      });
    });
    console.log(`written to ${path.slice(ROOT.length + 1)} (open it in Chrome DevTools or VS Code)`);
    for (const line of summarizeProfile(path)) console.log(line);
  }

  const verdicts = report(results, opts, apiReady);
  for (const note of notes) console.log(`Note: ${note}`);
  if (opts.json) {
    writeFileSync(
      opts.json,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          facts,
          dataset,
          options: { ...opts, only: [...opts.only] },
          results,
          verdicts,
          notes,
        },
        null,
        2,
      ),
    );
    console.log(`Results written to ${opts.json}`);
  }
  const failed = results.filter((r) => r.non2xx > 0 || r.errors > 0);
  if (failed.length > 0) {
    console.error(
      `\nErrors: ${failed.map((r) => `${r.name}: ${r.non2xx} non-2xx ${JSON.stringify(r.statusCodes)}, ${r.errors} errors`).join('; ')}`,
    );
    return 1;
  }
  return 0;
}

function checkPage(page: CasePage, what: string): void {
  if (page.items.length === 0) throw new Error(`The ${what} is empty: no overdue open cases in the department?`);
  const item: CaseListItem = page.items[0];
  if (!item.id || !item.reference)
    throw new Error(`The ${what} items lack id/reference: ${JSON.stringify(item).slice(0, 200)}`);
}

async function walkPages(
  firstUrl: string,
  session: HttpSession,
  depth: number,
): Promise<{ url: string; pages: number }> {
  let url = firstUrl;
  let pages = 0;
  while (pages < depth) {
    const { status, body } = await getJson<CasePage>(url, session);
    if (status !== 200) throw new Error(`GET ${url} answered HTTP ${status}: ${JSON.stringify(body).slice(0, 300)}`);
    if (!body.nextCursor) break;
    url = `${firstUrl}&cursor=${encodeURIComponent(body.nextCursor)}`;
    pages += 1;
  }
  return { url, pages };
}

/** Per scenario, the round with the median req/s, annotated with the range over all rounds. */
function medianRounds(runs: RunResult[]): RunResult[] {
  const byName = new Map<string, RunResult[]>();
  for (const run of runs) byName.set(run.name, [...(byName.get(run.name) ?? []), run]);
  return [...byName.values()].map((all) => {
    const sorted = [...all].sort((a, b) => a.rps - b.rps);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    return all.length === 1
      ? median
      : {
          ...median,
          rounds: all.map((r) => ({ rps: r.rps, p50: r.p50, p95: r.p95, p99: r.p99 })),
          non2xx: all.reduce((n, r) => n + r.non2xx, 0),
          errors: all.reduce((n, r) => n + r.errors, 0),
        };
  });
}

const deepPageNumber = (url: string, depth: number) => (url.includes('cursor=') ? depth + 1 : 1);

/** The statements of a list request that touch `cases` (the session check and its touch are left out). */
function listStatements(captured: CapturedStatement[]): Statement[] {
  return captured
    .filter((s) => /\bcases\b/i.test(s.text))
    .map((s) => ({ text: s.text, values: s.values, name: s.name }));
}

function printCapture(what: string, captured: CapturedStatement[]): void {
  console.log(`\nSQL behind one ${what} request (${captured.length} statements):`);
  for (const s of captured) {
    const oneLine = s.text.replace(/\s+/g, ' ').trim();
    const mark = /\bcases\b/i.test(s.text) ? '*' : ' ';
    const prepared = s.name ? '[prepared] ' : '';
    console.log(` ${mark} ${prepared}${oneLine.length > 220 ? `${oneLine.slice(0, 217)}...` : oneLine}`);
  }
  console.log('  (* replayed as the raw-SQL ceiling, prepared as the API prepares it)');
}

/** Until the API exists: the keyset query it is expected to run, over the partial index of open cases. */
async function handWrittenQueries(
  url: string,
  departmentId: string,
  depth: number,
): Promise<{ first: Statement[]; deep: Statement[] }> {
  const select = `SELECT c.id, c.reference, c.kind, c.subject, c.channel, c.received_at, c.client_name, c.client_accommodation,
         c.department_id, d.symbol AS department_symbol, d.name AS department_name, c.assignee_id, u.display_name AS assignee_name,
         c.current_step, c.status, c.due_at, c.outcome, c.version, c.due_sort
    FROM cases c
    JOIN departments d ON d.id = c.department_id
    LEFT JOIN users u ON u.id = c.assignee_id
   WHERE c.department_id = $1 AND c.status = 'open' AND c.due_sort < now()`;
  const order = `ORDER BY c.due_sort, c.id LIMIT ${PAGE + 1}`;
  const cursor = await withClient(url, async (db) => {
    const { rows } = await db.query<{ due_sort: Date; id: string }>(
      `SELECT due_sort, id FROM cases WHERE department_id = $1 AND status = 'open' AND due_sort < now() ORDER BY due_sort, id OFFSET $2 LIMIT 1`,
      [departmentId, depth * PAGE - 1],
    );
    return rows[0];
  });
  return {
    first: [{ text: `${select}\n   ${order}`, values: [departmentId] }],
    deep: cursor
      ? [
          {
            text: `${select}\n     AND (c.due_sort, c.id) > ($2, $3)\n   ${order}`,
            values: [departmentId, cursor.due_sort, cursor.id],
          },
        ]
      : [{ text: `${select}\n   ${order}`, values: [departmentId] }],
  };
}

async function explain(url: string, what: string, statements: Statement[]): Promise<void> {
  await withClient(url, async (db) => {
    for (const s of statements) {
      if (!/^[\s(]*(SELECT|WITH)\b/i.test(s.text)) continue;
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values);
      console.log(`\nEXPLAIN ANALYZE, ${what}:`);
      for (const r of rows) console.log(`  ${r['QUERY PLAN']}`);
    }
  });
}

/**
 * Runs one scenario between a check that the machine is quiet and a reading of who used the CPU meanwhile.
 * `fn` may take the reading itself (`measured`) when processes it started end before it returns.
 */
async function announce(
  name: string,
  quietWait: number,
  apiPid: number | undefined,
  fn: (measured: () => void) => Promise<RunResult>,
): Promise<RunResult> {
  const busyBefore = await waitForQuiet(quietWait, name);
  process.stdout.write(`\nRunning: ${name} ... `);
  const cpuUsed = watchCpu(apiPid);
  let cpu: CpuShares | null | undefined;
  const measured = () => void (cpu ??= cpuUsed());
  const r = await fn(measured);
  measured();
  r.cpu = cpu;
  r.busyBefore = busyBefore;
  const errors = r.non2xx + r.errors > 0 ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : '';
  console.log(`${Math.round(r.rps)} req/s, p95 ${r.p95.toFixed(1)} ms${errors}`);
  if (r.cpu) console.log(`  CPU (cores): ${cpuText(r.cpu)}`);
  return r;
}

const cpuText = (c: CpuShares) =>
  `API ${c.api.toFixed(2)}, PostgreSQL ${c.postgres.toFixed(2)}, load generator ${c.loadGenerator.toFixed(2)}, ` +
  `kernel threads ${c.kernel.toFixed(2)}, other processes ${c.others.toFixed(2)}`;

interface Verdict {
  target: string;
  value: string;
  pass: boolean | null;
}

function report(results: RunResult[], opts: BenchOptions, apiReady: boolean): Verdict[] {
  const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
  console.log('\nResults');
  console.log(
    `  ${'scenario'.padEnd(24)} ${'conns'.padStart(5)} ${'requests'.padStart(9)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}  ${'non-2xx/err'.padEnd(11)}  CPU api/pg/gen/kernel/others`,
  );
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(24)} ${String(r.connections).padStart(5)} ${String(r.requests).padStart(9)} ${r.rps.toFixed(0).padStart(8)} ` +
        `${ms(r.p50).padStart(8)} ${ms(r.p95).padStart(8)} ${ms(r.p99).padStart(8)} ${ms(r.max).padStart(8)}  ${`${r.non2xx}/${r.errors}`.padEnd(11)}  ${r.cpu ? [r.cpu.api, r.cpu.postgres, r.cpu.loadGenerator, r.cpu.kernel, r.cpu.others].map((x) => x.toFixed(2)).join('/') : '–'}`,
    );
  }
  console.log(
    `  (CPU: cores used during the run by the API, PostgreSQL, the load generator, kernel threads and other processes; ${cpus().length} cores in all)`,
  );
  const ranged = results.filter((r) => r.rounds && r.rounds.length > 1);
  if (ranged.length > 0) {
    console.log(
      `\n  Each row is the median of ${ranged[0].rounds?.length} rounds (by req/s); all rounds, req/s · p95 ms:`,
    );
    for (const r of ranged)
      console.log(
        `  ${r.name.padEnd(24)} ${(r.rounds ?? []).map((x) => `${x.rps.toFixed(0)} · ${ms(x.p95)}`).join('   ')}`,
      );
  }
  const first = results.find((r) => r.name === 'list, first page');
  const deep = results.find((r) => r.name.startsWith('list, page'));
  const raw = results.find((r) => r.name === 'raw SQL, first page');
  const rawDeep = results.find((r) => r.name === 'raw SQL, deep page');
  const verdicts: Verdict[] = [];
  const add = (target: string, value: string, pass: boolean | null) => verdicts.push({ target, value, pass });
  add(
    `list p95 ≤ ${TARGETS.listP95Ms} ms at ${opts.connections} connections`,
    first ? `${ms(first.p95)} ms` : 'not measured',
    first ? first.p95 <= TARGETS.listP95Ms : null,
  );
  add(
    `deep page p95 ≤ ${TARGETS.deepToFirstP95}× first page`,
    first && deep ? `${(deep.p95 / first.p95).toFixed(2)}× (${ms(deep.p95)} / ${ms(first.p95)} ms)` : 'not measured',
    first && deep ? deep.p95 <= TARGETS.deepToFirstP95 * first.p95 : null,
  );
  add(
    `list throughput ≥ ${TARGETS.listShareOfRaw * 100} % of raw SQL`,
    first && raw
      ? `${((100 * first.rps) / raw.rps).toFixed(0)} % (${first.rps.toFixed(0)} / ${raw.rps.toFixed(0)} req/s)`
      : 'not measured',
    first && raw ? first.rps >= TARGETS.listShareOfRaw * raw.rps : null,
  );
  const search = results.find((r) => r.name === SEARCH);
  const rawSearch = results.find((r) => r.name === RAW_SEARCH);
  add(
    `search p95 ≤ ${TARGETS.listP95Ms} ms at ${opts.connections} connections`,
    search ? `${ms(search.p95)} ms` : 'not measured',
    search ? search.p95 <= TARGETS.listP95Ms : null,
  );
  add(
    `search throughput ≥ ${TARGETS.listShareOfRaw * 100} % of raw SQL`,
    search && rawSearch
      ? `${((100 * search.rps) / rawSearch.rps).toFixed(0)} % (${search.rps.toFixed(0)} / ${rawSearch.rps.toFixed(0)} req/s)`
      : 'not measured',
    search && rawSearch ? search.rps >= TARGETS.listShareOfRaw * rawSearch.rps : null,
  );
  const chained = results.find((r) => r.name === CREATE_CHAINED);
  const unchained = results.find((r) => r.name === CREATE_UNCHAINED);
  add(
    `create with hash chain ≥ ${TARGETS.createChainedShare * 100} % of without`,
    chained && unchained
      ? `${((100 * chained.rps) / unchained.rps).toFixed(0)} % (${chained.rps.toFixed(0)} / ${unchained.rps.toFixed(0)} req/s)`
      : 'not measured',
    chained && unchained ? chained.rps >= TARGETS.createChainedShare * unchained.rps : null,
  );
  for (const r of results.filter(
    (x) => x.name.startsWith('list, ') && !x.name.startsWith('list, first') && !x.name.startsWith('list, page'),
  ))
    add(`${r.name}: p95 ≤ ${WORKLOAD_LIST_P95_MS} ms`, `${ms(r.p95)} ms`, r.p95 <= WORKLOAD_LIST_P95_MS);
  console.log('\nTargets');
  for (const v of verdicts)
    console.log(`  ${v.pass === null ? 'n/a ' : v.pass ? 'PASS' : 'FAIL'}  ${v.target.padEnd(44)} ${v.value}`);
  if (raw && rawDeep) console.log(`  info  raw SQL deep/first p95: ${(rawDeep.p95 / raw.p95).toFixed(2)}×`);
  if (deep && rawDeep)
    console.log(`  info  deep page throughput: ${((100 * deep.rps) / rawDeep.rps).toFixed(0)} % of its raw SQL`);
  if (!apiReady) console.log('  (the cases API did not answer, so only the raw SQL was measured)');
  return verdicts;
}

interface Facts {
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  postgres: string;
  settings: Record<string, string>;
}

async function machineFacts(serverUrl: string): Promise<Facts> {
  return withClient(serverUrl, async (db) => {
    const version = (await db.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v;
    const names = [
      'shared_buffers',
      'work_mem',
      'effective_cache_size',
      'max_connections',
      'synchronous_commit',
      'jit',
    ];
    const { rows } = await db.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1)`,
      [names],
    );
    return {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      postgres: version,
      settings: Object.fromEntries(rows.map((r) => [r.name, r.setting])),
    };
  });
}

function printFacts(f: Facts): void {
  console.log(`Machine: ${f.cores} cores (${f.cpu}), ${f.memoryGb} GB; Node ${f.node}; PostgreSQL ${f.postgres}`);
  console.log(
    `  PostgreSQL settings: ${Object.entries(f.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
  );
  console.log('  The load generator, the API and PostgreSQL share this machine.');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nBenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
