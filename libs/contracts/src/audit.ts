/**
 * What the audit-chain check found. `altered`: an entry's content or hash no longer matches; `missing`: entries
 * were deleted (before this one, or the newest of the chain); `inserted`: an entry the chain does not account
 * for; `unlinked`: an entry does not point at the one before it.
 */
export type AuditChainProblem = 'altered' | 'missing' | 'inserted' | 'unlinked';

export interface AuditChainBreak {
  /** `case:<id>` for a case and its promises, `<entity type>:<id>` for anything else. */
  chain: string;
  /** The first entry that does not hold (for deleted newest entries: the last one left), null if none is left. */
  entryId: string | null;
  /** Its place in the chain, from 1; for deleted entries the first place that is missing. */
  seq: number | null;
  problem: AuditChainProblem;
  /** Polish first, then English. */
  message: string;
}

/** `GET /api/audit/verify`: every chain of the audit log walked and every hash recomputed. */
export interface AuditVerification {
  ok: boolean;
  checkedAt: string;
  entries: number;
  chains: number;
  /**
   * SHA-256 (hex) over every chain's head (name, length, last hash). Recorded outside the database now and
   * then, it also shows a rewrite of whole chains by someone who recomputed their hashes.
   */
  headsDigest: string;
  /** The first broken link by entry id, or null when the whole log holds. */
  firstBreak: AuditChainBreak | null;
}
