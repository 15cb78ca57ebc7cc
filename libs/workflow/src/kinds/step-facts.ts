import type { CaseProgress } from '../progress-types';

// Readers of one recorded value. Only the kind files use them, with their own step and field ids, so the
// rest of the code asks for a fact by its meaning ("when was the client informed") and never spells an id.

export function valueOf(progress: CaseProgress, stepId: string, fieldId: string): unknown {
  const entry = Object.hasOwn(progress.entries, stepId) ? progress.entries[stepId] : undefined;
  return entry?.status === 'completed' ? entry.data?.[fieldId] : undefined;
}

export function textOf(progress: CaseProgress, stepId: string, fieldId: string): string | null {
  const v = valueOf(progress, stepId, fieldId);
  return typeof v === 'string' ? v : null;
}

export function oneOf<V extends string>(
  values: readonly V[],
  progress: CaseProgress,
  stepId: string,
  fieldId: string,
): V | null {
  const v = valueOf(progress, stepId, fieldId);
  return typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as V) : null;
}

export function instantOf(progress: CaseProgress, stepId: string, fieldId: string): Date | null {
  const v = textOf(progress, stepId, fieldId);
  return v === null ? null : new Date(v);
}

export function flagOf(progress: CaseProgress, stepId: string, fieldId: string): boolean | null {
  const v = valueOf(progress, stepId, fieldId);
  return typeof v === 'boolean' ? v : null;
}

export const isDone = (progress: CaseProgress, stepId: string): boolean => Object.hasOwn(progress.entries, stepId);
