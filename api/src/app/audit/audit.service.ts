import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlParams } from '../common/sql-params';
import { type AuditActor, type AuditEntry, auditInsert } from './audit-insert';

/** An entry whose values all come from the application. */
export interface AuditRecord extends AuditEntry {
  entityType: string;
  entityId: string;
  caseId?: string | null;
  action: string;
}

/**
 * Appends to the audit log on its own statement. Always called with the transaction's manager, so the change
 * and its record commit or fail together. A change written in one statement puts `auditInsert` in it instead.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: AuditActor, ...records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const p = new SqlParams();
    await manager.query(auditInsert(p, actor, records), p.values);
  }
}
