import type { CaseProgress } from '@pu/workflow';
import {
  COMPLAINT_FACTS,
  computeDeadlines,
  currentStep,
  hoursBetween,
  mainDueAt,
  OFFICE_ERROR_FACTS,
} from '@pu/workflow';
import type { CaseRow } from './cases.queries';

/** Office error: hours from discovery to informing the client, once informed (standard 21's figure). */
export function informHours(eventAt: Date | null, progress: CaseProgress): number | null {
  const informedAt = OFFICE_ERROR_FACTS.informedAt(progress);
  return informedAt && eventAt ? Math.max(0, Math.round(hoursBetween(eventAt, informedAt) * 100) / 100) : null;
}

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
  if (row.kind === 'complaint') set['root_cause'] = COMPLAINT_FACTS.rootCause(progress);
  const eventAt = row.event_at ? new Date(row.event_at) : null;
  if (row.kind === 'office_error') set['inform_hours'] = informHours(eventAt, progress);
  const deadlines = computeDeadlines(
    {
      kind: row.kind,
      receivedAt: new Date(row.received_at),
      eventAt,
      isCouncillor: row.client_is_councillor,
      progress,
      officeErrorInformWorkingDays,
    },
    row.deadlines,
  );
  set['deadlines'] = deadlines;
  set['due_at'] = mainDueAt(deadlines);
  return set;
}
