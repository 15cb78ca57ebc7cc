import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes the audit log tamper-evident. Every entry belongs to a chain — one per case (`case:<id>`, which also
 * holds its promises) and one per other entity (`user:<id>`, `department:<id>`, …) — and carries its place in
 * it (`chain_seq`, from 1), the previous entry's hash (`prev_hash`; 32 zero bytes for the first) and its own:
 *
 *   hash = sha256(prev_hash || int8send(chain_seq) || utf8(jsonb_build_array(id, at in UTC ISO 8601,
 *                 actor_id, actor_name, entity_type, entity_id, case_id, action, before, after, request_id,
 *                 chain)::text))
 *
 * jsonb's text form is canonical (keys ordered, one spacing), so the same entry always hashes the same.
 * `audit_chain_heads` keeps each chain's length and last hash apart from the entries: deleting the newest
 * entries still leaves a gap between the head and the chain. A BEFORE INSERT trigger fills the four columns
 * whatever the writer sends, in one upsert of that chain's head: writes to different cases never wait for one
 * another, and two writes to one chain queue on its head row only.
 *
 * The application's verifier (api/src/app/audit/audit-chain-verifier.ts) recomputes every hash with the same
 * expression; both must change together, in a new migration. Functions are named by schema, so a caller's
 * search_path cannot put other ones in their place.
 */
export class ChainAuditLog1763900310000 implements MigrationInterface {
  name = 'ChainAuditLog1763900310000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN chain text, ADD COLUMN chain_seq bigint,
      ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea`);
    await q.query(`CREATE TABLE audit_chain_heads (
      chain text PRIMARY KEY,
      seq bigint NOT NULL,
      prev_hash bytea NOT NULL,
      hash bytea NOT NULL,
      entry_id bigint NOT NULL
    )`);
    // Written only by the trigger below (as the owner); the runtime role may read the heads to verify.
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON audit_chain_heads FROM pu_runtime`);

    await q.query(`CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
      DECLARE
        genesis constant bytea := '\\x0000000000000000000000000000000000000000000000000000000000000000';
        body bytea;
      BEGIN
        NEW.chain := CASE WHEN NEW.case_id IS NOT NULL THEN 'case:' || NEW.case_id
                          ELSE NEW.entity_type || ':' || NEW.entity_id END;
        body := pg_catalog.convert_to(pg_catalog.jsonb_build_array(
          NEW.id, pg_catalog.to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), NEW.actor_id,
          NEW.actor_name, NEW.entity_type, NEW.entity_id, NEW.case_id, NEW.action, NEW.before, NEW.after,
          NEW.request_id, NEW.chain)::text, 'UTF8');
        INSERT INTO public.audit_chain_heads AS h (chain, seq, prev_hash, hash, entry_id)
          VALUES (NEW.chain, 1, genesis,
                  pg_catalog.sha256(pg_catalog.byteacat(pg_catalog.byteacat(genesis, pg_catalog.int8send(1::bigint)), body)),
                  NEW.id)
          ON CONFLICT (chain) DO UPDATE SET
            seq = h.seq + 1,
            prev_hash = h.hash,
            hash = pg_catalog.sha256(pg_catalog.byteacat(pg_catalog.byteacat(h.hash, pg_catalog.int8send(h.seq + 1)), body)),
            entry_id = EXCLUDED.entry_id
          RETURNING seq, prev_hash, hash INTO NEW.chain_seq, NEW.prev_hash, NEW.hash;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);

    // Entries written before this migration join their chains in the order they were written: taken out and
    // written again, with their ids and times, through the trigger.
    await q.query(`CREATE TEMPORARY TABLE audit_log_unchained ON COMMIT DROP AS SELECT * FROM audit_log`);
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
    await q.query(`DELETE FROM audit_log`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
    await q.query(`INSERT INTO audit_log (id, at, actor_id, actor_name, entity_type, entity_id, case_id, action,
        before, after, request_id)
      SELECT id, at, actor_id, actor_name, entity_type, entity_id, case_id, action, before, after, request_id
        FROM audit_log_unchained ORDER BY id`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN chain SET NOT NULL, ALTER COLUMN chain_seq SET NOT NULL,
      ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_chain ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_chain()`);
    await q.query(`DROP TABLE audit_chain_heads`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN hash, DROP COLUMN prev_hash, DROP COLUMN chain_seq,
      DROP COLUMN chain`);
  }
}
