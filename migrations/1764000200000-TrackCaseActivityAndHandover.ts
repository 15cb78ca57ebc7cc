import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two things a case now carries for its managers and the person taking it over:
 * - `last_activity_at`: when anything on the case or its promises last changed (reads are not activity). NULL
 *   means nothing has changed since registration, so "idle" reads `COALESCE(last_activity_at, created_at)`
 *   and registering a case needs no extra column. Existing cases get it from their history.
 * - `handover`: the last handover (transfer, assignment, take-over) with its note, shown on the case page
 *   itself (standard 17 pt 7–10), not only in the history. Existing cases get their last transfer's note.
 */
export class TrackCaseActivityAndHandover1764000200000 implements MigrationInterface {
  name = 'TrackCaseActivityAndHandover1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN last_activity_at timestamptz, ADD COLUMN handover jsonb`);
    await q.query(`UPDATE cases c SET last_activity_at = a.at
      FROM (SELECT case_id, max(at) AS at FROM audit_log
            WHERE case_id IS NOT NULL AND action <> 'read_personal_data' GROUP BY case_id) a
      WHERE a.case_id = c.id AND a.at > c.created_at`);
    await q.query(`UPDATE cases c SET handover = jsonb_build_object(
        'kind', 'transfer', 'note', t.after->>'note', 'at', to_jsonb(t.at),
        'by', CASE WHEN t.actor_id IS NULL THEN NULL ELSE jsonb_build_object('id', t.actor_id, 'displayName', t.actor_name) END,
        'fromDepartmentId', t.before->>'departmentId', 'fromAssigneeId', t.before->>'assigneeId')
      FROM (SELECT DISTINCT ON (case_id) case_id, at, actor_id, actor_name, before, after FROM audit_log
            WHERE case_id IS NOT NULL AND action = 'transfer' ORDER BY case_id, id DESC) t
      WHERE t.case_id = c.id`);
    // "My department's unassigned cases" and the dashboard's unassigned row, in deadline order.
    await q.query(
      `CREATE INDEX cases_department_unassigned_due_idx ON cases (department_id, due_sort, id) WHERE status = 'open' AND assignee_id IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_department_unassigned_due_idx`);
    await q.query(`ALTER TABLE cases DROP COLUMN handover, DROP COLUMN last_activity_at`);
  }
}
