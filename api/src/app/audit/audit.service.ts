import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';

export interface AuditRecord {
  entityType: string;
  entityId: string;
  caseId?: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends to the audit log. Always called with the transaction's manager, so the change and its record
 * commit or fail together.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: Actor | null, ...records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const values: unknown[] = [];
    const rows = records.map((r, i) => {
      const o = i * 9;
      values.push(
        actor?.userId ?? null,
        actor?.name ?? null,
        r.entityType,
        r.entityId,
        r.caseId ?? null,
        r.action,
        json(r.before),
        json(r.after),
        actor?.requestId ?? null,
      );
      return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6}, $${o + 7}::jsonb, $${o + 8}::jsonb, $${o + 9})`;
    });
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_name, entity_type, entity_id, case_id, action, before, after, request_id) VALUES ${rows.join(', ')}`,
      values,
    );
  }
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
