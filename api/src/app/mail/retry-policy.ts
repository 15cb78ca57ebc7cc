import { backoffDelay, type BackoffPolicy } from '../database/backoff';

/** Waits between attempts: 30 s, 1 min, 2 min … up to 30 min (with jitter), then given up after the tenth. */
export const EMAIL_RETRY: BackoffPolicy & { maxAttempts: number } = {
  firstMs: 30_000,
  maxMs: 30 * 60_000,
  maxAttempts: 10,
};

/** An SMTP reply code in the 5xx range is the server's final "no" (unknown mailbox, refused sender). */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** When to try a failed send again; null: never (a permanent refusal, or the attempts are used up). */
export function nextAttemptAt(
  now: Date,
  attempts: number,
  error: unknown,
  random: () => number = Math.random,
): Date | null {
  if (isPermanentSmtpFailure(error) || attempts >= EMAIL_RETRY.maxAttempts) return null;
  return new Date(now.getTime() + backoffDelay(EMAIL_RETRY, attempts, random));
}
