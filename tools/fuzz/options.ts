import { parseArgs } from 'node:util';

export interface FuzzOptions {
  requests: number;
  seed: number;
  concurrency: number;
  port: number;
  build: 'auto' | 'always' | 'never';
  /** A running API to fuzz instead of starting one (its demo users must exist). */
  url: string | null;
  verbose: boolean;
}

const HELP = `Usage: npm run fuzz -- [options]

Starts the built API on a throwaway database with the demo office (a new database on the server of
DATABASE_URL, dropped afterwards; without DATABASE_URL an embedded PGlite in a temporary directory), reads its
OpenAPI document, signs in as clerk, manager, quality officer and administrator, and sends generated requests
to every operation, as each of them and as nobody: bad and valid-ish bodies, query strings, path parameters
and headers. Prints the answers by status and by operation and every 5xx with its request; exits 1 on any 5xx,
on a request left unanswered, or if the API dies.

  --requests=N     requests to send                                        (3000)
  --seed=N         seed of the generator; a run with the same seed and --concurrency=1 sends the same requests
                   (random, printed at the start)
  --concurrency=N  requests in flight at once                              (1)
  --port=N         port of the API under test                              (3950)
  --build / --no-build  build the API first: by default only when dist/api/main.js is missing or older than its sources
  --url=URL        fuzz an API already running there instead (its data will be changed)
  --verbose        print every request's status as it is answered
`;

export function parseOptions(argv: string[]): FuzzOptions | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      requests: { type: 'string' },
      seed: { type: 'string' },
      concurrency: { type: 'string' },
      port: { type: 'string' },
      build: { type: 'boolean' },
      'no-build': { type: 'boolean' },
      url: { type: 'string' },
      verbose: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return null;
  }
  const int = (name: string, raw: string | undefined, fallback: number, min: number) => {
    const n = raw === undefined ? fallback : Number(raw.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${raw}`);
    return n;
  };
  return {
    requests: int('requests', values.requests, 3000, 1),
    seed: int('seed', values.seed, Math.floor(Math.random() * 2 ** 31), 0),
    concurrency: int('concurrency', values.concurrency, 1, 1),
    port: int('port', values.port, 3950, 1),
    build: values.build ? 'always' : values['no-build'] ? 'never' : 'auto',
    url: values.url ?? null,
    verbose: values.verbose ?? false,
  };
}
