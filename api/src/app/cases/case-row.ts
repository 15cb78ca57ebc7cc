import type { CaseDeadlines, CaseKindName, CaseStatus, ChannelName } from '@pu/contracts';
import type { CaseProgress } from '@pu/workflow';

/** A `cases` row as the SQL in this feature selects it (with department and assignee names joined). */
export interface CaseRow {
  id: string;
  kind: CaseKindName;
  reference: string;
  year: number;
  seq: number;
  subject: string;
  description: string | null;
  channel: ChannelName;
  received_at: Date;
  client_name: string | null;
  client_address: string | null;
  client_phone: string | null;
  client_email: string | null;
  client_accommodation: string | null;
  client_is_councillor: boolean;
  department_id: string;
  department_symbol: string;
  department_name: string;
  assignee_id: string | null;
  assignee_name: string | null;
  status: CaseStatus;
  current_step: string | null;
  progress: CaseProgress;
  deadlines: CaseDeadlines;
  due_at: Date | null;
  event_at: Date | null;
  outcome: string | null;
  root_cause: string | null;
  inform_hours: string | null;
  promise_count: number;
  repeat_of_case_id: string | null;
  follows_case_id: string | null;
  version: number;
  created_by: string;
  created_at: Date;
  closed_at: Date | null;
}

/** Columns every case query selects: the row plus the names a response shows. */
export const CASE_COLUMNS = `c.id, c.kind, c.reference, c.year, c.seq, c.subject, c.description, c.channel, c.received_at,
  c.client_name, c.client_address, c.client_phone, c.client_email, c.client_accommodation, c.client_is_councillor,
  c.department_id, d.symbol AS department_symbol, d.name AS department_name, c.assignee_id, a.display_name AS assignee_name,
  c.status, c.current_step, c.progress, c.deadlines, c.due_at, c.event_at, c.outcome, c.root_cause, c.inform_hours,
  c.promise_count, c.repeat_of_case_id, c.follows_case_id, c.version, c.created_by, c.created_at, c.closed_at`;

export const CASE_JOINS = `JOIN departments d ON d.id = c.department_id LEFT JOIN users a ON a.id = c.assignee_id`;
