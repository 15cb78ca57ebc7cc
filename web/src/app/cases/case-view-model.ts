import type { CaseResponse, HistoryEntry, StepEntryResponse } from '@pu/contracts';
import { stepStatuses, type CaseProgress, type FieldDef, type StepDef, type WorkflowDef } from '@pu/workflow';
import { formatDate, formatDateTime } from '../shared/date-time';
import { localized } from '../shared/localized';
import type { WorkflowCatalog } from '../workflows/workflow-catalog';

export type StepState = 'completed' | 'skipped' | 'available' | 'locked' | 'waived';

export interface StepView {
  step: StepDef;
  state: StepState;
  entry: StepEntryResponse | undefined;
  /** Available only with an early outcome (the conversation steps before it are not done). */
  earlyOnly: boolean;
  /** Required steps before it still to do (locked steps). */
  blockers: string[];
}

/** The case's progress as @pu/workflow reads it, from the case as the API answered it. */
export function progressOf(c: CaseResponse): CaseProgress {
  return { kind: c.kind, entries: c.steps, closed: c.status === 'closed', lastCompleted: [], earlier: c.earlierSteps };
}

/** Each step of the workflow with its state on this case, in the workflow's order. */
export function stepViews(def: WorkflowDef, c: CaseResponse): StepView[] {
  const statuses = stepStatuses(progressOf(c));
  return def.steps.map((step, i) => {
    const entry = Object.hasOwn(c.steps, step.id) ? c.steps[step.id] : undefined;
    const { waived, blockers } = statuses[i];
    let state: StepState;
    if (entry) {
      state = entry.status;
    } else if (c.availableSteps.includes(step.id)) {
      state = 'available';
    } else if (waived) {
      state = 'waived';
    } else {
      state = 'locked';
    }
    return { step, state, entry, earlyOnly: state === 'available' && blockers.length > 0, blockers };
  });
}

/** The step a manager may reopen: the last one completed or skipped (the API allows only that one). */
export function lastDoneStep(c: CaseResponse): string | null {
  let last: StepEntryResponse | null = null;
  for (const entry of Object.values(c.steps)) {
    if (!last || entry.at > last.at) {
      last = entry;
    }
  }
  return last?.stepId ?? null;
}

/** Who is who: step entries carry user ids; the history names the actors. */
export function actorNames(
  history: readonly HistoryEntry[] | null,
  extra: { id: string; displayName: string }[],
): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of history ?? []) {
    if (e.actor) {
      names.set(e.actor.id, e.actor.displayName);
    }
  }
  for (const u of extra) {
    names.set(u.id, u.displayName);
  }
  return names;
}

export interface DisplayedValue {
  label: string;
  /** One line per value; several for an incident log. */
  lines: string[];
}

/** A completed step's recorded data, field by field, in words. */
export function displayStepData(
  step: StepDef,
  data: Record<string, unknown> | undefined,
  catalog: WorkflowCatalog,
  lang: string,
  yesNo: { yes: string; no: string },
): DisplayedValue[] {
  if (!data) {
    return [];
  }
  const result: DisplayedValue[] = [];
  for (const field of step.fields) {
    const value = data[field.id];
    if (value === undefined || value === null || value === '') {
      continue;
    }
    result.push({ label: localized(field.label, lang), lines: displayValue(field, value, catalog, lang, yesNo) });
  }
  return result;
}

function optionLabel(field: FieldDef, value: unknown, catalog: WorkflowCatalog, lang: string): string {
  const options =
    field.optionsFrom === 'rootCauses'
      ? catalog.rootCauses.map((c) => ({ value: c.code, label: c.label }))
      : (field.options ?? []);
  const option = options.find((o) => o.value === value);
  return option ? localized(option.label, lang) : String(value);
}

function displayValue(
  field: FieldDef,
  value: unknown,
  catalog: WorkflowCatalog,
  lang: string,
  yesNo: { yes: string; no: string },
): string[] {
  switch (field.type) {
    case 'boolean':
      return [value ? yesNo.yes : yesNo.no];
    case 'choice':
      return [optionLabel(field, value, catalog, lang)];
    case 'date':
      return [formatDate(String(value), lang)];
    case 'datetime':
      return [formatDateTime(String(value), lang)];
    case 'events':
      return Array.isArray(value)
        ? (value as { kind: string; at: string; note?: string }[]).map(
            (e) =>
              `${formatDateTime(e.at, lang)} – ${optionLabel(field, e.kind, catalog, lang)}${e.note ? `: ${e.note}` : ''}`,
          )
        : [];
    default:
      return [String(value)];
  }
}
