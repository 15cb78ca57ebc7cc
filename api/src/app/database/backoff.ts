/**
 * Exponential backoff with a cap and "equal jitter": the n-th wait is half the capped exponential plus a random
 * share of the other half, so replicas that lost the database together do not retry in step.
 */
export interface BackoffPolicy {
  firstMs: number;
  maxMs: number;
}

export function backoffDelay(policy: BackoffPolicy, failures: number, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.firstMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
