import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case keeps its reference number when it is transferred, so numbers must be unique per the register that
 * issued them, not per the department that holds the case now.
 */
export class NumberCasesInTheirRegister1763900200000 implements MigrationInterface {
  name = 'NumberCasesInTheirRegister1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN register_department_id uuid REFERENCES departments(id)`);
    // The department that created the case is recorded in its 'create' audit entry.
    await q.query(`UPDATE cases c SET register_department_id = COALESCE(
        (SELECT (a.after->>'department_id')::uuid FROM audit_log a WHERE a.case_id = c.id AND a.action = 'create' ORDER BY a.id LIMIT 1),
        c.department_id)`);
    await q.query(`ALTER TABLE cases ALTER COLUMN register_department_id SET NOT NULL`);
    await q.query(`ALTER TABLE cases DROP CONSTRAINT cases_kind_department_id_year_seq_key`);
    await q.query(`ALTER TABLE cases ADD CONSTRAINT cases_register_number_key UNIQUE (kind, register_department_id, year, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP CONSTRAINT cases_register_number_key`);
    await q.query(`ALTER TABLE cases ADD CONSTRAINT cases_kind_department_id_year_seq_key UNIQUE (kind, department_id, year, seq)`);
    await q.query(`ALTER TABLE cases DROP COLUMN register_department_id`);
  }
}
