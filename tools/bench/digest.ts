import { isWorkingDay, warsawDate } from '@pu/workflow';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { AppProcess, ensureBuilt, sleep } from './app-process';
import { databaseUrl, withClient } from './database';

const HELP = `Usage: npm run bench:digest -- [options]

The morning digest on the benchmark database of bench:api (seed it first: npm run bench:api -- --seed-only):
gives every user an address, starts the built API with SMTP_URL pointing at an SMTP capture server started
here and DIGEST_AT at the next minute, and measures from DIGEST_AT until the server has accepted every digest.

Environment: DATABASE_URL (required: any database on the server to use), BENCH_DATABASE.

  --database=NAME   the seeded benchmark database                 (pu_bench)
  --port=N          port of the API under test                    (3920)
  --no-build        do not build the API first when it looks stale
  --help
`;

interface Figures {
  recipients: number;
  digests: number;
  lines: number;
  buildMs: number;
  sendMs: number;
  totalMs: number;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: process.env['BENCH_DATABASE'] ?? 'pu_bench' },
      port: { type: 'string', default: '3920' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) throw new Error('Set DATABASE_URL to any database on the PostgreSQL server to use');
  const benchUrl = databaseUrl(serverUrl, values.database);
  const today = warsawDate(new Date());
  if (!isWorkingDay(today)) {
    console.error(
      `Today (${today}) is not a working day in Poland: no morning digest is due. Run it on a working day.`,
    );
    return 2;
  }
  const seeded = await withClient(serverUrl, async (c) => {
    const { rows } = await c.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [values.database],
    );
    return rows[0]?.comment ?? null;
  });
  if (!seeded?.includes('"state":"ready"'))
    throw new Error(
      `${values.database} is not a seeded benchmark database: npm run bench:api -- --seed-only --database=${values.database}`,
    );
  console.log(`Database ${values.database}: ${seeded.replace(/^pu-bench /, '')}`);
  ensureBuilt(values['no-build'] ? 'never' : 'auto');

  const accepted: number[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        accepted.push(Date.now());
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as { port: number }).port;

  // DIGEST_AT is a whole minute: the next one at least 45 s away leaves time to start and prepare.
  const digestAt = new Date(Math.ceil((Date.now() + 45_000) / 60_000) * 60_000);
  if (warsawDate(digestAt) !== today) throw new Error('Too close to midnight (Warsaw time): run it later');
  const hhmm = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Warsaw',
  }).format(digestAt);
  const poolSize = 2 * availableParallelism();
  const app = AppProcess.spawn({
    databaseUrl: benchUrl,
    port: Number(values.port),
    poolSize,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SMTP_FROM: 'Przyjazny Urząd <no-reply@urzad.example>',
      PUBLIC_URL: 'https://pu.urzad.example',
      DIGEST_AT: hhmm,
      EMAIL_POLL_SECONDS: '1',
      JOBS: 'true',
    },
  });
  try {
    await app.waitReady(120_000);
    // Every user wants the digest only (so reminders of the scan, if it runs, are not mailed meanwhile), and a
    // digest of an earlier run today is forgotten.
    const recipients = await withClient(benchUrl, async (db) => {
      await db.query(`UPDATE users SET email = username || '@urzad.example', email_mode = 'digest'`);
      await db.query(`DELETE FROM email_deliveries WHERE digest_day = $1`, [today]);
      await db.query(`DELETE FROM digest_days WHERE day = $1`, [today]);
      return Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM users WHERE NOT disabled`)).rows[0].n);
    });
    console.log(`\n${recipients} users with an address; digest due at ${hhmm} Warsaw time (${digestAt.toISOString()})`);
    const figures = await measure(benchUrl, today, digestAt, accepted, recipients);
    print(figures);
    return figures.totalMs <= 10_000 ? 0 : 1;
  } finally {
    await app.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
}

async function measure(
  url: string,
  day: string,
  digestAt: Date,
  accepted: number[],
  recipients: number,
): Promise<Figures> {
  const deadline = digestAt.getTime() + 120_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('The digests were not all sent within two minutes of DIGEST_AT');
    await sleep(200);
    const state = await withClient(url, async (db) => {
      const done = (
        await db.query<{ digests: number; completed_at: Date }>(
          `SELECT digests, completed_at FROM digest_days WHERE day = $1`,
          [day],
        )
      ).rows[0];
      if (!done) return null;
      const rows = (
        await db.query<{ waiting: string; started: Date; lines: string }>(
          `SELECT count(*) FILTER (WHERE status <> 'sent') AS waiting, min(created_at) AS started,
                  sum(array_length(regexp_split_to_array(body, E'\\n- '), 1) - 1) AS lines
             FROM email_deliveries WHERE digest_day = $1`,
          [day],
        )
      ).rows[0];
      return { done, waiting: Number(rows.waiting), started: rows.started, lines: Number(rows.lines ?? 0) };
    });
    if (!state || state.waiting > 0 || accepted.length < state.done.digests) continue;
    const last = Math.max(...accepted);
    return {
      recipients,
      digests: state.done.digests,
      lines: state.lines,
      buildMs: state.done.completed_at.getTime() - state.started.getTime(),
      sendMs: last - state.done.completed_at.getTime(),
      totalMs: last - digestAt.getTime(),
    };
  }
}

function print(f: Figures): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`\nMorning digest`);
  console.log(
    `  digests sent          ${f.digests} (of ${f.recipients} users with an address), ${f.lines} lines in all`,
  );
  console.log(`  build (SQL + render)  ${s(f.buildMs)}`);
  console.log(`  send (SMTP accepted)  ${s(f.sendMs)}`);
  console.log(`  DIGEST_AT → last accepted  ${s(f.totalMs)}  (budget 10 s; includes up to 1 s of EMAIL_POLL_SECONDS)`);
  console.log(
    `  load average          ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} (1, 5, 15 min)`,
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
