import type { CaseBoardColumn } from '@pu/contracts';

/**
 * Where a card may go: only to the column right after its own (the next step), since a case moves on by doing
 * its current step. Returns the step whose form that takes — the card's current one — or null.
 */
export function moveTarget(columns: readonly CaseBoardColumn[], from: string | null, to: string | null): string | null {
  const i = columns.findIndex((c) => c.stepId === from);
  const j = columns.findIndex((c) => c.stepId === to);
  return i >= 0 && j === i + 1 && from !== null ? from : null;
}

/** The column after a card's own, for the keyboard's "next step" button; null in the last one. */
export function nextColumn(columns: readonly CaseBoardColumn[], from: string | null): CaseBoardColumn | null {
  const i = columns.findIndex((c) => c.stepId === from);
  return i >= 0 && i + 1 < columns.length && from !== null ? columns[i + 1] : null;
}
