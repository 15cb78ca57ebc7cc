/**
 * The status `send` answers once it answers `expected`, or its last answer after `timeoutMs`. For changes
 * that reach the app asynchronously, such as a database trigger's notification to every replica.
 */
export async function statusWithin(send: () => Promise<{ status: number }>, expected: number, timeoutMs = 2000) {
  const started = Date.now();
  for (;;) {
    const { status } = await send();
    if (status === expected || Date.now() - started >= timeoutMs) return status;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves once `check` holds; fails after `timeoutMs`. For state that changes in the background. */
export async function waitUntil(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
