import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The quality report's narrow copy of every case: one row of only what the report's case sections read (kind,
 * department, channel, month, outcome, root cause, settlement, extensions, the few step fields), so a year's
 * report scans ~100-byte rows by an index on the received instant instead of ~1.5 kB case rows and their jsonb.
 *
 * An AFTER INSERT OR UPDATE trigger on `cases` rewrites a case's row from the case itself, so no code path that
 * writes a case can leave it stale; a deleted case takes its row with it (ON DELETE CASCADE). The projection is
 * written out here once, shared by the backfill and the trigger, and frozen with this migration: a report that
 * needs another figure adds a column in a new migration. The values mirror REPORT_FIELDS, SETTLEMENT_KINDS and
 * OFFICE_TIME_ZONE of libs/workflow as they are now. The function runs as its owner with a fixed search_path,
 * so the runtime role (which may only read the table) can update cases and a caller cannot shadow a function.
 */
const TZ = 'Europe/Warsaw';
const field = (stepId: string, fieldId: string) =>
  `(c.progress -> 'entries' -> '${stepId}' -> 'data' ->> '${fieldId}')`;
const settled = `c.status = 'closed' AND c.kind IN ('complaint', 'aggressive_client') AND jsonb_typeof(c.deadlines -> 'main') = 'object'`;
const informTarget = `COALESCE(
      ((c.deadlines -> 'extensions' -> 0 ->> 'previousDue')::date + 1)::timestamp AT TIME ZONE '${TZ}',
      (c.deadlines -> 'main' ->> 'dueAt')::timestamptz)`;

const PROJECTION = `c.id AS case_id, c.received_at, c.kind, c.channel, c.department_id, c.status, c.outcome, c.root_cause,
    c.closed_at,
    to_char(c.received_at AT TIME ZONE '${TZ}', 'YYYY-MM') AS month,
    CASE WHEN ${settled}
         THEN (c.closed_at AT TIME ZONE '${TZ}')::date - (c.received_at AT TIME ZONE '${TZ}')::date END AS settle_days,
    CASE WHEN ${settled} THEN c.closed_at <= c.due_at END AS settled_within,
    CASE WHEN jsonb_array_length(c.deadlines -> 'extensions') > 0 THEN c.deadlines -> 'extensions' END AS extensions,
    c.inform_hours,
    CASE WHEN c.kind = 'office_error' THEN ${field('inform', 'informedAt')}::timestamptz <= ${informTarget} END
      AS informed_within,
    CASE WHEN c.kind = 'office_error' THEN NULLIF(btrim(${field('close', 'preventiveAction')}), '') END AS preventive,
    CASE WHEN c.kind = 'refusal' THEN ${field('farewell', 'appealInfoGiven')} END AS appeal_info,
    CASE WHEN c.kind = 'aggressive_client' THEN ${field('close', 'severity')} END AS severity,
    CASE WHEN c.kind = 'aggressive_client' THEN ${field('close', 'securityCalled')} = 'true' END AS security,
    CASE WHEN c.kind = 'aggressive_client' THEN ${field('close', 'policeCalled')} = 'true' END AS police,
    CASE WHEN c.kind = 'complaint' THEN ${field('satisfaction', 'satisfaction')} END AS satisfaction,
    CASE WHEN c.kind = 'complaint' THEN
      (CASE WHEN (c.progress -> 'entries' -> 'propose' ->> 'status' = 'completed') THEN 1 ELSE 0 END)
      + COALESCE(jsonb_array_length(c.progress -> 'earlier' -> 'propose'), 0) END AS proposals`;

const COLUMNS = [
  'received_at',
  'kind',
  'channel',
  'department_id',
  'status',
  'outcome',
  'root_cause',
  'closed_at',
  'month',
  'settle_days',
  'settled_within',
  'extensions',
  'inform_hours',
  'informed_within',
  'preventive',
  'appeal_info',
  'severity',
  'security',
  'police',
  'satisfaction',
  'proposals',
];

export class CreateCaseReportFacts1764000900000 implements MigrationInterface {
  name = 'CreateCaseReportFacts1764000900000';

  async up(q: QueryRunner): Promise<void> {
    // Created from the projection itself, so its column types are exactly what the report used to compute.
    await q.query(`CREATE TABLE case_report_facts AS SELECT ${PROJECTION} FROM cases c`);
    await q.query(`ALTER TABLE case_report_facts ADD PRIMARY KEY (case_id),
      ADD FOREIGN KEY (case_id) REFERENCES cases(id) ON DELETE CASCADE,
      ALTER COLUMN received_at SET NOT NULL, ALTER COLUMN kind SET NOT NULL`);
    await q.query(`CREATE INDEX case_report_facts_received_idx ON case_report_facts (received_at)`);
    await q.query(`CREATE INDEX case_report_facts_department_idx ON case_report_facts (department_id, received_at)`);
    // Written only by the trigger below (as the owner); the runtime role reads it for the report.
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON case_report_facts FROM pu_runtime`);
    await q.query(`CREATE FUNCTION case_report_facts_sync() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        INSERT INTO public.case_report_facts SELECT ${PROJECTION} FROM public.cases c WHERE c.id = NEW.id
          ON CONFLICT (case_id) DO UPDATE SET ${COLUMNS.map((n) => `${n} = EXCLUDED.${n}`).join(', ')};
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION case_report_facts_sync() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER cases_report_facts AFTER INSERT OR UPDATE ON cases
      FOR EACH ROW EXECUTE FUNCTION case_report_facts_sync()`);
    await q.query(`ANALYZE case_report_facts`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER cases_report_facts ON cases`);
    await q.query(`DROP FUNCTION case_report_facts_sync()`);
    await q.query(`DROP TABLE case_report_facts`);
  }
}
