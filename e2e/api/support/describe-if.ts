/**
 * A suite that needs something this machine may lack. Outside CI it is skipped with the reason printed; under
 * CI=true the file fails instead, so a green CI run never hides a suite that did not run.
 */
export function describeIf(available: boolean, reason: string): jest.Describe {
  if (available) return describe;
  if (process.env['CI'] === 'true') throw new Error(`${reason} — failing because CI=true`);
  console.warn(`${reason}: skipped`);
  return describe.skip;
}
