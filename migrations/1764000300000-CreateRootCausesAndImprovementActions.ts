import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Root-cause categories become the quality officer's data (standard 20: every complaint points to an area to
 * improve). The list that was fixed in code is the initial data, with any code a case already carries kept
 * as it is. A category is never deleted once a case carries it (the foreign key); retiring keeps it on old
 * cases and in old reports. Improvement actions record what the office does about an area.
 */
export class CreateRootCausesAndImprovementActions1764000300000 implements MigrationInterface {
  name = 'CreateRootCausesAndImprovementActions1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE root_cause_categories (
      code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      label_pl text NOT NULL CHECK (length(label_pl) BETWEEN 1 AND 200),
      label_en text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 200),
      description_pl text CHECK (length(description_pl) <= 2000),
      description_en text CHECK (length(description_en) <= 2000),
      -- The order the office lists them in: the initial list's, then creation order.
      ordinal integer GENERATED ALWAYS AS IDENTITY,
      retired_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`INSERT INTO root_cause_categories (code, label_pl, label_en) VALUES
      ('waiting_time', 'Czas oczekiwania', 'Waiting time'),
      ('staff_conduct', 'Zachowanie pracownika', 'Staff conduct'),
      ('unclear_information', 'Niejasna lub niepełna informacja', 'Unclear or incomplete information'),
      ('no_contact', 'Brak obiecanego kontaktu zwrotnego', 'Promised contact not made'),
      ('procedure', 'Procedura lub przepisy', 'Procedure or regulation'),
      ('office_error', 'Błąd urzędu', 'Office error'),
      ('accessibility', 'Dostępność budynku i stanowisk obsługi', 'Accessibility of premises and desks'),
      ('it_system', 'System informatyczny / e-usługi', 'IT system / e-services'),
      ('other', 'Inne', 'Other')`);
    // Codes outside the initial list that cases already carry stay theirs, retired, named by the code.
    await q.query(`INSERT INTO root_cause_categories (code, label_pl, label_en, retired_at)
      SELECT DISTINCT c.root_cause, c.root_cause, c.root_cause, now() FROM cases c
       WHERE c.root_cause IS NOT NULL AND c.root_cause ~ '^[a-z][a-z0-9_]{1,39}$'
         AND NOT EXISTS (SELECT 1 FROM root_cause_categories r WHERE r.code = c.root_cause)`);
    await q.query(`UPDATE cases SET root_cause = NULL
      WHERE root_cause IS NOT NULL AND root_cause !~ '^[a-z][a-z0-9_]{1,39}$'`);
    await q.query(`ALTER TABLE cases ADD CONSTRAINT cases_root_cause_fkey
      FOREIGN KEY (root_cause) REFERENCES root_cause_categories(code) ON UPDATE RESTRICT ON DELETE RESTRICT`);
    // The report ranks complaints by cause within a period: one index serves the ranking and the before/after
    // counts of improvement actions.
    await q.query(`CREATE INDEX cases_root_cause_received_idx ON cases (root_cause, received_at)
      WHERE kind = 'complaint'`);

    // Promises are counted by the period they fall due in.
    await q.query(`CREATE INDEX promises_due_idx ON promises (due_at)`);

    await q.query(`CREATE TABLE improvement_actions (
      id uuid PRIMARY KEY,
      root_cause text NOT NULL REFERENCES root_cause_categories(code),
      what text NOT NULL CHECK (length(what) BETWEEN 1 AND 2000),
      owner text NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
      due_on date NOT NULL,
      done_on date,
      expected_effect text NOT NULL CHECK (length(expected_effect) BETWEEN 1 AND 2000),
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    )`);
    await q.query(`CREATE INDEX improvement_actions_root_cause_idx ON improvement_actions (root_cause, due_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE improvement_actions`);
    await q.query(`DROP INDEX promises_due_idx`);
    await q.query(`DROP INDEX cases_root_cause_received_idx`);
    await q.query(`ALTER TABLE cases DROP CONSTRAINT cases_root_cause_fkey`);
    await q.query(`DROP TABLE root_cause_categories`);
  }
}
