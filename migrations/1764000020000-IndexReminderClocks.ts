import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminder scan reads each clock by a range of its due date. The main date has its index already
 * (`cases_open_due_idx`); the complaint's other two clocks live in `deadlines` (KPA art. 231 forwarding,
 * art. 237 § 2 councillor's reply) and are indexed here as the ISO text they are stored as, which sorts as
 * the instants do (`toISOString()` is always `YYYY-MM-DDTHH:mm:ss.sssZ`). Only open complaints are indexed.
 */
export class IndexReminderClocks1764000020000 implements MigrationInterface {
  name = 'IndexReminderClocks1764000020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cases_open_forwarding_due_idx ON cases ((deadlines -> 'forwarding' ->> 'dueAt'))
      WHERE status = 'open' AND kind = 'complaint'`);
    await q.query(`CREATE INDEX cases_open_councillor_due_idx ON cases ((deadlines -> 'councillorReply' ->> 'dueAt'))
      WHERE status = 'open' AND kind = 'complaint'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_open_councillor_due_idx`);
    await q.query(`DROP INDEX cases_open_forwarding_due_idx`);
  }
}
