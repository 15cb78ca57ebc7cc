import type { CaseProgress } from '@pu/workflow';
import { currentStep, hoursBetween } from '@pu/workflow';
import { computeDeadlines, mainDueAt } from './case-deadlines';
import type { CaseRow } from './cases.queries';

const dataOf = (p: CaseProgress, step: string, field: string): unknown => p.entries[step]?.data?.[field];
const dateOf = (p: CaseProgress, step: string, field: string): Date | null => {
  const v = dataOf(p, step, field);
  return typeof v === 'string' ? new Date(v) : null;
};

/**
 * Columns that follow from the steps: kept on the row so lists, filters and reports need no JSON digging.
 * Recomputed after every step change, so reopening a step undoes its effects too.
 */
export function derivedColumns(
  row: CaseRow,
  progress: CaseProgress,
  officeErrorInformWorkingDays: number,
): Record<string, unknown> {
  const set: Record<string, unknown> = { progress, current_step: currentStep(progress) };
  if (row.kind === 'complaint') {
    const cause = dataOf(progress, 'cause', 'rootCause');
    set['root_cause'] = typeof cause === 'string' ? cause : null;
  }
  let eventAt = row.event_at ? new Date(row.event_at) : null;
  if (row.kind === 'office_error') {
    eventAt = dateOf(progress, 'record', 'discoveredAt') ?? eventAt;
    set['event_at'] = eventAt;
    const informedAt = dateOf(progress, 'inform', 'informedAt');
    set['inform_hours'] =
      informedAt && eventAt ? Math.max(0, Math.round(hoursBetween(eventAt, informedAt) * 100) / 100) : null;
  }
  const deadlines = computeDeadlines(
    {
      kind: row.kind,
      receivedAt: new Date(row.received_at),
      eventAt,
      isCouncillor: row.client_is_councillor,
      deliveredAt: dateOf(progress, 'deliver', 'deliveredAt'),
      officeErrorInformWorkingDays,
    },
    row.deadlines,
  );
  set['deadlines'] = deadlines;
  set['due_at'] = mainDueAt(deadlines);
  return set;
}

/** What a closed case's `outcome` column says, per kind, for lists and the quality report. */
export function closingOutcome(row: CaseRow, progress: CaseProgress): string {
  switch (row.kind) {
    case 'complaint': {
      const outcome = dataOf(progress, 'outcome', 'outcome');
      return typeof outcome === 'string' ? outcome : 'settled';
    }
    case 'office_error':
      return 'fixed';
    case 'refusal':
      return 'delivered';
    case 'aggressive_client':
      return dataOf(progress, 'close', 'handled') === true ? 'handled' : 'not_handled';
  }
}
