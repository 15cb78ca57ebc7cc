// `npm run bench:reminders`: times the reminder scan's statement on the database in DATABASE_URL (the
// 1,000,000-case dataset of `npm run bench:api -- --seed-only`, database pu_bench), with the settings' defaults
// or REMINDER_LEAD_WORKING_DAYS, PROMISE_LEAD_MINUTES, REMINDER_OVERDUE_LOOKBACK_DAYS. Everything runs in one
// transaction that is rolled back: the database is left as it was. Prints figures; fails only on an error.
import { reminderThresholds } from '@pu/workflow';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { insertDueReminders } from './reminders.queries';

const STEADY_RUNS = 7;

const int = (name: string, fallback: number) => {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
};

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url)
    throw new Error('Set DATABASE_URL to the benchmark database, e.g. postgres://postgres@127.0.0.1:5432/pu_bench');
  const leads = {
    leadWorkingDays: int('REMINDER_LEAD_WORKING_DAYS', 2),
    promiseLeadMinutes: int('PROMISE_LEAD_MINUTES', 120),
    overdueLookbackDays: int('REMINDER_OVERDUE_LOOKBACK_DAYS', 3),
  };
  const client = new Client({ connectionString: url, application_name: 'przyjazny-urzad/bench-reminders' });
  await client.connect();
  let statements = 0;
  const counted = {
    query: async <T>(sql: string, params?: unknown[]): Promise<T> => {
      statements++;
      return (await client.query(sql, params)).rows as T;
    },
  };
  try {
    const [size] = (
      await client.query<{ cases: string; open: string; promises: string; notifications: string }>(
        `SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM cases WHERE status = 'open') AS open,
                (SELECT count(*) FROM promises WHERE kept_at IS NULL) AS promises,
                (SELECT count(*) FROM notifications) AS notifications`,
      )
    ).rows;
    const n = (v: string | number) => Number(v).toLocaleString('en-US');
    console.log(
      `Dataset: ${n(size.cases)} cases (${n(size.open)} open), ${n(size.promises)} open promises, ${n(size.notifications)} notifications`,
    );
    const load = () => loadavg()[0].toFixed(1);
    console.log(`Machine: ${cpus().length} cores, load average ${load()} before the run`);
    console.log(
      `Leads: ${leads.leadWorkingDays} working days, promises ${leads.promiseLeadMinutes} min, lookback ${leads.overdueLookbackDays} days`,
    );
    await client.query('BEGIN');
    await client.query(`SET LOCAL statement_timeout = '120s'`);

    const scan = async (at = new Date()) => {
      const before = statements;
      const started = performance.now();
      const rows = await insertDueReminders(counted, reminderThresholds(at, leads));
      return {
        ms: performance.now() - started,
        statements: statements - before,
        added: rows.reduce((sum, r) => sum + r.added, 0),
        people: rows.length,
      };
    };
    const first = await scan();
    console.log(
      `First scan (every current event is new): ${first.ms.toFixed(0)} ms, ${first.statements} SQL statement, ` +
        `${n(first.added)} notifications for ${first.people} people`,
    );
    const steady: number[] = [];
    let added = 0;
    let perScan = 0;
    for (let i = 0; i < STEADY_RUNS; i++) {
      const r = await scan();
      steady.push(r.ms);
      added += r.added;
      perScan = Math.max(perScan, r.statements);
    }
    steady.sort((a, b) => a - b);
    console.log(
      `Next ${STEADY_RUNS} scans (nothing new): median ${steady[Math.floor(STEADY_RUNS / 2)].toFixed(0)} ms, ` +
        `max ${steady[STEADY_RUNS - 1].toFixed(0)} ms, ${perScan} SQL statement each, ${added} notifications added`,
    );
    // What every interval of a running system looks like: the events that crossed a threshold since the last scan.
    const later = await scan(new Date(Date.now() + 5 * 60_000));
    console.log(
      `A scan 5 minutes later (REMINDER_SCAN_SECONDS=300): ${later.ms.toFixed(0)} ms, ${later.statements} SQL statement, ` +
        `${n(later.added)} notifications for ${later.people} people`,
    );
    console.log(`Load average ${load()} after the run`);
    const worst = Math.max(first.ms, later.ms, ...steady);
    console.log(`${worst <= 1000 ? 'PASS' : 'FAIL'} one full scan ≤ 1 s (slowest ${worst.toFixed(0)} ms)`);
    console.log(
      `${perScan === 1 && first.statements === 1 ? 'PASS' : 'FAIL'} one SQL statement per scan, whatever the number of cases`,
    );
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
