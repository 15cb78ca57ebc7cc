import { parseArgs } from 'node:util';

export type FormFactor = 'desktop' | 'mobile';

export interface WebBenchOptions {
  /** The server's URL as given (any database on it); the benchmark works in its own database there. */
  serverUrl: string;
  database: string;
  reseed: boolean;
  build: 'auto' | 'always' | 'never';
  cases: number;
  promises: number;
  batch: number;
  department: string;
  port: number;
  runs: number;
  lighthouse: boolean;
  formFactors: FormFactor[];
  chromium: string;
  json: string | null;
}

const HELP = `Usage: npm run bench:web -- [options]

Starts the built app (API and SPA, built first when missing or older than the sources) on the benchmark
database of npm run bench:api (seeded with 1,000,000 cases if it is not yet), and measures the first load in
Debian's Chromium: the bytes on the wire per page (by kind: script, style, font, document, API), the time until
the case page of a case with 50 history entries and 10 promises is shown and idle, and Lighthouse's
performance, accessibility and best-practices scores for the sign-in page, the case list and the case page.

Environment: DATABASE_URL (required: any database on the server to use), CHROMIUM_PATH (/usr/bin/chromium),
and BENCH_<OPTION> for any option below.

  --database=NAME         database for the benchmark, created and seeded if missing  (pu_bench)
  --reseed                drop the benchmark database and seed it again
  --build / --no-build    build first: by default only when a bundle is missing or older than its sources
  --cases=N, --promises=N size of the seed                                         (1000000, 200000)
  --department=SYMBOL     department of the clerk who signs in                       (SO)
  --port=N                port of the app under test                                 (3901)
  --runs=N                timed loads of the case page, cold and warm cache each     (5)
  --no-lighthouse         only the bytes and timings
  --form-factor=LIST      Lighthouse presets: desktop, mobile or desktop,mobile       (desktop)
  --json=FILE             also write the results as JSON
`;

export function parseWebOptions(argv: string[], env: NodeJS.ProcessEnv): WebBenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      database: { type: 'string' },
      reseed: { type: 'boolean' },
      build: { type: 'boolean' },
      'no-build': { type: 'boolean' },
      cases: { type: 'string' },
      promises: { type: 'string' },
      batch: { type: 'string' },
      department: { type: 'string' },
      port: { type: 'string' },
      runs: { type: 'string' },
      'no-lighthouse': { type: 'boolean' },
      'form-factor': { type: 'string' },
      json: { type: 'string' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return null;
  }
  const serverUrl = env['DATABASE_URL'];
  if (!serverUrl)
    throw new Error(
      'DATABASE_URL is required, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:web',
    );
  const str = (name: string, fallback: string) =>
    (values as Record<string, string | undefined>)[name] ??
    env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ??
    fallback;
  const int = (name: string, fallback: number, min: number) => {
    const raw = str(name, String(fallback)).replace(/[_,]/g, '');
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${raw}`);
    return n;
  };
  const database = str('database', 'pu_bench');
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database))
    throw new Error(`--database must be a plain lower-case identifier, got ${database}`);
  const formFactors = str('form-factor', 'desktop')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = formFactors.filter((f) => f !== 'desktop' && f !== 'mobile');
  if (unknown.length || formFactors.length === 0)
    throw new Error(`--form-factor: choose desktop, mobile or both, got ${formFactors.join(',')}`);
  return {
    serverUrl,
    database,
    reseed: values.reseed ?? /^(1|true|yes)$/i.test(env['BENCH_RESEED'] ?? ''),
    build: values.build ? 'always' : values['no-build'] ? 'never' : 'auto',
    cases: int('cases', 1_000_000, 1000),
    promises: int('promises', 200_000, 0),
    batch: int('batch', 100_000, 1000),
    department: str('department', 'SO').toUpperCase(),
    port: int('port', 3901, 1),
    runs: int('runs', 5, 1),
    lighthouse: !(values['no-lighthouse'] ?? /^(0|false|no)$/i.test(env['BENCH_LIGHTHOUSE'] ?? '')),
    formFactors: formFactors as FormFactor[],
    chromium: env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    json: str('json', '') || null,
  };
}
