export default async function globalTeardown(): Promise<void> {
  await globalThis.__PU_E2E_TEARDOWN__?.();
}
