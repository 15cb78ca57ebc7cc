import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases of the four kinds, their registers, follow-up promises and idempotency keys. */
export class CreateCases1763900100000 implements MigrationInterface {
  name = 'CreateCases1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // Reference number format per kind; the office may change symbol and format here.
    await q.query(`CREATE TABLE case_registers (
      kind text PRIMARY KEY CHECK (kind IN ('complaint', 'office_error', 'refusal', 'aggressive_client')),
      jrwa text NOT NULL,
      format text NOT NULL CHECK (format LIKE '%{n}%'),
      version integer NOT NULL DEFAULT 1
    )`);
    await q.query(`INSERT INTO case_registers (kind, jrwa, format) VALUES
      ('complaint', '1510', '{department}.1510.{n}.{yyyy}'),
      ('office_error', 'PU', '{department}.{jrwa}.{n}.{yyyy}'),
      ('refusal', 'DO', '{department}.{jrwa}.{n}.{yyyy}'),
      ('aggressive_client', 'AK', '{department}.{jrwa}.{n}.{yyyy}')`);
    // One row per register and year; incremented in the case's own statement, so a failed insert leaves no gap.
    await q.query(`CREATE TABLE case_counters (
      kind text NOT NULL,
      department_id uuid NOT NULL REFERENCES departments(id),
      year integer NOT NULL,
      last_n integer NOT NULL,
      PRIMARY KEY (kind, department_id, year)
    )`);
    await q.query(`CREATE TABLE cases (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('complaint', 'office_error', 'refusal', 'aggressive_client')),
      reference text NOT NULL UNIQUE,
      year integer NOT NULL,
      seq integer NOT NULL,
      subject text NOT NULL,
      description text,
      channel text NOT NULL CHECK (channel IN ('in_person', 'phone', 'email', 'letter', 'epuap')),
      received_at timestamptz NOT NULL,
      client_name text,
      client_address text,
      client_phone text,
      client_email text,
      client_accommodation text,
      client_is_councillor boolean NOT NULL DEFAULT false,
      department_id uuid NOT NULL REFERENCES departments(id),
      -- A transferred case keeps its number, so numbers are unique per the register that issued them.
      register_department_id uuid NOT NULL REFERENCES departments(id),
      assignee_id uuid REFERENCES users(id),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      current_step text,
      progress jsonb NOT NULL,
      deadlines jsonb NOT NULL,
      due_at timestamptz,
      due_sort timestamptz GENERATED ALWAYS AS (COALESCE(due_at, '9999-12-31 00:00:00+00'::timestamptz)) STORED,
      event_at timestamptz,
      outcome text,
      root_cause text,
      inform_hours numeric(10, 2),
      promise_count integer NOT NULL DEFAULT 0,
      repeat_of_case_id uuid REFERENCES cases(id),
      follows_case_id uuid REFERENCES cases(id),
      search_text text GENERATED ALWAYS AS (lower(reference || ' ' || subject || ' ' || COALESCE(client_name, ''))) STORED,
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      CONSTRAINT cases_register_number_key UNIQUE (kind, register_department_id, year, seq)
    )`);
    // Keyset pagination: every list is (scope, sort key, id), one index each, so a deep page costs what the first does.
    await q.query(`CREATE INDEX cases_department_due_idx ON cases (department_id, due_sort, id)`);
    await q.query(`CREATE INDEX cases_department_received_idx ON cases (department_id, received_at, id)`);
    await q.query(
      `CREATE INDEX cases_department_open_due_idx ON cases (department_id, due_sort, id) WHERE status = 'open'`,
    );
    await q.query(
      `CREATE INDEX cases_assignee_due_idx ON cases (assignee_id, due_sort, id) WHERE assignee_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX cases_assignee_received_idx ON cases (assignee_id, received_at, id) WHERE assignee_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX cases_due_idx ON cases (due_sort, id)`);
    await q.query(`CREATE INDEX cases_received_idx ON cases (received_at, id)`);
    await q.query(`CREATE INDEX cases_open_due_idx ON cases (due_sort, id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX cases_search_idx ON cases USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX cases_repeat_of_idx ON cases (repeat_of_case_id) WHERE repeat_of_case_id IS NOT NULL`);
    await q.query(`CREATE INDEX cases_follows_idx ON cases (follows_case_id) WHERE follows_case_id IS NOT NULL`);

    await q.query(`CREATE TABLE promises (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id),
      description text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('in_person', 'phone', 'email', 'letter', 'epuap')),
      due_at timestamptz NOT NULL,
      kept_at timestamptz,
      broken_before_reschedule boolean NOT NULL DEFAULT false,
      reschedule_count integer NOT NULL DEFAULT 0,
      last_client_told_at timestamptz,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    )`);
    await q.query(`CREATE INDEX promises_case_idx ON promises (case_id, due_at)`);
    await q.query(`CREATE INDEX promises_open_creator_idx ON promises (created_by, due_at) WHERE kept_at IS NULL`);
    await q.query(`CREATE INDEX promises_open_due_idx ON promises (due_at) WHERE kept_at IS NULL`);

    // A retried POST with the same key returns the first answer instead of creating a second record.
    await q.query(`CREATE TABLE idempotency_keys (
      user_id uuid NOT NULL,
      key text NOT NULL,
      scope text NOT NULL,
      request_hash text NOT NULL,
      resource_id uuid NOT NULL,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE promises`);
    await q.query(`DROP TABLE cases`);
    await q.query(`DROP TABLE case_counters`);
    await q.query(`DROP TABLE case_registers`);
  }
}
