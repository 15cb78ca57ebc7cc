import type { EntityManager } from 'typeorm';

/** An `idempotency_keys` row: what the first request with a key created, and the answer it got. */
export interface IdempotencyRecord {
  request_hash: string;
  resource_id: string;
  response: unknown;
}

export async function selectIdempotencyKey(
  db: EntityManager,
  userId: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  const rows: IdempotencyRecord[] = await db.query(
    `SELECT request_hash, resource_id, response FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
    [userId, key],
  );
  return rows[0];
}

export async function saveIdempotentResponse(
  db: EntityManager,
  userId: string,
  key: string,
  response: unknown,
): Promise<void> {
  await db.query(`UPDATE idempotency_keys SET response = $3::jsonb WHERE user_id = $1 AND key = $2`, [
    userId,
    key,
    JSON.stringify(response),
  ]);
}
