import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The list's search as the SPA sends it by default, open cases only: the department's deadline walk of
 * 1764000800000 holds the words but not the status, so each entry it checked cost a table read (10.7 ms a search
 * for "zielinska" in one department of the 1,000,000-case benchmark, one request at a time). The open cases' own
 * deadline index with the words beside it keeps that walk index-only (3.1 ms; docs/performance.md).
 */
export class IndexOpenCaseSearchWords1764001200000 implements MigrationInterface {
  name = 'IndexOpenCaseSearchWords1764001200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cases_department_open_due_words_idx ON cases (department_id, due_sort, id)
      INCLUDE (search_words) WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_department_open_due_words_idx`);
  }
}
