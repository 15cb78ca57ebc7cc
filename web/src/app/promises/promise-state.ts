import type { PromiseResponse } from '@pu/contracts';

export type PromiseState = PromiseResponse['state'];

/** Icons beside the words: the state is always said in words, never by colour or icon alone. */
export const PROMISE_STATE_ICONS: Record<PromiseState, string> = {
  open: 'schedule',
  broken: 'warning',
  kept: 'task_alt',
  kept_late: 'history',
};

/**
 * The state at `now`: the API derives it when it answers, and an open promise whose due time passes
 * while the page is open is broken from that moment.
 */
export function promiseStateAt(p: PromiseResponse, now: number): PromiseState {
  return p.state === 'open' && Date.parse(p.dueAt) < now ? 'broken' : p.state;
}
