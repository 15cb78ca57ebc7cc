import { type CommonBenchOptions, parseBenchOptions } from './common-options';

export type FormFactor = 'desktop' | 'mobile';

export interface WebBenchOptions extends CommonBenchOptions {
  runs: number;
  lighthouse: boolean;
  formFactors: FormFactor[];
  chromium: string;
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
  const parsed = parseBenchOptions(argv, env, {
    script: 'bench:web',
    help: HELP,
    port: 3901,
    options: { runs: 'string', 'no-lighthouse': 'boolean', 'form-factor': 'string' },
  });
  if (!parsed) return null;
  const { common, read } = parsed;
  const formFactors = read
    .str('form-factor', 'desktop')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = formFactors.filter((f) => f !== 'desktop' && f !== 'mobile');
  if (unknown.length || formFactors.length === 0)
    throw new Error(`--form-factor: choose desktop, mobile or both, got ${formFactors.join(',')}`);
  return {
    ...common,
    runs: read.int('runs', 5, 1),
    lighthouse: !(read.flag('no-lighthouse') ?? /^(0|false|no)$/i.test(env['BENCH_LIGHTHOUSE'] ?? '')),
    formFactors: formFactors as FormFactor[],
    chromium: env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  };
}
