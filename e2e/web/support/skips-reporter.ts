import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Lists every browser test that did not run. Outside CI a summary (each skip says why in its own annotation);
 * under CI=true a skipped test fails the run, so a green CI never hides one.
 */
export default class SkipsReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'skipped') this.skipped.push(test.titlePath().filter(Boolean).join(' › '));
  }

  onEnd(_result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    if (this.skipped.length === 0) return Promise.resolve(undefined);
    const list = `${this.skipped.length} browser test(s) did not run:\n  ${this.skipped.join('\n  ')}`;
    if (process.env['CI'] === 'true') {
      console.error(`\n${list}\nFailing because CI=true: under CI every test runs.`);
      return Promise.resolve({ status: 'failed' });
    }
    console.warn(`\n${list}\n(Under CI=true this fails.)`);
    return Promise.resolve(undefined);
  }
}
