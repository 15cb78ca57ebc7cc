import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes the audit log tamper-evident. Every entry belongs to a chain — one per case (`case:<id>`, which also
 * holds its promises) and one per other entity (`user:<id>`, `department:<id>`, …) — and carries its place in
 * it (`chain_seq`, from 1), the previous entry's hash (`prev_hash`; 32 zero bytes for the first) and its own:
 *
 *   hash = sha256(prev_hash || utf8(jsonb_build_array(id, at in UTC ISO 8601, actor_id, actor_name,
 *                 entity_type, entity_id, case_id, action, before, after, request_id, chain, chain_seq)::text))
 *
 * jsonb's text form is canonical (keys ordered, one spacing), so the same entry always hashes the same.
 * `audit_chain_heads` keeps each chain's last seq and hash: deleting the newest entries still leaves a gap
 * between the head and the chain. A BEFORE INSERT trigger fills the four columns whatever the writer sends,
 * locking only that chain's head row, so writes to different cases never wait for one another.
 *
 * The application's verifier (api/src/app/audit/audit-chain-verifier.ts) recomputes every hash with the same
 * expression; both must change together, in a new migration.
 */
export class ChainAuditLog1763900310000 implements MigrationInterface {
  name = 'ChainAuditLog1763900310000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN chain text, ADD COLUMN chain_seq bigint,
      ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea`);
    await q.query(`CREATE TABLE audit_chain_heads (
      chain text PRIMARY KEY,
      seq bigint NOT NULL,
      hash bytea NOT NULL,
      entry_id bigint NOT NULL
    )`);
    // Written only by the trigger below (as the owner); the runtime role may read the heads to verify.
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON audit_chain_heads FROM pu_runtime`);

    await q.query(`CREATE FUNCTION audit_log_chain_link(e audit_log) RETURNS audit_log
      LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
      DECLARE
        head record;
        extends_chain boolean;
      BEGIN
        e.chain := CASE WHEN e.case_id IS NOT NULL THEN 'case:' || e.case_id ELSE e.entity_type || ':' || e.entity_id END;
        LOOP
          UPDATE audit_chain_heads SET seq = seq + 1 WHERE chain = e.chain RETURNING seq, hash INTO head;
          extends_chain := FOUND;
          IF extends_chain THEN
            e.chain_seq := head.seq;
            e.prev_hash := head.hash;
          ELSE
            e.chain_seq := 1;
            e.prev_hash := '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
          END IF;
          e.hash := sha256(e.prev_hash || convert_to(jsonb_build_array(
            e.id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor_id, e.actor_name,
            e.entity_type, e.entity_id, e.case_id, e.action, e.before, e.after, e.request_id, e.chain, e.chain_seq
          )::text, 'UTF8'));
          IF extends_chain THEN
            UPDATE audit_chain_heads SET hash = e.hash, entry_id = e.id WHERE chain = e.chain;
            RETURN e;
          END IF;
          INSERT INTO audit_chain_heads (chain, seq, hash, entry_id) VALUES (e.chain, 1, e.hash, e.id)
            ON CONFLICT (chain) DO NOTHING;
          IF FOUND THEN
            RETURN e;
          END IF;
          -- Another transaction started this chain meanwhile: extend its head instead.
        END LOOP;
      END $$`);
    // Called directly it would move a head without an entry; only the trigger (as the owner) may.
    await q.query(`REVOKE EXECUTE ON FUNCTION audit_log_chain_link(audit_log) FROM PUBLIC`);
    await q.query(`CREATE FUNCTION audit_log_chain() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      BEGIN
        RETURN audit_log_chain_link(NEW);
      END $$`);

    // Entries written before this migration join their chains in the order they were written.
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
    await q.query(`DO $$
      DECLARE r audit_log;
      BEGIN
        FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
          r := audit_log_chain_link(r);
          UPDATE audit_log SET chain = r.chain, chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash
           WHERE id = r.id;
        END LOOP;
      END $$`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN chain SET NOT NULL, ALTER COLUMN chain_seq SET NOT NULL,
      ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    await q.query(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_chain ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_chain()`);
    await q.query(`DROP FUNCTION audit_log_chain_link(audit_log)`);
    await q.query(`DROP TABLE audit_chain_heads`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN hash, DROP COLUMN prev_hash, DROP COLUMN chain_seq,
      DROP COLUMN chain`);
  }
}
