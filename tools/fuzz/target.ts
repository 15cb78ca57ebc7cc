import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { MAIN_JS, ROOT, sleep } from '../bench/app-process';

/** The API under test and what it runs on, all thrown away afterwards. */
export interface Target {
  baseUrl: string;
  /** The app's log lines (LOG_LEVEL=error: a 500's stack trace), to quote beside a failing request. */
  logLines: string[];
  exited(): { code: number | null; signal: string | null } | null;
  stop(): Promise<void>;
}

/**
 * A new database on the server of DATABASE_URL (as the API e2e suite makes one), or without it an embedded
 * PGlite in a temporary directory. Either way the app itself creates the schema and the demo office. With
 * MIGRATION_DATABASE_URL too (CI, production), the owner creates the database and migrates, and the app serves
 * as the runtime role of DATABASE_URL, as it is deployed.
 */
async function throwawayDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void>; label: string }> {
  const runtimeBase = process.env['DATABASE_URL'];
  if (!runtimeBase) {
    const dir = mkdtempSync(join(tmpdir(), 'pu-fuzz-'));
    return {
      env: { DATA_DIR: dir },
      label: `embedded PGlite in ${dir}`,
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const ownerBase = process.env['MIGRATION_DATABASE_URL'] || runtimeBase;
  const name = `pu_fuzz_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: ownerBase });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const onDatabase = (base: string) => {
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url;
  };
  const url = onDatabase(runtimeBase);
  const owner: Record<string, string> =
    ownerBase === runtimeBase ? {} : { MIGRATION_DATABASE_URL: onDatabase(ownerBase).toString() };
  return {
    env: { DATABASE_URL: url.toString(), ...owner, DB_POOL_SIZE: '4' },
    label: `database ${name} on ${url.host || url.searchParams.get('host')}`,
    drop: async () => {
      const client = new Client({ connectionString: ownerBase });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function startTarget(port: number): Promise<Target> {
  const database = await throwawayDatabase();
  console.log(`Starting the API on port ${port} (${database.label}, demo office)`);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    ...(process.env['TZ'] ? { TZ: process.env['TZ'] } : {}),
    NODE_ENV: 'development',
    PORT: String(port),
    LOG_LEVEL: 'error',
    DEMO: 'true',
    MIGRATIONS_RUN: 'true',
    SESSION_SECRET: randomBytes(30).toString('base64url'),
    SECURE_COOKIES: 'false',
    ...database.env,
  };
  const child = spawn(process.execPath, [MAIN_JS], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logLines: string[] = [];
  let exit: { code: number | null; signal: string | null } | null = null;
  const exitPromise = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      done();
    }),
  );
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(line);
      // Keep memory bounded when something logs per request.
      if (logLines.length > 20_000) logLines.splice(0, logLines.length - 10_000);
    });
  const target: Target = {
    baseUrl: `http://127.0.0.1:${port}`,
    logLines,
    exited: () => exit,
    stop: async () => {
      await stopChild(child, exitPromise, () => exit !== null);
      await database.drop();
    },
  };
  try {
    await waitReady(target, 300_000);
  } catch (error) {
    await target.stop();
    throw error;
  }
  return target;
}

async function stopChild(child: ChildProcess, exited: Promise<void>, hasExited: () => boolean): Promise<void> {
  if (hasExited()) return;
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
  if (!hasExited()) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Polls readiness; the first start on a new database also runs the migrations and seeds the demo office. */
export async function waitReady(target: Pick<Target, 'baseUrl' | 'logLines' | 'exited'>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const exit = target.exited();
    if (exit) throw new Error(`The API exited during start-up (${JSON.stringify(exit)}):\n${tail(target.logLines)}`);
    try {
      const res = await fetch(`${target.baseUrl}/api/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`The API was not ready within ${timeoutMs / 1000} s (${last}):\n${tail(target.logLines)}`);
}

const tail = (lines: string[]) => lines.slice(-30).join('\n');
