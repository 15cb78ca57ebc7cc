import type { HistoryEntry } from '@pu/contracts';
import type { EntityManager } from 'typeorm';

interface HistoryRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** The audit entries of one entity outside cases (a root-cause category, an improvement action), oldest first. */
export async function selectEntityHistory(
  db: EntityManager,
  entityType: string,
  entityId: string,
): Promise<HistoryEntry[]> {
  const rows: HistoryRow[] = await db.query(
    `SELECT id, at, actor_id, actor_name, entity_type, entity_id, action, before, after FROM audit_log
      WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
    [entityType, entityId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    before: r.before,
    after: r.after,
  }));
}
