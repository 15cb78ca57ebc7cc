import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The morning digest reads every open case due by the end of today, with its reference, kind, assignee and
 * department: on a large office that is a hundred thousand rows spread over the whole table. This partial
 * index holds exactly those columns for open cases only, so the read is an index-only scan of a small index
 * instead of random reads of the table (1.5 GB at a million cases).
 */
export class IndexOpenCasesByDue1764000100100 implements MigrationInterface {
  name = 'IndexOpenCasesByDue1764000100100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cases_open_due_covering_idx ON cases (due_sort)
      INCLUDE (id, assignee_id, department_id, kind, reference, due_at) WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_open_due_covering_idx`);
  }
}
