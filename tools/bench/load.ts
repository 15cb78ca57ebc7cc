import autocannon from 'autocannon';
import { Pool } from 'pg';
import { performance } from 'node:perf_hooks';
import type { CpuShares } from './machine-load';

export interface RunResult {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** With --rounds above 1: every round's figures (this result is the median round). */
  rounds?: { rps: number; p50: number; p95: number; p99: number }[];
  /** Share of all cores busy just before the run (other work on the machine). */
  busyBefore?: number | null;
  /** CPU used during the run, in cores, by group; `others` is work on the machine that is not the benchmark's. */
  cpu?: CpuShares | null;
}

export interface HttpRun {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  connections: number;
  duration: number;
  warmup: number;
}

/** Latencies are recorded per response (ms, sub-millisecond resolution) so p95 is exact, not a bucket. */
export async function runHttp(run: HttpRun): Promise<RunResult> {
  if (run.warmup > 0) await cannon(run, run.warmup);
  return cannon(run, run.duration);
}

async function cannon(run: HttpRun, duration: number): Promise<RunResult> {
  const latencies: number[] = [];
  const started = performance.now();
  // Without a callback autocannon returns its instance, which is also a promise of the result.
  const instance = autocannon({
    url: run.url,
    method: run.method ?? 'GET',
    headers: run.headers,
    body: run.body,
    connections: run.connections,
    duration,
    timeout: 10,
  });
  (instance as unknown as autocannon.Instance).on(
    'response',
    (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    },
  );
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]),
  );
  return {
    name: run.name,
    connections: run.connections,
    seconds,
    requests: latencies.length,
    rps: latencies.length / seconds,
    ...percentiles(latencies),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

export interface Statement {
  text: string;
  values: unknown[];
  /** Set when the API sent it as a named prepared statement; the replay does the same. */
  name?: string;
}

/**
 * The ceiling: the API's own list statements sent straight to PostgreSQL through a pg Pool of the API's size,
 * by `callers` concurrent callers, with no HTTP, session check or JSON in between.
 */
export async function runRawSql(opts: {
  name: string;
  databaseUrl: string;
  poolSize: number;
  callers: number;
  duration: number;
  warmup: number;
  statements: Statement[];
  /** Called after the measured run, before the pool closes (its PostgreSQL backends exit with it). */
  onMeasured?: () => void;
}): Promise<RunResult> {
  const pool = new Pool({ connectionString: opts.databaseUrl, max: opts.poolSize, application_name: 'pu-bench-raw' });
  try {
    const once = async () => {
      for (const s of opts.statements) await pool.query({ name: s.name, text: s.text, values: s.values });
    };
    const loop = async (seconds: number, latencies: number[] | null, errors: { n: number }) => {
      const end = performance.now() + seconds * 1000;
      const caller = async () => {
        while (performance.now() < end) {
          const t = performance.now();
          try {
            await once();
            latencies?.push(performance.now() - t);
          } catch {
            errors.n += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: opts.callers }, caller));
    };
    if (opts.warmup > 0) await loop(opts.warmup, null, { n: 0 });
    const latencies: number[] = [];
    const errors = { n: 0 };
    const started = performance.now();
    await loop(opts.duration, latencies, errors);
    const seconds = (performance.now() - started) / 1000;
    opts.onMeasured?.();
    return {
      name: opts.name,
      connections: opts.callers,
      seconds,
      requests: latencies.length,
      rps: latencies.length / seconds,
      ...percentiles(latencies),
      non2xx: 0,
      errors: errors.n,
      timeouts: 0,
      statusCodes: {},
    };
  } finally {
    await pool.end();
  }
}

export function percentiles(values: number[]): { p50: number; p95: number; p99: number; max: number } {
  if (values.length === 0) return { p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const sorted = Float64Array.from(values).sort();
  // Nearest rank: the smallest value with at least p % of the samples at or below it.
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] };
}
