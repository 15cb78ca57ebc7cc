import { message, textIn, type Language } from '@pu/workflow';
import type { AuditChainBreak, AuditChainProblem, AuditVerification } from '@pu/contracts';

/** Runs one statement; the verifier's statements must all see one snapshot (REPEATABLE READ, read only). */
export type QueryFn = <Row>(sql: string, params?: unknown[]) => Promise<Row[]>;

const GENESIS = `'\\x${'00'.repeat(32)}'::bytea`;

/**
 * The entry's hash, recomputed from its columns exactly as the `audit_log_chain` trigger computed it
 * (migrations/1763900310000-ChainAuditLog.ts), with built-in functions named by schema: a function planted in
 * the database cannot make a changed entry look intact.
 */
const RECOMPUTED_HASH = `pg_catalog.sha256(pg_catalog.byteacat(pg_catalog.byteacat(
  a.prev_hash, pg_catalog.int8send(a.chain_seq)), pg_catalog.convert_to(pg_catalog.jsonb_build_array(
  a.id, pg_catalog.to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), a.actor_id, a.actor_name,
  a.entity_type, a.entity_id, a.case_id, a.action, a.before, a.after, a.request_id, a.chain)::text, 'UTF8')))`;

/**
 * The first entry, by id, that breaks its chain: a gap or repeat in seq, a changed hash, a wrong link. After a
 * gap, `seq` is the first missing place and the entry the one after it.
 */
const ENTRY_BREAK_SQL = `
  WITH e AS (
    SELECT a.id, a.chain, a.chain_seq,
           a.chain_seq - COALESCE(lag(a.chain_seq) OVER w, 0) AS step,
           a.hash IS NOT DISTINCT FROM ${RECOMPUTED_HASH} AS hash_ok,
           a.prev_hash IS NOT DISTINCT FROM COALESCE(lag(a.hash) OVER w, ${GENESIS}) AS link_ok
      FROM audit_log a
    WINDOW w AS (PARTITION BY a.chain ORDER BY a.chain_seq, a.id))
  SELECT id::text AS id, chain, (CASE WHEN step > 1 THEN chain_seq - step + 1 ELSE chain_seq END)::int AS seq,
         CASE WHEN step > 1 THEN 'missing' WHEN step < 1 THEN 'inserted' WHEN NOT hash_ok THEN 'altered'
              ELSE 'unlinked' END AS problem
    FROM e WHERE step <> 1 OR NOT hash_ok OR NOT link_ok
   ORDER BY id LIMIT 1`;

/** A chain whose head (kept apart from the entries) disagrees with its last entry, or has no entry at all. */
const HEAD_BREAK_SQL = `
  WITH tails AS (
    SELECT DISTINCT ON (chain) chain, chain_seq, hash, id FROM audit_log ORDER BY chain, chain_seq DESC, id DESC)
  SELECT COALESCE(h.chain, t.chain) AS chain, t.id::text AS id, t.chain_seq::int AS tail_seq, h.seq::int AS head_seq,
         h.hash IS NOT DISTINCT FROM t.hash AS hash_ok
    FROM audit_chain_heads h FULL JOIN tails t ON t.chain = h.chain
   WHERE h.chain IS NULL OR t.chain IS NULL OR h.seq <> t.chain_seq OR h.hash IS DISTINCT FROM t.hash
   ORDER BY t.id NULLS LAST, h.chain LIMIT 1`;

const SUMMARY_SQL = `
  SELECT (SELECT count(*) FROM audit_log)::text AS entries, count(*)::int AS chains,
         pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(COALESCE(
           pg_catalog.string_agg(chain || ' ' || seq || ' ' || pg_catalog.encode(hash, 'hex'), E'\\n' ORDER BY chain), ''),
           'UTF8')), 'hex') AS digest
    FROM audit_chain_heads`;

/** What broke, in one language (the API's answer) or, for the command line, in both. */
export function auditBreakMessage(problem: AuditChainProblem, seq: number | null, language?: Language): string {
  const text = message(`audit.${problem}`, { seq: seq ?? 0 });
  return language ? textIn(text, language) : `${text.pl} / ${text.en}`;
}

const toBreak = (chain: string, entryId: string | null, seq: number | null, problem: AuditChainProblem) => ({
  chain,
  entryId,
  seq,
  problem,
  message: auditBreakMessage(problem, seq),
});

/** Walks every chain of the audit log and names the first broken link. Read only. */
export async function verifyAuditChain(query: QueryFn, now: Date): Promise<AuditVerification> {
  const [entry] = await query<{ id: string; chain: string; seq: number; problem: AuditChainProblem }>(ENTRY_BREAK_SQL);
  const [head] = await query<{
    chain: string;
    id: string | null;
    tail_seq: number | null;
    head_seq: number | null;
    hash_ok: boolean;
  }>(HEAD_BREAK_SQL);
  const [summary] = await query<{ entries: string; chains: number; digest: string }>(SUMMARY_SQL);
  let firstBreak: AuditChainBreak | null = entry ? toBreak(entry.chain, entry.id, entry.seq, entry.problem) : null;
  if (head && (!firstBreak || (head.id !== null && BigInt(head.id) <= BigInt(firstBreak.entryId ?? '0')))) {
    const tail = head.tail_seq ?? 0;
    const headSeq = head.head_seq;
    firstBreak =
      headSeq === null
        ? toBreak(head.chain, head.id, tail, 'inserted')
        : headSeq > tail
          ? toBreak(head.chain, head.id, tail + 1, 'missing')
          : headSeq < tail
            ? toBreak(head.chain, head.id, tail, 'inserted')
            : toBreak(head.chain, head.id, tail, 'altered');
  }
  return {
    ok: firstBreak === null,
    checkedAt: now.toISOString(),
    entries: Number(summary?.entries ?? 0),
    chains: summary?.chains ?? 0,
    headsDigest: summary?.digest ?? '',
    firstBreak,
  };
}
