import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The quality report from monthly sums instead of every case: `case_report_rollup` holds, per Warsaw month and
 * department, how many cases have each reported value (metric + up to three keys, e.g. `settle` / kind / days /
 * in time), so a year against the year before sums a few tens of thousands of rows instead of aggregating
 * 700,000 cases a dozen ways (docs/performance.md, "quality report from monthly sums"). Medians and the 90th
 * percentile stay exact: what they are taken of (days to settle, hours to inform) is kept as a histogram.
 *
 * Written without locks: a trigger on `case_report_facts` appends what a case's change adds and takes away
 * (`compacted = false`), so concurrent case writes never wait for each other or deadlock on a shared sum;
 * `case_report_rollup_compact()` (a job every few minutes) folds those rows into one per key. A reader sums
 * whatever is there, compacted or not, so the report is exact between compactions too.
 *
 * Refusals need to know whether an appeal or a complaint followed them, which is a property of other cases: the
 * fact row gains `followers` and `complaint_followers`, refreshed when a follow-up is written or deleted.
 *
 * The projection of migration 1764000900000 is copied here (a migration never changes, so it is not imported) and
 * becomes the view `case_report_facts_source`, shared by the trigger and `case_report_rebuild()`, which refills
 * both tables from the cases (the backfill below, and the benchmark's seed, which loads cases with triggers off).
 */
const TZ = 'Europe/Warsaw';
const field = (stepId: string, fieldId: string) =>
  `(c.progress -> 'entries' -> '${stepId}' -> 'data' ->> '${fieldId}')`;
const settled = `c.status = 'closed' AND c.kind IN ('complaint', 'aggressive_client') AND jsonb_typeof(c.deadlines -> 'main') = 'object'`;
const informTarget = `COALESCE(
      ((c.deadlines -> 'extensions' -> 0 ->> 'previousDue')::date + 1)::timestamp AT TIME ZONE '${TZ}',
      (c.deadlines -> 'main' ->> 'dueAt')::timestamptz)`;
const followers = (filter: string) =>
  `CASE WHEN c.kind = 'refusal' THEN (SELECT count(*)::int FROM public.cases x WHERE x.follows_case_id = c.id${filter}) ELSE 0 END`;

/** Migration 1764000900000's projection, as it was. */
const FIRST_PROJECTION = `c.id AS case_id, c.received_at, c.kind, c.channel, c.department_id, c.status, c.outcome, c.root_cause,
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

const PROJECTION = `${FIRST_PROJECTION},
    ${followers('')} AS followers,
    ${followers(` AND x.kind = 'complaint'`)} AS complaint_followers`;

const COLUMNS = [
  'case_id',
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
  'followers',
  'complaint_followers',
];
const COLUMN_LIST = COLUMNS.join(', ');
const UPDATES = COLUMNS.slice(1)
  .map((n) => `${n} = EXCLUDED.${n}`)
  .join(', ');

/**
 * What one fact row counts for, one row per metric. Keys are text, '' for "none", so the sums' unique index
 * needs no NULLS NOT DISTINCT; the report's statement (api/src/app/reports) reads the same codes back.
 */
const CONTRIBUTIONS = `
  SELECT 'count', f.kind, COALESCE(f.channel, ''), '', 0::numeric
  UNION ALL SELECT 'cause', COALESCE(f.root_cause, ''), '', '', 0 WHERE f.kind = 'complaint'
  UNION ALL SELECT 'outcome', f.outcome, '', '', 0
   WHERE f.kind = 'complaint' AND f.status = 'closed' AND f.outcome IS NOT NULL
  UNION ALL SELECT 'settle', f.kind, f.settle_days::text, COALESCE(f.settled_within::text, ''), 0
   WHERE f.settle_days IS NOT NULL
  UNION ALL SELECT 'extended', '', '', '', jsonb_array_length(f.extensions) WHERE f.extensions IS NOT NULL
  UNION ALL SELECT 'reason', COALESCE(btrim(e ->> 'reason'), ''), '', '', 0
   FROM jsonb_array_elements(CASE WHEN jsonb_typeof(f.extensions) = 'array' THEN f.extensions ELSE '[]' END) e
  UNION ALL SELECT 'office_error', COALESCE(f.inform_hours::text, ''), COALESCE(f.informed_within::text, ''),
         (f.preventive IS NOT NULL)::text, 0 WHERE f.kind = 'office_error'
  UNION ALL SELECT 'refusal', COALESCE(f.appeal_info, ''), (f.complaint_followers > 0)::text,
         (f.followers > f.complaint_followers)::text, 0 WHERE f.kind = 'refusal'
  UNION ALL SELECT 'incident', COALESCE(f.severity, 'unrecorded'), COALESCE(f.security::text, ''),
         COALESCE(f.police::text, ''), 0 WHERE f.kind = 'aggressive_client'
  UNION ALL SELECT 'satisfaction', COALESCE(f.satisfaction, ''), COALESCE(f.proposals::text, ''), '', 0
   WHERE f.kind = 'complaint'`;

const KEY = 'month, department_id, metric, k1, k2, k3';

export class CreateCaseReportRollup1764001000000 implements MigrationInterface {
  name = 'CreateCaseReportRollup1764001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_report_facts ADD COLUMN followers integer NOT NULL DEFAULT 0,
      ADD COLUMN complaint_followers integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE VIEW case_report_facts_source AS SELECT ${PROJECTION} FROM public.cases c`);
    await q.query(`REVOKE ALL ON case_report_facts_source FROM pu_runtime`);
    // The report's list of preventive actions: the few office errors that have one, newest first.
    await q.query(`CREATE INDEX case_report_facts_preventive_idx ON case_report_facts (received_at)
      WHERE preventive IS NOT NULL`);

    // The report's promise figures read a period's promises by due date: from the index alone.
    await q.query(`CREATE INDEX promises_report_idx ON promises (due_at)
      INCLUDE (kept_at, broken_before_reschedule, case_id)`);

    await q.query(`CREATE TABLE case_report_rollup (
      month text NOT NULL,
      department_id uuid NOT NULL,
      metric text NOT NULL,
      k1 text NOT NULL,
      k2 text NOT NULL,
      k3 text NOT NULL,
      n integer NOT NULL,
      amount numeric NOT NULL,
      compacted boolean NOT NULL DEFAULT false)`);
    await q.query(`CREATE UNIQUE INDEX case_report_rollup_key ON case_report_rollup (${KEY}) WHERE compacted`);
    await q.query(`CREATE INDEX case_report_rollup_pending ON case_report_rollup (month) WHERE NOT compacted`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON case_report_rollup FROM pu_runtime`);

    await q.query(`CREATE FUNCTION case_report_contributions(f case_report_facts)
      RETURNS TABLE (metric text, k1 text, k2 text, k3 text, amount numeric)
      LANGUAGE sql IMMUTABLE AS $$ ${CONTRIBUTIONS} $$`);

    // What a fact row's change adds and takes away, netted, appended without touching any other row.
    await q.query(`CREATE FUNCTION case_report_rollup_sync() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO public.case_report_rollup (${KEY}, n, amount)
          SELECT NEW.month, NEW.department_id, c.metric, c.k1, c.k2, c.k3, 1, c.amount
            FROM public.case_report_contributions(NEW) c;
        ELSE
          INSERT INTO public.case_report_rollup (${KEY}, n, amount)
          SELECT ${KEY}, sum(d.n), sum(d.amount) FROM (
            SELECT OLD.month AS month, OLD.department_id AS department_id, c.metric, c.k1, c.k2, c.k3,
                   -1 AS n, -c.amount AS amount
              FROM public.case_report_contributions(OLD) c
            UNION ALL
            SELECT NEW.month, NEW.department_id, c.metric, c.k1, c.k2, c.k3, 1, c.amount
              FROM public.case_report_contributions(NEW) c WHERE TG_OP = 'UPDATE'
          ) d GROUP BY ${KEY} HAVING sum(d.n) <> 0 OR sum(d.amount) <> 0;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION case_report_rollup_sync() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER case_report_facts_rollup AFTER INSERT OR UPDATE OR DELETE ON case_report_facts
      FOR EACH ROW EXECUTE FUNCTION case_report_rollup_sync()`);

    // A case's fact row anew; a row that comes out the same is not rewritten, so a change that touches no
    // reported value costs no sums.
    const upsert = (id: string) => `INSERT INTO public.case_report_facts AS f (${COLUMN_LIST})
          SELECT ${COLUMN_LIST} FROM public.case_report_facts_source s WHERE s.case_id = ${id}
            ON CONFLICT (case_id) DO UPDATE SET ${UPDATES}
           WHERE (f.*) IS DISTINCT FROM (EXCLUDED.*)`;
    await q.query(`CREATE FUNCTION case_report_facts_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        one uuid;
      BEGIN
        FOREACH one IN ARRAY ids LOOP
          IF one IS NOT NULL THEN ${upsert('one')}; END IF;
        END LOOP;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION case_report_facts_refresh(uuid[]) FROM PUBLIC`);
    // The case's own row (by its id alone: a statement per row that stays an index lookup), then the rows of the
    // refusal it follows and followed before, whose follow-up counts it changes.
    await q.query(`CREATE OR REPLACE FUNCTION case_report_facts_sync() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM public.case_report_facts_refresh(ARRAY[OLD.follows_case_id]);
          RETURN NULL;
        END IF;
        ${upsert('NEW.id')};
        IF TG_OP = 'INSERT' THEN
          IF NEW.follows_case_id IS NOT NULL THEN
            PERFORM public.case_report_facts_refresh(ARRAY[NEW.follows_case_id]);
          END IF;
        ELSIF NEW.follows_case_id IS DISTINCT FROM OLD.follows_case_id OR NEW.kind IS DISTINCT FROM OLD.kind THEN
          PERFORM public.case_report_facts_refresh(ARRAY[NEW.follows_case_id, OLD.follows_case_id]);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER cases_report_followers AFTER DELETE ON cases
      FOR EACH ROW WHEN (OLD.follows_case_id IS NOT NULL) EXECUTE FUNCTION case_report_facts_sync()`);

    // Folds the appended rows into one per key; one caller at a time (the others return at once).
    await q.query(`CREATE FUNCTION case_report_rollup_compact() RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        folded integer;
      BEGIN
        IF NOT pg_try_advisory_xact_lock(hashtext('case_report_rollup_compact')) THEN RETURN 0; END IF;
        WITH gone AS (DELETE FROM public.case_report_rollup WHERE NOT compacted RETURNING *),
             sums AS (SELECT ${KEY}, sum(n)::int AS n, sum(amount) AS amount, count(*)::int AS rows
                        FROM gone GROUP BY ${KEY}),
             kept AS (INSERT INTO public.case_report_rollup AS r (${KEY}, n, amount, compacted)
                      SELECT ${KEY}, n, amount, true FROM sums ORDER BY ${KEY}
                      ON CONFLICT (${KEY}) WHERE compacted
                      DO UPDATE SET n = r.n + EXCLUDED.n, amount = r.amount + EXCLUDED.amount)
        SELECT COALESCE(sum(rows), 0)::int INTO folded FROM sums;
        DELETE FROM public.case_report_rollup WHERE compacted AND n = 0 AND amount = 0;
        RETURN folded;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION case_report_rollup_compact() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION case_report_rollup_compact() TO pu_runtime`);

    // Both tables anew from the cases, in one transaction; for the backfill and for loads that bypass triggers.
    await q.query(`CREATE FUNCTION case_report_rebuild() RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        rows bigint;
      BEGIN
        ALTER TABLE public.case_report_facts DISABLE TRIGGER case_report_facts_rollup;
        TRUNCATE public.case_report_rollup, public.case_report_facts;
        INSERT INTO public.case_report_facts (${COLUMN_LIST}) SELECT ${COLUMN_LIST} FROM public.case_report_facts_source;
        GET DIAGNOSTICS rows = ROW_COUNT;
        INSERT INTO public.case_report_rollup (${KEY}, n, amount, compacted)
        SELECT f.month, f.department_id, c.metric, c.k1, c.k2, c.k3, count(*), sum(c.amount), true
          FROM public.case_report_facts f CROSS JOIN LATERAL public.case_report_contributions(f) c
         GROUP BY f.month, f.department_id, c.metric, c.k1, c.k2, c.k3;
        ALTER TABLE public.case_report_facts ENABLE TRIGGER case_report_facts_rollup;
        RETURN rows;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION case_report_rebuild() FROM PUBLIC`);
    // The job that calls the compaction (api/src/app/reports/rollup-compaction.ts): at most one waiting.
    await q.query(`SELECT pgboss.create_queue($1, $2)`, [
      'report-rollup-compact',
      { policy: 'stately', retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 600 },
    ]);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO pu_runtime`);

    await q.query(`SELECT case_report_rebuild()`);
    await q.query(`ANALYZE case_report_facts`);
    await q.query(`ANALYZE case_report_rollup`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT pgboss.delete_queue($1)`, ['report-rollup-compact']);
    await q.query(`DROP FUNCTION case_report_rebuild()`);
    await q.query(`DROP FUNCTION case_report_rollup_compact()`);
    await q.query(`DROP TRIGGER cases_report_followers ON cases`);
    await q.query(`DROP FUNCTION case_report_facts_refresh(uuid[])`);
    await q.query(`DROP TRIGGER case_report_facts_rollup ON case_report_facts`);
    await q.query(`DROP FUNCTION case_report_rollup_sync()`);
    await q.query(`DROP FUNCTION case_report_contributions(case_report_facts)`);
    await q.query(`DROP TABLE case_report_rollup`);
    await q.query(`DROP INDEX promises_report_idx`);
    await q.query(`DROP INDEX case_report_facts_preventive_idx`);
    const first = COLUMNS.slice(0, -2);
    await q.query(`CREATE OR REPLACE FUNCTION case_report_facts_sync() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        INSERT INTO public.case_report_facts (${first.join(', ')}) SELECT ${FIRST_PROJECTION} FROM public.cases c WHERE c.id = NEW.id
          ON CONFLICT (case_id) DO UPDATE SET ${first
            .slice(1)
            .map((n) => `${n} = EXCLUDED.${n}`)
            .join(', ')};
        RETURN NULL;
      END $$`);
    await q.query(`DROP VIEW case_report_facts_source`);
    await q.query(`ALTER TABLE case_report_facts DROP COLUMN complaint_followers, DROP COLUMN followers`);
  }
}
