import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const MAIN_JS = join(ROOT, 'dist/api/main.js');

export interface CapturedStatement {
  text: string;
  values: unknown[];
  name?: string;
}

/** Builds the API when asked, or when the bundle is missing or older than any of its sources. */
export function ensureBuilt(mode: 'auto' | 'always' | 'never'): void {
  if (mode === 'never') {
    if (!existsSync(MAIN_JS))
      throw new Error(`${MAIN_JS} is missing; build it with "npx nx build api" or drop --no-build`);
    return;
  }
  const builtAt = existsSync(MAIN_JS) ? statSync(MAIN_JS).mtimeMs : 0;
  const newer =
    mode === 'auto' && builtAt > 0
      ? newestSource(['api/src', 'libs/contracts/src', 'libs/workflow/src', 'migrations'])
      : null;
  if (mode === 'auto' && builtAt > 0 && (newer === null || newer.mtime <= builtAt)) return;
  const reason =
    mode === 'always' ? '--build' : builtAt === 0 ? 'no bundle yet' : `${newer?.path} is newer than the bundle`;
  console.log(`Building the API (${reason}): npx nx build api`);
  const started = Date.now();
  const result = spawnSync('npx', ['nx', 'build', 'api', '--output-style=stream'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout);
    throw new Error('npx nx build api failed');
  }
  console.log(`  built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function newestSource(dirs: string[]): { path: string; mtime: number } | null {
  let newest: { path: string; mtime: number } | null = null;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        const mtime = statSync(path).mtimeMs;
        if (!newest || mtime > newest.mtime) newest = { path: path.slice(ROOT.length + 1), mtime };
      }
    }
  };
  for (const dir of dirs) if (existsSync(join(ROOT, dir))) walk(join(ROOT, dir));
  return newest;
}

/** The built API as a child process, in production mode, on the benchmark database. */
export class AppProcess {
  private readonly tail: string[] = [];
  private exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly exitPromise: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    this.exitPromise = new Promise((done) => {
      child.once('exit', (code, signal) => {
        this.exited = { code, signal };
        done();
      });
      child.once('error', (error) => {
        this.tail.push(`could not run the API: ${error.message}`);
        this.exited = { code: null, signal: null };
        done();
      });
    });
    const keep = (prefix: string) => (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        this.tail.push(line);
        if (this.tail.length > 40) this.tail.shift();
        if (this.echo) process.stderr.write(`${prefix}${line}\n`);
      }
    };
    child.stdout?.on('data', keep('[api] '));
    child.stderr?.on('data', keep('[api!] '));
  }

  /** Echo the app's own log lines (warnings and errors at LOG_LEVEL=warn). */
  echo = true;

  static spawn(opts: { databaseUrl: string; port: number; poolSize: number; env?: NodeJS.ProcessEnv }): AppProcess {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      ...(process.env['TZ'] ? { TZ: process.env['TZ'] } : {}),
      NODE_ENV: 'production',
      DATABASE_URL: opts.databaseUrl,
      PORT: String(opts.port),
      DB_POOL_SIZE: String(opts.poolSize),
      LOG_LEVEL: 'warn',
      MIGRATIONS_RUN: 'true',
      // The request figures are measured without the reminder scan beside them (`npm run bench:reminders` times it).
      JOBS: 'false',
      // 30 random bytes are 40 base64url characters; sessions need not outlive the run.
      SESSION_SECRET: randomBytes(30).toString('base64url'),
      // Cookies marked Secure would not be sent back over plain http.
      SECURE_COOKIES: 'false',
      ...opts.env,
    };
    const child = spawn(process.execPath, ['-r', join(__dirname, 'app-probe.cjs'), MAIN_JS], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    return new AppProcess(child, `http://127.0.0.1:${opts.port}`);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Polls the readiness endpoint; the first start on a new database also runs the migrations. */
  async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      if (this.exited)
        throw new Error(`The API exited during start-up (${JSON.stringify(this.exited)}):\n${this.tail.join('\n')}`);
      try {
        const res = await fetch(`${this.baseUrl}/api/health/ready`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) return;
        last = `HTTP ${res.status}`;
      } catch (error) {
        last = (error as Error).message;
      }
      await sleep(250);
    }
    throw new Error(`The API was not ready within ${timeoutMs / 1000} s (${last}):\n${this.tail.join('\n')}`);
  }

  /** Records the SQL the app runs while `fn` runs; nothing else must call the app meanwhile. */
  async capture(fn: () => Promise<void>): Promise<CapturedStatement[]> {
    await this.ipc('capture-start');
    await fn();
    return ((await this.ipc('capture-stop'))['statements'] as CapturedStatement[] | undefined) ?? [];
  }

  /** A V8 CPU profile of the app while `fn` runs, written to `path`. */
  async profile(path: string, fn: () => Promise<void>): Promise<void> {
    await this.ipc('profile-start');
    await fn();
    await this.ipc('profile-stop', { path }, 60_000);
  }

  private nextId = 0;

  /** One request to the preloaded probe (app-probe.cjs) and its answer. */
  private ipc(action: string, extra: Record<string, unknown> = {}, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const id = ++this.nextId;
    return new Promise((done, fail) => {
      const timer = setTimeout(() => {
        this.child.off('message', onMessage);
        fail(new Error(`The API did not answer the benchmark's "${action}" request`));
      }, timeoutMs);
      const onMessage = (message: { type?: string; id?: number; error?: string }) => {
        if (message?.type !== 'pu-bench' || message.id !== id) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        if (message.error) fail(new Error(`${action}: ${message.error}`));
        else done(message);
      };
      this.child.on('message', onMessage);
      this.child.send({ type: 'pu-bench', id, action, ...extra });
    });
  }

  /** SIGTERM, so the app closes its pool and server as in production; SIGKILL after the grace period. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGTERM');
    const killed = await Promise.race([this.exitPromise.then(() => false), sleep(graceMs).then(() => true)]);
    if (killed && !this.exited) {
      console.error(`The API did not stop within ${graceMs / 1000} s of SIGTERM; killing it`);
      this.child.kill('SIGKILL');
      await this.exitPromise;
    }
  }

  get exitInfo() {
    return this.exited;
  }
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
