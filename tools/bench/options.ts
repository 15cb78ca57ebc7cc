import { availableParallelism } from 'node:os';
import { type CommonBenchOptions, parseBenchOptions } from './common-options';

export interface BenchOptions extends CommonBenchOptions {
  seedOnly: boolean;
  poolSize: number;
  connections: number;
  createConnections: number;
  duration: number;
  warmup: number;
  depth: number;
  /** Rounds of the list, raw-SQL and create runs; each scenario reports its median round. */
  rounds: number;
  quietWait: number;
  profile: boolean;
  only: Set<Scenario>;
  /** The text of the search scenarios (typed as a clerk would, without diacritics). */
  search: string;
}

export const SCENARIOS = [
  'list',
  'deep',
  'raw',
  'search',
  'raw-search',
  'create',
  'create-unchained',
  'workload',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

const HELP = `Usage: npm run bench:api -- [options]

Seeds a dedicated PostgreSQL database with a realistic office (1,000,000 cases by default), starts the built
API against it and measures the case list, a deep page of it, case creation and the raw-SQL ceiling.

Environment: DATABASE_URL (required: any database on the server to use), BENCH_DATABASE, and BENCH_<OPTION>
for any option below (e.g. BENCH_CASES=200000).

  --database=NAME         database for the benchmark, created if missing      (pu_bench)
  --reseed                drop the benchmark database and seed it again
  --seed-only             seed (if needed) and stop
  --build / --no-build    build the API first: by default only when dist/api/main.js is missing or older than its sources
  --cases=N               cases to seed                                         (1000000)
  --promises=N            follow-up promises to seed, about                     (200000)
  --batch=N               rows per seeding statement                            (100000)
  --department=SYMBOL     department whose manager signs in                      (SO)
  --port=N                port of the API under test                            (3900)
  --pool=N                DB_POOL_SIZE of the API, and size of the raw-SQL pool  (2 × CPU cores)
  --connections=N         concurrent connections for the list and raw runs      (50)
  --create-connections=N  concurrent connections for POST /api/cases            (10)
  --duration=S            seconds per measured run                              (15)
  --warmup=S              seconds of warm-up before each run                    (3)
  --depth=N               pages to follow for the deep-page run                 (200)
  --rounds=N              rounds of the list, raw-SQL and create runs, interleaved; each
                          scenario reports its median round (by req/s) and the range   (3)
  --quiet-wait=S          before each run, wait up to S seconds for the machine to be idle (60)
  --search=TEXT           search text of the search scenarios (the list's first page with ?q=)  (zielinska)
  --only=a,b              scenarios to run: ${SCENARIOS.join(', ')}
                          (create-unchained: each create round again with the audit log's hash chain
                          switched off in the benchmark database; needs create)
  --profile               afterwards, CPU-profile the API under the list load and print where its time goes
                          (the .cpuprofile is kept in tmp/bench/)
  --json=FILE             also write the results as JSON
`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | null {
  const parsed = parseBenchOptions(argv, env, {
    script: 'bench:api',
    help: HELP,
    port: 3900,
    options: {
      'seed-only': 'boolean',
      pool: 'string',
      connections: 'string',
      'create-connections': 'string',
      duration: 'string',
      warmup: 'string',
      depth: 'string',
      rounds: 'string',
      'quiet-wait': 'string',
      profile: 'boolean',
      only: 'string',
      search: 'string',
    },
  });
  if (!parsed) return null;
  const { common, read } = parsed;
  const only = read
    .str('only', SCENARIOS.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
  if (unknown.length)
    throw new Error(`--only: unknown scenario ${unknown.join(', ')}; choose from ${SCENARIOS.join(', ')}`);
  return {
    ...common,
    seedOnly: read.flag('seed-only') ?? false,
    // PostgreSQL shares this machine's cores; about two connections per core keep them busy without the
    // backends and the API preempting one another (docs/performance.md, "Pool size").
    poolSize: read.int('pool', 2 * availableParallelism(), 1),
    connections: read.int('connections', 50, 1),
    createConnections: read.int('create-connections', 10, 1),
    duration: read.int('duration', 15, 1),
    warmup: read.int('warmup', 3, 0),
    depth: read.int('depth', 200, 1),
    rounds: read.int('rounds', 3, 1),
    quietWait: read.int('quiet-wait', 60, 0),
    profile: read.flag('profile') ?? false,
    only: new Set(only as Scenario[]),
    search: read.str('search', 'zielinska'),
  };
}
