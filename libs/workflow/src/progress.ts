import type { CaseKind } from './case-kinds';
import { CASE_TEXT_LIMITS } from './case-limits';
import type {
  ActionMeta,
  CaseContext,
  CaseProgress,
  CloseResult,
  ReopenResult,
  StepActionResult,
  StepEntry,
} from './progress-types';
import { validateStepData } from './step-data-validation';
import { violations } from './violations';
import { workflowOf } from './workflows';
import type { StepDef, WorkflowDef } from './workflow-types';

// Every function here is pure: it never mutates the progress it is given, so the API can compare
// before and after for its audit trail and the SPA can run the same rules for instant feedback.

const MAX_REASON_LENGTH = CASE_TEXT_LIMITS.reason;

export function emptyProgress(kind: CaseKind): CaseProgress {
  workflowOf(kind);
  return { kind, entries: {}, closed: false, lastCompleted: [] };
}

function entryOf(p: CaseProgress, stepId: string): StepEntry | undefined {
  // Own properties only: a step id such as 'constructor' must not find Object.prototype members.
  return Object.hasOwn(p.entries, stepId) ? p.entries[stepId] : undefined;
}

function isEarlyEntry(step: StepDef, entry: StepEntry | undefined): boolean {
  const early = step.earlyOutcomes;
  if (!early || entry?.status !== 'completed') return false;
  const value = entry.data?.[early.field];
  return typeof value === 'string' && early.values.includes(value);
}

/**
 * Steps made unnecessary by an early outcome: everything not done before the step that
 * recorded it (a forwarded letter never gets the conversation steps).
 */
function waivedSteps(p: CaseProgress, def: WorkflowDef): Map<string, StepDef> {
  const waived = new Map<string, StepDef>();
  def.steps.forEach((step, i) => {
    if (!isEarlyEntry(step, entryOf(p, step.id))) return;
    for (const before of def.steps.slice(0, i)) if (!entryOf(p, before.id)) waived.set(before.id, step);
  });
  return waived;
}

function blockersOf(p: CaseProgress, def: WorkflowDef, stepId: string, waived: Map<string, StepDef>): string[] {
  const index = def.steps.findIndex((s) => s.id === stepId);
  return def.steps
    .slice(0, index)
    .filter((s) => s.required && !entryOf(p, s.id) && !waived.has(s.id))
    .map((s) => s.id);
}

interface Availability {
  normal: string[];
  earlyOnly: string[];
}

function availability(p: CaseProgress): Availability {
  const result: Availability = { normal: [], earlyOnly: [] };
  if (p.closed) return result;
  const def = workflowOf(p.kind);
  const waived = waivedSteps(p, def);
  for (const step of def.steps) {
    if (entryOf(p, step.id) || waived.has(step.id)) continue;
    if (blockersOf(p, def, step.id, waived).length === 0) result.normal.push(step.id);
    else if (step.earlyOutcomes) result.earlyOnly.push(step.id);
  }
  return result;
}

/** Steps that can be completed (or, if optional, skipped) now, in definition order. */
export function availableSteps(progress: CaseProgress): string[] {
  const { normal, earlyOnly } = availability(progress);
  const ids = new Set([...normal, ...earlyOnly]);
  return workflowOf(progress.kind)
    .steps.map((s) => s.id)
    .filter((id) => ids.has(id));
}

/** Steps available now only with one of their early outcomes (e.g. a complaint forwarded before any conversation). */
export function earlyOnlySteps(progress: CaseProgress): string[] {
  return availability(progress).earlyOnly;
}

/** The step to show the clerk next: the first available required step, else the first available one. */
export function currentStep(progress: CaseProgress): string | null {
  const { normal } = availability(progress);
  const def = workflowOf(progress.kind);
  return normal.find((id) => def.steps.find((s) => s.id === id)?.required) ?? normal[0] ?? null;
}

export function completeStep(
  progress: CaseProgress,
  stepId: string,
  data: unknown,
  ctx: CaseContext,
  meta: ActionMeta,
): StepActionResult {
  if (progress.closed) return { ok: false, violation: violations.caseClosed() };
  const def = workflowOf(progress.kind);
  const step = def.steps.find((s) => s.id === stepId);
  if (!step) return { ok: false, violation: violations.unknownStep(def, stepId) };
  const existing = entryOf(progress, stepId);
  if (existing) return { ok: false, violation: violations.alreadyDone(step, existing.status) };
  const waived = waivedSteps(progress, def);
  const waivedBy = waived.get(stepId);
  if (waivedBy) return { ok: false, violation: violations.waived(step, waivedBy) };
  const blockers = blockersOf(progress, def, stepId, waived);
  if (blockers.length && !step.earlyOutcomes) return { ok: false, violation: violations.blocked(def, step, blockers) };
  if (step.needsPromise && ctx.promiseCount < 1) return { ok: false, violation: violations.promiseRequired(step) };

  const checked = validateStepData(progress.kind, stepId, data, ctx);
  if (!checked.ok) return checked;

  const entry: StepEntry = { stepId, status: 'completed', data: checked.data, at: meta.at, by: meta.by };
  if (blockers.length && !isEarlyEntry(step, entry)) {
    const early = step.earlyOutcomes;
    const field = step.fields.find((f) => f.id === early?.field);
    const labels = (early?.values ?? []).map((v) => field?.options?.find((o) => o.value === v)?.label.pl ?? v);
    return { ok: false, violation: violations.blocked(def, step, blockers, labels) };
  }

  const next: CaseProgress = {
    ...withoutReopened(progress, stepId),
    entries: { ...progress.entries, [stepId]: entry },
    lastCompleted: [...progress.lastCompleted, stepId],
  };

  const loop = step.loop;
  const loopValue = checked.data[loop?.field ?? ''];
  if (loop && typeof loopValue === 'string' && loop.values.includes(loopValue)) {
    const from = def.steps.findIndex((s) => s.id === loop.backTo);
    const to = def.steps.findIndex((s) => s.id === stepId);
    const cleared = new Set(def.steps.slice(from, to + 1).map((s) => s.id));
    const entries = Object.fromEntries(Object.entries(next.entries).filter(([id]) => !cleared.has(id)));
    const earlier = { ...progress.earlier };
    for (const [id, sent] of Object.entries(next.entries))
      if (cleared.has(id)) earlier[id] = [...(earlier[id] ?? []), sent];
    return {
      ok: true,
      progress: { ...next, entries, lastCompleted: next.lastCompleted.filter((id) => !cleared.has(id)), earlier },
      entry,
      loopedBackTo: loop.backTo,
    };
  }
  return { ok: true, progress: next, entry };
}

/** Records that an optional step was deliberately not done, and why. */
export function skipStep(progress: CaseProgress, stepId: string, reason: string, meta: ActionMeta): StepActionResult {
  if (progress.closed) return { ok: false, violation: violations.caseClosed() };
  const def = workflowOf(progress.kind);
  const step = def.steps.find((s) => s.id === stepId);
  if (!step) return { ok: false, violation: violations.unknownStep(def, stepId) };
  const existing = entryOf(progress, stepId);
  if (existing) return { ok: false, violation: violations.alreadyDone(step, existing.status) };
  if (step.required) return { ok: false, violation: violations.notOptional(step) };
  const waived = waivedSteps(progress, def);
  const waivedBy = waived.get(stepId);
  if (waivedBy) return { ok: false, violation: violations.waived(step, waivedBy) };
  const blockers = blockersOf(progress, def, stepId, waived);
  if (blockers.length) return { ok: false, violation: violations.blocked(def, step, blockers) };

  const text = typeof reason === 'string' ? reason.normalize('NFC').trim() : '';
  if (!text) return { ok: false, fields: { reason: ['Podaj powód pominięcia kroku.'] } };
  if ([...text].length > MAX_REASON_LENGTH)
    return { ok: false, fields: { reason: [`Powód jest za długi (dozwolone ${MAX_REASON_LENGTH} znaków).`] } };

  const entry: StepEntry = { stepId, status: 'skipped', reason: text, at: meta.at, by: meta.by };
  return {
    ok: true,
    entry,
    progress: {
      ...withoutReopened(progress, stepId),
      entries: { ...progress.entries, [stepId]: entry },
      lastCompleted: [...progress.lastCompleted, stepId],
    },
  };
}

/**
 * Undoes the most recent completion or skip, so a mistake can be corrected. Only the last one:
 * undoing an earlier step would leave later steps resting on something no longer recorded.
 */
export function reopenLastStep(progress: CaseProgress, stepId?: string): ReopenResult {
  if (progress.closed) return { ok: false, violation: violations.caseClosed() };
  const def = workflowOf(progress.kind);
  if (stepId !== undefined && !def.steps.some((s) => s.id === stepId))
    return { ok: false, violation: violations.unknownStep(def, stepId) };
  const last = progress.lastCompleted.at(-1);
  if (last === undefined) return { ok: false, violation: violations.nothingToReopen() };
  if (stepId !== undefined && stepId !== last) return { ok: false, violation: violations.notLast(def, last) };
  const entries = Object.fromEntries(Object.entries(progress.entries).filter(([id]) => id !== last));
  return {
    ok: true,
    progress: {
      ...progress,
      entries,
      lastCompleted: progress.lastCompleted.slice(0, -1),
      // Kept so the step's form comes back with what was entered, to be corrected rather than typed again.
      reopened: { ...progress.reopened, [last]: progress.entries[last] },
    },
    reopened: last,
  };
}

/** A step done again no longer needs the entry it replaced (the history keeps it). */
function withoutReopened(progress: CaseProgress, stepId: string): CaseProgress {
  if (!progress.reopened || !Object.hasOwn(progress.reopened, stepId)) return progress;
  const reopened = Object.fromEntries(Object.entries(progress.reopened).filter(([id]) => id !== stepId));
  return { ...progress, reopened };
}

function stepsWithoutPromise(p: CaseProgress, def: WorkflowDef, ctx: CaseContext): string[] {
  if (ctx.promiseCount >= 1) return [];
  return def.steps.filter((s) => s.needsPromise && entryOf(p, s.id)?.status === 'completed').map((s) => s.id);
}

/**
 * Step ids that stand between the case and closing, in definition order: required steps not done
 * (unless an early outcome made them unnecessary), and completed steps that promised the client
 * something when the case has no promise.
 */
export function missingForClose(progress: CaseProgress, ctx: CaseContext): string[] {
  const def = workflowOf(progress.kind);
  const waived = waivedSteps(progress, def);
  const withoutPromise = new Set(stepsWithoutPromise(progress, def, ctx));
  return def.steps
    .filter((s) => withoutPromise.has(s.id) || (s.required && !entryOf(progress, s.id) && !waived.has(s.id)))
    .map((s) => s.id);
}

export function closeCase(progress: CaseProgress, ctx: CaseContext): CloseResult {
  if (progress.closed) return { ok: false, violation: violations.caseClosed() };
  const def = workflowOf(progress.kind);
  const missing = missingForClose(progress, ctx);
  if (missing.length)
    return { ok: false, violation: violations.incomplete(def, missing, stepsWithoutPromise(progress, def, ctx)) };
  return { ok: true, progress: { ...progress, closed: true } };
}

export interface StepStatus {
  stepId: string;
  /** Made unnecessary by an early outcome recorded after it (e.g. a complaint forwarded at once). */
  waived: boolean;
  /** Required steps before it still to do. */
  blockers: string[];
}

/** Each step of the workflow with what stands before it, in the workflow's order (the SPA's step list). */
export function stepStatuses(progress: CaseProgress): StepStatus[] {
  const def = workflowOf(progress.kind);
  const waived = waivedSteps(progress, def);
  return def.steps.map((s) => ({
    stepId: s.id,
    waived: waived.has(s.id),
    blockers: blockersOf(progress, def, s.id, waived),
  }));
}
