import type { PromiseResponse } from '@pu/contracts';
import { promiseState } from '@pu/workflow';
import type { PromiseRow } from './promises.queries';

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

export function toPromiseResponse(row: PromiseRow, now: Date): PromiseResponse {
  const dueAt = new Date(row.due_at).toISOString();
  const keptAt = iso(row.kept_at);
  return {
    id: row.id,
    caseId: row.case_id,
    caseReference: row.case_reference,
    department: { id: row.department_id, symbol: row.department_symbol, name: row.department_name },
    description: row.description,
    channel: row.channel,
    dueAt,
    state: promiseState({ dueAt, keptAt }, now),
    keptAt,
    brokenBeforeReschedule: row.broken_before_reschedule,
    rescheduleCount: row.reschedule_count,
    lastClientToldAt: iso(row.last_client_told_at),
    createdBy: { id: row.created_by, displayName: row.creator_name },
    createdAt: new Date(row.created_at).toISOString(),
    version: row.version,
  };
}
