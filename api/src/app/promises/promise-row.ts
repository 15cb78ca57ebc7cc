import type { ChannelName, PromiseResponse } from '@pu/contracts';
import { promiseState } from '@pu/workflow';

export interface PromiseRow {
  id: string;
  case_id: string;
  case_reference: string;
  department_id: string;
  department_symbol: string;
  department_name: string;
  description: string;
  channel: ChannelName;
  due_at: Date;
  kept_at: Date | null;
  broken_before_reschedule: boolean;
  reschedule_count: number;
  last_client_told_at: Date | null;
  created_by: string;
  creator_name: string;
  created_at: Date;
  version: number;
}

export const PROMISE_COLUMNS = `p.id, p.case_id, c.reference AS case_reference, c.department_id, d.symbol AS department_symbol, d.name AS department_name,
  p.description, p.channel, p.due_at, p.kept_at, p.broken_before_reschedule, p.reschedule_count, p.last_client_told_at,
  p.created_by, u.display_name AS creator_name, p.created_at, p.version`;

export const PROMISE_JOINS = `JOIN cases c ON c.id = p.case_id JOIN departments d ON d.id = c.department_id JOIN users u ON u.id = p.created_by`;

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
