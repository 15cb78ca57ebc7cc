import { message } from '@pu/workflow';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainError } from './domain-error';
import { type IdempotencyRecord, selectIdempotencyKey } from './idempotency.queries';

/** Stable hash of a request body: keys sorted, so the same JSON in another key order is the same request. */
export function requestHash(scope: string, body: unknown): string {
  return createHash('sha256').update(scope).update('\n').update(canonical(body)).digest('hex');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function validIdempotencyKey(key: string | undefined): string | null {
  if (key === undefined) return null;
  if (!/^[A-Za-z0-9._:-]{8,200}$/.test(key)) {
    throw new DomainError('VALIDATION_FAILED', message('http.idempotencyKeyFormat'), {
      'Idempotency-Key': [message('http.idempotencyKeyInvalid')],
    });
  }
  return key;
}

/**
 * The first request with a key inserts the key row in the same statement that creates the resource. A retry
 * finds the row: the same body gets the first answer back, another body is refused.
 */
export async function findReplay(
  db: EntityManager,
  userId: string,
  key: string,
  hash: string,
): Promise<IdempotencyRecord> {
  const row = await selectIdempotencyKey(db, userId, key);
  if (!row) throw new Error('Idempotency key row vanished');
  if (row.request_hash !== hash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', message('http.idempotencyKeyReused'));
  }
  return row;
}
