import { parseArgs } from 'node:util';

/** What every benchmark on the seeded database is told: where it is, how it is seeded and built, its port. */
export interface CommonBenchOptions {
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
  json: string | null;
}

/** A benchmark's own options, read the same way as the common ones: the flag, else BENCH_<NAME>, else the default. */
export interface OptionReader {
  str(name: string, fallback: string): string;
  int(name: string, fallback: number, min: number): number;
  /** A boolean flag, or undefined when it was not given. */
  flag(name: string): boolean | undefined;
}

export interface BenchCommand {
  /** The npm script, for the error that asks for DATABASE_URL. */
  script: string;
  help: string;
  port: number;
  /** The options beyond the common ones, by name. */
  options: Record<string, 'string' | 'boolean'>;
}

const COMMON: Record<string, 'string' | 'boolean'> = {
  database: 'string',
  reseed: 'boolean',
  build: 'boolean',
  'no-build': 'boolean',
  cases: 'string',
  promises: 'string',
  batch: 'string',
  department: 'string',
  port: 'string',
  json: 'string',
};

/** Null after printing the help. Unknown options, and values out of range, throw. */
export function parseBenchOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
  command: BenchCommand,
): { common: CommonBenchOptions; read: OptionReader } | null {
  const kinds = { ...COMMON, ...command.options };
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(Object.entries(kinds).map(([name, type]) => [name, { type }])),
    },
  });
  if (values['help']) {
    console.log(command.help);
    return null;
  }
  const serverUrl = env['DATABASE_URL'];
  if (!serverUrl)
    throw new Error(
      `DATABASE_URL is required, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run ${command.script}`,
    );
  const given = values as Record<string, string | boolean | undefined>;
  const read: OptionReader = {
    str: (name, fallback) =>
      (given[name] as string | undefined) ?? env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback,
    int: (name, fallback, min) => {
      const raw = read.str(name, String(fallback)).replace(/[_,]/g, '');
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${raw}`);
      return n;
    },
    flag: (name) => given[name] as boolean | undefined,
  };
  const database = read.str('database', 'pu_bench');
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database))
    throw new Error(`--database must be a plain lower-case identifier, got ${database}`);
  const common: CommonBenchOptions = {
    serverUrl,
    database,
    reseed: read.flag('reseed') ?? /^(1|true|yes)$/i.test(env['BENCH_RESEED'] ?? ''),
    build: read.flag('build') ? 'always' : read.flag('no-build') ? 'never' : 'auto',
    cases: read.int('cases', 1_000_000, 1000),
    promises: read.int('promises', 200_000, 0),
    batch: read.int('batch', 100_000, 1000),
    department: read.str('department', 'SO').toUpperCase(),
    port: read.int('port', command.port, 1),
    json: read.str('json', '') || null,
  };
  return { common, read };
}
