import { withClient } from './database';

export const UNCHAINED = '';

/**
 * Turns the audit log's hash chain off and on in the benchmark database only, so case creation can be measured
 * with and without it: off, the chain's trigger does not run and the four chain columns take placeholder
 * defaults (as cheap as the columns not being there). Back on, the entries written meanwhile are removed again
 * (they belong to no chain) so the benchmark database still verifies.
 */
export async function setAuditChain(benchUrl: string, on: boolean): Promise<void> {
  await withClient(benchUrl, async (db) => {
    // Defaults in place before the trigger stops, and the trigger back before they go: an insert arriving
    // between the two statements still gets a value for every chain column.
    if (!on) {
      await db.query(`ALTER TABLE audit_log ALTER COLUMN chain SET DEFAULT '${UNCHAINED}',
        ALTER COLUMN chain_seq SET DEFAULT 0, ALTER COLUMN prev_hash SET DEFAULT '\\x', ALTER COLUMN hash SET DEFAULT '\\x'`);
      await db.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain`);
      return;
    }
    await db.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_chain`);
    await db.query(`ALTER TABLE audit_log ALTER COLUMN chain DROP DEFAULT, ALTER COLUMN chain_seq DROP DEFAULT,
      ALTER COLUMN prev_hash DROP DEFAULT, ALTER COLUMN hash DROP DEFAULT`);
    await db.query('BEGIN');
    try {
      // The log is append-only even for its owner; only a superuser's replica mode lets the placeholders go.
      await db.query(`SET LOCAL session_replication_role = replica`);
      await db.query(`DELETE FROM audit_log WHERE chain = $1`, [UNCHAINED]);
      await db.query('COMMIT');
    } catch {
      await db.query('ROLLBACK');
      console.log('  (not a superuser: entries written without the chain stay in the benchmark database)');
    }
  });
}
