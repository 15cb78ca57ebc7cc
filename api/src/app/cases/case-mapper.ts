import type { CaseListItem, CaseResponse } from '@pu/contracts';
import { availableSteps, isAnonymousCase, missingForClose, type CaseContext } from '@pu/workflow';
import type { CaseRow } from './cases.queries';

export const isAnonymous = (row: Pick<CaseRow, 'kind' | 'client_name' | 'client_address'>) =>
  isAnonymousCase(row.kind, { name: row.client_name, address: row.client_address });

export const caseContext = (row: CaseRow): CaseContext => ({
  anonymous: isAnonymous(row),
  repeatOfCaseId: row.repeat_of_case_id,
  promiseCount: row.promise_count,
  deadlines: row.deadlines.appeal ? { appeal: row.deadlines.appeal } : {},
});

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** What a list item needs; the list query sends its timestamps as ISO text already (see case-list.queries.ts). */
export type ListItemSource = Pick<
  CaseRow,
  | 'id'
  | 'kind'
  | 'reference'
  | 'subject'
  | 'channel'
  | 'client_name'
  | 'client_accommodation'
  | 'department_id'
  | 'department_symbol'
  | 'department_name'
  | 'assignee_id'
  | 'assignee_name'
  | 'current_step'
  | 'status'
  | 'outcome'
  | 'version'
> & { received_at: Date | string; due_at: Date | string | null };

const isoOf = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

export function toCaseListItem(row: ListItemSource, now: Date): CaseListItem {
  const dueAt = row.due_at === null ? null : isoOf(row.due_at);
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    subject: row.subject,
    channel: row.channel,
    receivedAt: isoOf(row.received_at),
    clientName: row.client_name,
    clientAccommodation: row.client_accommodation,
    department: { id: row.department_id, symbol: row.department_symbol, name: row.department_name },
    assignee: row.assignee_id ? { id: row.assignee_id, displayName: row.assignee_name ?? '' } : null,
    currentStep: row.current_step,
    status: row.status,
    dueAt,
    overdue: row.status === 'open' && dueAt !== null && Date.parse(dueAt) < now.getTime(),
    outcome: row.outcome,
    version: row.version,
  };
}

export function toCaseResponse(row: CaseRow, now: Date): CaseResponse {
  const { clientName: _n, clientAccommodation: _a, ...item } = toCaseListItem(row, now);
  const ctx = caseContext(row);
  return {
    ...item,
    description: row.description,
    client: {
      name: row.client_name,
      address: row.client_address,
      phone: row.client_phone,
      email: row.client_email,
      accommodation: row.client_accommodation,
      isCouncillorOrMp: row.client_is_councillor,
    },
    anonymous: ctx.anonymous,
    deadlines: row.deadlines,
    rootCause: row.root_cause,
    steps: row.progress.entries,
    earlierSteps: row.progress.earlier ?? {},
    reopenedSteps: row.progress.reopened ?? {},
    availableSteps: row.status === 'open' ? availableSteps(row.progress) : [],
    missingForClose: row.status === 'open' ? missingForClose(row.progress, ctx) : [],
    promiseCount: row.promise_count,
    repeatOfCaseId: row.repeat_of_case_id,
    followsCaseId: row.follows_case_id,
    informHours: row.inform_hours === null ? null : Number(row.inform_hours),
    handover: row.handover,
    lastActivityAt: new Date(row.last_activity_at ?? row.created_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    closedAt: iso(row.closed_at),
  };
}
