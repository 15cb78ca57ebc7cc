import {
  addCalendarDays,
  appealDeadline,
  complaintDeadline,
  councillorReplyDeadline,
  currentStep,
  endOfWarsawDay,
  forwardingDeadline,
  incidentRecordDeadline,
  officeErrorInformDeadline,
  referencePieces,
  warsawDate,
  type DeadlineComputation,
} from '@pu/workflow';
import * as argon2 from 'argon2';
import type { Client } from 'pg';
import {
  ACCOMMODATIONS,
  BENCH_DEPARTMENTS,
  CHANNEL_MIX,
  CLERKS_PER_DEPARTMENT,
  COMPLAINT_OUTCOME_MIX,
  DESCRIPTIONS,
  EMAIL_DOMAINS,
  FEMALE_FIRST_NAMES,
  FEMALE_SURNAMES,
  MALE_FIRST_NAMES,
  PROMISE_CHANNEL_MIX,
  PROMISE_DESCRIPTIONS,
  ROOT_CAUSE_MIX,
  STREETS,
  SUBJECTS,
  SURNAMES,
  feminineSurname,
} from './seed-data';

/** Every seeded account has this password (argon2id with the app's parameters). */
export const BENCH_PASSWORD = 'Bench-haslo-2026';
export const managerUsername = (symbol: string) => `kierownik.${symbol.toLowerCase()}`;

const KINDS = ['complaint', 'office_error', 'refusal', 'aggressive_client'] as const;
const YEARS = 3;

export interface SeedOptions {
  cases: number;
  promises: number;
  batch: number;
}

/**
 * Seeds a freshly migrated database: departments, staff, `cases` cases spread over three years and about
 * `promises` follow-up promises, with set-based SQL in batches. The secondary indexes are dropped for the
 * load and rebuilt from their own definitions afterwards, which is several times faster than maintaining
 * eleven indexes (one of them a trigram GIN) row by row.
 */
export async function seedDatabase(db: Client, opts: SeedOptions): Promise<void> {
  const started = Date.now();
  await tune(db);
  const existing = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM cases`)).rows[0].n);
  if (existing > 0) throw new Error(`The benchmark database already holds ${existing} cases; run with --reseed`);

  const office = await seedOffice(db);
  console.log(`  office: ${office.departments.length} departments, ${office.users} users (password ${BENCH_PASSWORD})`);

  const { from, to } = seedPeriod();
  await createDeadlineTable(db, from, to);
  await createReferenceTable(db, office, from, to);

  const dropped = await dropSecondaryIndexes(db, ['cases', 'promises']);
  console.log(`  dropped ${dropped.length} secondary indexes for the load`);

  await loadCases(db, opts, office, from, to);

  const indexStart = Date.now();
  for (const index of dropped) {
    const t = Date.now();
    await db.query(index.def);
    console.log(`  index ${index.name.padEnd(34)} ${((Date.now() - t) / 1000).toFixed(1).padStart(5)} s`);
  }
  console.log(`  indexes rebuilt in ${((Date.now() - indexStart) / 1000).toFixed(1)} s`);

  // The load ran with triggers off, so the quality report's fact rows and monthly sums are derived in one go.
  const reportStart = Date.now();
  await db.query(`SELECT case_report_rebuild()`);
  await db.query(`VACUUM (ANALYZE) case_report_facts, case_report_rollup`);
  console.log(`  report facts and monthly sums in ${((Date.now() - reportStart) / 1000).toFixed(1)} s`);

  const vacuumStart = Date.now();
  // VACUUM sets the visibility map and hint bits, so neither autovacuum nor the first readers do it mid-run.
  await db.query(`VACUUM (ANALYZE) cases`);
  await db.query(`VACUUM (ANALYZE) promises`);
  await db.query(`ANALYZE case_counters, users, departments, sessions`);
  await db.query(`CHECKPOINT`).catch(() => undefined);
  console.log(`  VACUUM ANALYZE and checkpoint in ${((Date.now() - vacuumStart) / 1000).toFixed(1)} s`);
  console.log(`  seeding took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function tune(db: Client): Promise<void> {
  await db.query(`SET synchronous_commit = off`);
  // JIT-compiling the batch statement's large expressions costs seconds per batch, far more than it saves.
  await db.query(`SET jit = off`);
  await db.query(`SET work_mem = '256MB'`);
  await db.query(`SET maintenance_work_mem = '512MB'`);
  await db.query(`SELECT setseed(0.2026)`);
  try {
    // Foreign keys are right by construction; skipping their per-row checks needs a superuser.
    await db.query(`SET session_replication_role = replica`);
  } catch {
    console.log('  (not a superuser: foreign keys are checked row by row, which is slower)');
  }
}

interface Office {
  departments: { id: string; symbol: string }[];
  managers: string[];
  clerks: string[][];
  users: number;
}

async function seedOffice(db: Client): Promise<Office> {
  const passwordHash = await argon2.hash(BENCH_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  const departments: Office['departments'] = [];
  const managers: string[] = [];
  const clerks: string[][] = [];
  let n = 0;
  const person = () => {
    n += 1;
    const female = n % 2 === 0;
    const first = (female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)[(n * 7) % 40];
    const last = SURNAMES[(n * 13) % SURNAMES.length];
    return `${first} ${female ? feminineSurname(last) : last}`;
  };
  const addUser = async (username: string, role: string, departmentId: string) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO users (username, display_name, email, password_hash, role, department_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [username, person(), `${username}@urzad.example.pl`, passwordHash, role, departmentId],
      )
    ).rows[0].id;
  for (const d of BENCH_DEPARTMENTS) {
    const id = (
      await db.query<{ id: string }>(`INSERT INTO departments (symbol, name) VALUES ($1, $2) RETURNING id`, [
        d.symbol,
        d.name,
      ])
    ).rows[0].id;
    departments.push({ id, symbol: d.symbol });
    const sym = d.symbol.toLowerCase();
    managers.push(await addUser(managerUsername(d.symbol), 'manager', id));
    const staff: string[] = [];
    for (let i = 1; i <= CLERKS_PER_DEPARTMENT; i++) staff.push(await addUser(`urzednik.${sym}.${i}`, 'clerk', id));
    clerks.push(staff);
  }
  const or = departments.find((d) => d.symbol === 'OR') ?? departments[0];
  await addUser('jakosc', 'quality', or.id);
  await addUser('admin', 'admin', or.id);
  return { departments, managers, clerks, users: departments.length * (1 + CLERKS_PER_DEPARTMENT) + 2 };
}

/** Three years up to yesterday (Warsaw days), so no case is received in the future. */
function seedPeriod(): { from: Date; to: Date } {
  const today = warsawDate(new Date());
  const to = endOfWarsawDay(addCalendarDays(today, -1));
  const from = new Date(endOfWarsawDay(addCalendarDays(today, -1 - 365 * YEARS)).getTime() + 1);
  return { from, to };
}

/**
 * Deadlines depend only on the Warsaw day of the event, so the app's own deadline functions are run once per
 * day and kind, into a temporary table the case inserts join (holidays and weekend shifts included).
 */
async function createDeadlineTable(db: Client, from: Date, to: Date): Promise<void> {
  const rows: { kind: string; day: string; due_at: string; info: DeadlineComputation }[] = [];
  const last = warsawDate(to);
  for (let day = warsawDate(from); day <= last; day = addCalendarDays(day, 1)) {
    // Midday, well inside the day whatever the offset.
    const at = new Date(endOfWarsawDay(day).getTime() - 12 * 3_600_000);
    const add = (kind: string, info: DeadlineComputation) => rows.push({ kind, day, due_at: info.dueAt, info });
    add('complaint', complaintDeadline(at));
    add('office_error', officeErrorInformDeadline(at));
    add('aggressive_client', incidentRecordDeadline(at));
    add('forwarding', forwardingDeadline(at));
    add('councillor', councillorReplyDeadline(at));
    add('appeal', appealDeadline(at));
  }
  await db.query(
    `CREATE TEMP TABLE bench_deadlines (kind text, day date, due_at timestamptz, info jsonb, PRIMARY KEY (kind, day))`,
  );
  await db.query(
    `INSERT INTO bench_deadlines SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(kind text, day date, due_at timestamptz, info jsonb)`,
    [JSON.stringify(rows)],
  );
  await db.query(`ANALYZE bench_deadlines`);
}

/**
 * References are formatted by the app's own function once per register, department and year; the case inserts
 * join the pieces with each case's number, as the app's insert does.
 */
async function createReferenceTable(db: Client, office: Office, from: Date, to: Date): Promise<void> {
  const { rows: registers } = await db.query<{ kind: string; jrwa: string; format: string }>(
    `SELECT kind, jrwa, format FROM case_registers`,
  );
  const rows: { kind: string; department_id: string; year: number; pieces: string[] }[] = [];
  const [first, last] = [Number(warsawDate(from).slice(0, 4)), Number(warsawDate(to).slice(0, 4))];
  for (let year = first; year <= last; year++)
    for (const r of registers)
      for (const d of office.departments)
        rows.push({
          kind: r.kind,
          department_id: d.id,
          year,
          pieces: referencePieces(r.format, { department: d.symbol, jrwa: r.jrwa, year }),
        });
  await db.query(
    `CREATE TEMP TABLE bench_references (kind text, department_id uuid, year int, pieces text[], PRIMARY KEY (kind, department_id, year))`,
  );
  await db.query(
    `INSERT INTO bench_references SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(kind text, department_id uuid, year int, pieces text[])`,
    [JSON.stringify(rows)],
  );
}

async function dropSecondaryIndexes(db: Client, tables: string[]): Promise<{ name: string; def: string }[]> {
  // Indexes behind a constraint (primary keys, UNIQUE) stay: the load keeps them correct.
  const { rows } = await db.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY t.relname, i.relname`,
    [tables],
  );
  for (const r of rows) await db.query(`DROP INDEX ${r.name}`);
  return rows;
}

async function loadCases(db: Client, opts: SeedOptions, office: Office, from: Date, to: Date): Promise<void> {
  const batches = Math.ceil(opts.cases / opts.batch);
  const sliceMs = (to.getTime() - from.getTime()) / batches;
  // Promises per case: 0, 1 or 2, in the proportion 70 : 15 (of the wanted ratio) for one and two.
  const ratio = Math.min(opts.promises / opts.cases, 1.5);
  const p2 = ratio * 0.15;
  const p1 = ratio - 2 * p2;
  const deptPick = BENCH_DEPARTMENTS.flatMap((d, i) => Array<number>(d.share).fill(i + 1));
  if (deptPick.length !== 100) throw new Error('department shares must add up to 100');
  const params: Record<string, unknown> = {
    today: warsawDate(new Date()),
    deptPick,
    deptIds: office.departments.map((d) => d.id),
    deptSymbols: office.departments.map((d) => d.symbol),
    managers: office.managers,
    clerks: office.clerks,
    channels: KINDS.map((k) => CHANNEL_MIX[k]),
    femaleFirst: FEMALE_FIRST_NAMES,
    maleFirst: MALE_FIRST_NAMES,
    femaleLast: FEMALE_SURNAMES,
    maleLast: SURNAMES,
    streets: STREETS,
    domains: EMAIL_DOMAINS,
    accommodations: ACCOMMODATIONS,
    outcomes: COMPLAINT_OUTCOME_MIX,
    rootCauses: ROOT_CAUSE_MIX,
    promiseDescriptions: PROMISE_DESCRIPTIONS,
    promiseChannels: PROMISE_CHANNEL_MIX,
    p1,
    p2,
    ...Object.fromEntries(KINDS.map((k, i) => [`subjects${i + 1}`, SUBJECTS[k]])),
    ...Object.fromEntries(KINDS.map((k, i) => [`descriptions${i + 1}`, DESCRIPTIONS[k]])),
    // What the app derives for a case with no step done yet (seeded cases carry no step entries).
    ...Object.fromEntries(
      KINDS.map((k, i) => [`step${i + 1}`, currentStep({ kind: k, entries: {}, closed: false, lastCompleted: [] })]),
    ),
  };
  const started = Date.now();
  let cases = 0;
  let promises = 0;
  for (let b = 0; b < batches; b++) {
    const rows = Math.min(opts.batch, opts.cases - cases);
    const { text, values } = named(BATCH_SQL, {
      ...params,
      rows,
      sliceStart: new Date(from.getTime() + b * sliceMs).toISOString(),
      sliceSeconds: sliceMs / 1000,
    });
    const result = await db.query<{ cases: string; promises: string }>(text, values);
    cases += Number(result.rows[0].cases);
    promises += Number(result.rows[0].promises);
    const seconds = (Date.now() - started) / 1000;
    const rate = cases / seconds;
    const eta = (opts.cases - cases) / rate;
    console.log(
      `  cases ${fmt(cases).padStart(9)} / ${fmt(opts.cases)} (${((100 * cases) / opts.cases).toFixed(0).padStart(3)} %)` +
        `  ${fmt(Math.round(rate)).padStart(7)} rows/s  ETA ${eta.toFixed(0).padStart(3)} s  promises ${fmt(promises)}`,
    );
  }
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** `:name` placeholders to $n (a `::type` cast is left alone). */
function named(sql: string, params: Record<string, unknown>): { text: string; values: unknown[] } {
  const order: string[] = [];
  const text = sql.replace(/(?<!:):([a-zA-Z]\w*)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`No value for :${name}`);
    let i = order.indexOf(name);
    if (i < 0) i = order.push(name) - 1;
    return `$${i + 1}`;
  });
  return { text, values: order.map((n) => params[n]) };
}

/** A random element of a parameter array, chosen by a random number r in [0, 1). */
const pick = (array: string, r: string, type = 'text') =>
  `(:${array}::${type}[])[1 + floor((${r}) * cardinality(:${array}::${type}[]))::int]`;
const byKind = (prefix: string, r: string) =>
  `CASE kind_no ${[1, 2, 3, 4].map((i) => `WHEN ${i} THEN ${pick(`${prefix}${i}`, r)}`).join(' ')} END`;

/**
 * One batch: `rows` cases received within one time slice (slices follow each other, so register numbers grow
 * with time), their promises, and the registers' counters. Numbers continue from case_counters, the way the app
 * numbers a new case, so the counters always hold the last number used.
 */
const BATCH_SQL = `
WITH r AS MATERIALIZED (
  SELECT i, gen_random_uuid() AS id,
         :sliceStart::timestamptz + random() * :sliceSeconds::float8 * interval '1 second' AS t0,
         random() AS r_kind, random() AS r_dept, random() AS r_chan, random() AS r_time, random() AS r_status,
         random() AS r_close, random() AS r_assignee, random() AS r_creator, random() AS r_gender, random() AS r_first,
         random() AS r_last, random() AS r_anon, random() AS r_addr, random() AS r_house, random() AS r_phone,
         random() AS r_email, random() AS r_acc, random() AS r_subject, random() AS r_desc, random() AS r_outcome,
         random() AS r_cause, random() AS r_promise, random() AS r_step, random() AS r_due, random() AS r_councillor
    FROM generate_series(1, :rows::int) AS g(i)
),
k AS (
  SELECT r.*,
         CASE WHEN r_kind < 0.55 THEN 1 WHEN r_kind < 0.75 THEN 2 WHEN r_kind < 0.90 THEN 3 ELSE 4 END AS kind_no,
         (:deptPick::int[])[1 + floor(r_dept * 100)::int] AS dept_no,
         (t0 AT TIME ZONE 'Europe/Warsaw')::date AS day
    FROM r
),
c AS (
  SELECT k.*,
         (ARRAY['complaint', 'office_error', 'refusal', 'aggressive_client'])[kind_no] AS kind,
         (:channels::text[])[kind_no][1 + floor(r_chan * 20)::int] AS raw_channel,
         :today::date - day AS age_days,
         extract(year FROM day)::int AS year,
         r_gender < 0.52 AS female
    FROM k
),
d AS (
  SELECT c.*,
         -- Nobody comes to the counter or phones on a Sunday: weekend cases arrived in writing.
         CASE WHEN raw_channel IN ('in_person', 'phone') AND extract(isodow FROM day) >= 6
              THEN CASE WHEN r_time < 0.5 THEN 'email' ELSE 'epuap' END ELSE raw_channel END AS channel,
         -- Recent cases are mostly open; a tenth of older ones are still open (and overdue).
         CASE WHEN r_status < 0.10 + 0.90 * exp(-age_days / 60.0) THEN 'open' ELSE 'closed' END AS status,
         (kind = 'complaint' AND r_anon < 0.06) OR (kind = 'aggressive_client' AND r_anon < 0.35) AS anonymous,
         CASE WHEN female THEN ${pick('femaleFirst', 'r_first')} ELSE ${pick('maleFirst', 'r_first')} END AS first_name,
         CASE WHEN female THEN (:femaleLast::text[])[1 + floor(r_last * cardinality(:femaleLast::text[]))::int]
              ELSE (:maleLast::text[])[1 + floor(r_last * cardinality(:maleLast::text[]))::int] END AS last_name,
         (:deptIds::uuid[])[dept_no] AS department_id,
         (:deptSymbols::text[])[dept_no] AS department_symbol
    FROM c
),
e AS (
  SELECT d.*,
         (day + CASE WHEN channel IN ('in_person', 'phone', 'letter') THEN interval '7 hours 30 minutes' + r_time * interval '8 hours'
                     ELSE r_time * interval '24 hours' END) AT TIME ZONE 'Europe/Warsaw' AS received_at,
         kind = 'complaint' AND NOT anonymous AND r_councillor < 0.01 AS councillor,
         -- The outcome column of a closed case, as the app writes it for each kind.
         CASE WHEN status = 'closed' THEN
           CASE kind WHEN 'complaint' THEN CASE WHEN anonymous THEN 'left_without_consideration' ELSE ${pick('outcomes', 'r_outcome')} END
                     WHEN 'office_error' THEN 'fixed'
                     WHEN 'refusal' THEN 'delivered'
                     ELSE CASE WHEN r_outcome < 0.85 THEN 'handled' ELSE 'not_handled' END END END AS outcome
    FROM d
),
numbered AS (
  SELECT e.*,
         COALESCE(cc.last_n, 0) + row_number() OVER (PARTITION BY e.kind, e.department_id, e.year ORDER BY e.received_at, e.i) AS seq
    FROM e
    LEFT JOIN case_counters cc ON cc.kind = e.kind AND cc.department_id = e.department_id AND cc.year = e.year
),
rows AS (
  SELECT n.id, n.kind, n.year, n.seq, n.department_id, n.channel, n.received_at, n.status,
         array_to_string(ref.pieces, n.seq::text) AS reference,
         ${byKind('subjects', 'r_subject')} AS subject,
         CASE WHEN r_desc < 0.6 THEN ${byKind('descriptions', 'r_desc / 0.6')} END AS description,
         CASE WHEN NOT anonymous THEN first_name || ' ' || last_name END AS client_name,
         CASE WHEN NOT anonymous AND r_addr < 0.8
              THEN 'ul. ' || ${pick('streets', 'r_addr / 0.8')} || ' ' || (1 + floor(r_house * 150))::int
                   || CASE WHEN r_addr < 0.35 THEN '/' || (1 + floor(r_house * 997)::int % 60) ELSE '' END
                   || ', 0' || (1 + floor(r_house * 4))::int || '-' || lpad((floor(r_addr * 7919)::int % 1000)::text, 3, '0')
                   || ' Warszawa' END AS client_address,
         CASE WHEN NOT anonymous AND r_phone < 0.5
              THEN regexp_replace((500000000 + floor(r_phone * 2 * 399999999))::bigint::text, '^(...)(...)(...)$', '+48 \\1 \\2 \\3') END AS client_phone,
         CASE WHEN NOT anonymous AND r_email < 0.4
              THEN lower(translate(first_name || '.' || last_name, 'ĄĆĘŁŃÓŚŹŻąćęłńóśźż', 'ACELNOSZZacelnoszz'))
                   || CASE WHEN r_email < 0.2 THEN (floor(r_email * 500)::int)::text ELSE '' END
                   || '@' || ${pick('domains', 'r_email / 0.4')} END AS client_email,
         CASE WHEN r_acc < 0.03 THEN ${pick('accommodations', 'r_acc / 0.03')} END AS client_accommodation,
         n.councillor AS client_is_councillor,
         CASE WHEN r_assignee < 0.03 THEN NULL
              WHEN r_assignee < 0.08 THEN (:managers::uuid[])[dept_no]
              ELSE (:clerks::uuid[])[dept_no][1 + floor((r_assignee - 0.08) / 0.92 * 6)::int] END AS assignee_id,
         (:clerks::uuid[])[dept_no][1 + floor(r_creator * 6)::int] AS created_by,
         CASE WHEN n.status = 'open' THEN (ARRAY[:step1::text, :step2::text, :step3::text, :step4::text])[kind_no] END AS current_step,
         jsonb_build_object('kind', n.kind, 'entries', '{}'::jsonb, 'closed', n.status = 'closed', 'lastCompleted', '[]'::jsonb) AS progress,
         jsonb_build_object('main', dl.info, 'extensions', '[]'::jsonb)
           || CASE WHEN n.kind = 'complaint' THEN jsonb_build_object('forwarding', df.info) ELSE '{}'::jsonb END
           || CASE WHEN n.councillor THEN jsonb_build_object('councillorReply', dc.info) ELSE '{}'::jsonb END
           || CASE WHEN da.info IS NOT NULL THEN jsonb_build_object('appeal', da.info) ELSE '{}'::jsonb END AS deadlines,
         dl.due_at,
         CASE WHEN n.kind IN ('office_error', 'aggressive_client') THEN n.received_at END AS event_at,
         n.outcome,
         CASE WHEN n.outcome IN ('justified', 'partly_justified', 'unjustified') THEN ${pick('rootCauses', 'r_cause')} END AS root_cause,
         CASE WHEN n.status = 'closed' AND n.kind = 'office_error' THEN round((0.25 + r_close * 30)::numeric, 2) END AS inform_hours,
         CASE WHEN r_promise < :p2::float8 THEN 2 WHEN r_promise < :p1::float8 + :p2::float8 THEN 1 ELSE 0 END AS promise_count,
         CASE WHEN n.status = 'closed' THEN 6 + floor(r_step * 6)::int ELSE 1 + floor(r_step * 4)::int END AS version,
         LEAST(n.received_at + r_creator * interval '2 hours', now()) AS created_at,
         CASE WHEN n.status = 'closed'
              THEN GREATEST(n.received_at, LEAST(n.received_at + (0.2 + r_close * r_close * 45) * interval '1 day', now())) END AS closed_at
    FROM numbered n
    JOIN bench_references ref ON ref.kind = n.kind AND ref.department_id = n.department_id AND ref.year = n.year
    -- A refusal has no settlement date (due_at stays null); once the decision is delivered the appeal period runs.
    LEFT JOIN bench_deadlines dl ON dl.kind = n.kind AND dl.day = n.day
    LEFT JOIN bench_deadlines df ON n.kind = 'complaint' AND df.kind = 'forwarding' AND df.day = n.day
    LEFT JOIN bench_deadlines dc ON n.councillor AND dc.kind = 'councillor' AND dc.day = n.day
    LEFT JOIN bench_deadlines da ON n.kind = 'refusal' AND (n.status = 'closed' OR n.r_due < 0.5) AND da.kind = 'appeal' AND da.day = n.day
),
-- Seeded cases were never transferred: the register that numbered them is the department that holds them.
ins_cases AS (
  INSERT INTO cases (id, kind, reference, year, seq, subject, description, channel, received_at, client_name, client_address,
                     client_phone, client_email, client_accommodation, client_is_councillor, department_id, register_department_id, assignee_id, status,
                     current_step, progress, deadlines, due_at, event_at, outcome, root_cause, inform_hours, promise_count,
                     version, created_by, created_at, closed_at)
  SELECT id, kind, reference, year, seq, subject, description, channel, received_at, client_name, client_address,
         client_phone, client_email, client_accommodation, client_is_councillor, department_id, department_id, assignee_id, status,
         current_step, progress, deadlines, due_at, event_at, outcome, root_cause, inform_hours, promise_count,
         version, created_by, created_at, closed_at
    FROM rows
   ORDER BY received_at
  RETURNING 1
),
ins_promises AS (
  INSERT INTO promises (id, case_id, description, channel, due_at, kept_at, broken_before_reschedule, reschedule_count,
                        last_client_told_at, created_by, created_at, version)
  SELECT gen_random_uuid(), x.id, ${pick('promiseDescriptions', 'p.q1')}, ${pick('promiseChannels', 'p.q2')}, p.due,
         CASE WHEN x.status = 'closed' THEN
                CASE WHEN p.q3 < 0.88 THEN x.received_at + (p.due - x.received_at) * p.q4
                     ELSE LEAST(p.due + p.q4 * interval '3 days', now()) END
              WHEN p.due < now() THEN CASE WHEN p.q3 < 0.7 THEN x.received_at + (p.due - x.received_at) * p.q4 END
              ELSE CASE WHEN p.q3 < 0.3 THEN x.received_at + (now() - x.received_at) * p.q4 END END,
         p.q5 < 0.02, CASE WHEN p.q5 < 0.05 THEN 1 ELSE 0 END,
         CASE WHEN p.q5 < 0.05 THEN x.received_at + (p.due - x.received_at) * 0.5 END,
         COALESCE(x.assignee_id, x.created_by),
         LEAST(x.received_at + (p.due - x.received_at) * 0.1, now()),
         CASE WHEN p.q5 < 0.05 THEN 2 ELSE 1 END
    FROM rows x
    CROSS JOIN LATERAL (
      SELECT x.received_at + (0.5 + random() * 6 + (s.k - 1) * 5) * interval '1 day' AS due,
             random() AS q1, random() AS q2, random() AS q3, random() AS q4, random() AS q5
        FROM generate_series(1, x.promise_count) AS s(k)
    ) p
  RETURNING 1
),
ins_counters AS (
  INSERT INTO case_counters (kind, department_id, year, last_n)
  SELECT kind, department_id, year, max(seq) FROM rows GROUP BY kind, department_id, year
  ON CONFLICT (kind, department_id, year) DO UPDATE SET last_n = GREATEST(case_counters.last_n, EXCLUDED.last_n)
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins_cases) AS cases, (SELECT count(*) FROM ins_promises) AS promises, (SELECT count(*) FROM ins_counters) AS counters`;
