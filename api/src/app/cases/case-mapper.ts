import type { CaseListItem, CaseResponse } from '@pu/contracts';
import { availableSteps, missingForClose, type CaseContext } from '@pu/workflow';
import type { CaseRow } from './case-row';

export const isAnonymous = (row: Pick<CaseRow, 'kind' | 'client_name' | 'client_address'>) =>
  row.kind === 'complaint' && !row.client_name && !row.client_address;

export const caseContext = (row: CaseRow): CaseContext => ({
  anonymous: isAnonymous(row),
  repeatOfCaseId: row.repeat_of_case_id,
  promiseCount: row.promise_count,
});

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toCaseListItem(row: CaseRow, now = new Date()): CaseListItem {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    subject: row.subject,
    channel: row.channel,
    receivedAt: new Date(row.received_at).toISOString(),
    clientName: row.client_name,
    clientAccommodation: row.client_accommodation,
    department: { id: row.department_id, symbol: row.department_symbol, name: row.department_name },
    assignee: row.assignee_id ? { id: row.assignee_id, displayName: row.assignee_name ?? '' } : null,
    currentStep: row.current_step,
    status: row.status,
    dueAt: iso(row.due_at),
    overdue: row.status === 'open' && row.due_at !== null && new Date(row.due_at).getTime() < now.getTime(),
    outcome: row.outcome,
    version: row.version,
  };
}

export function toCaseResponse(row: CaseRow, now = new Date()): CaseResponse {
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
    availableSteps: row.status === 'open' ? availableSteps(row.progress) : [],
    missingForClose: row.status === 'open' ? missingForClose(row.progress, ctx) : [],
    promiseCount: row.promise_count,
    repeatOfCaseId: row.repeat_of_case_id,
    followsCaseId: row.follows_case_id,
    informHours: row.inform_hours === null ? null : Number(row.inform_hours),
    createdAt: new Date(row.created_at).toISOString(),
    closedAt: iso(row.closed_at),
  };
}
