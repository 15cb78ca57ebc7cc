// Jest reporter: lists every test that did not run. Outside CI a summary line (each skip prints its reason
// where it is decided); under CI=true a skipped test fails the run, so a green CI never hides one.
import { relative } from 'node:path';

const NOT_RUN = new Set(['pending', 'skipped', 'todo', 'disabled']);

export default class SkipsReporter {
  /** @param {{ rootDir: string }} globalConfig */
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    /** @type {Error | undefined} */
    this.error = undefined;
  }

  /**
   * @param {unknown} _contexts
   * @param {{ testResults: Array<{ testFilePath: string, testResults: Array<{ status: string, fullName: string }> }> }} results
   */
  onRunComplete(_contexts, results) {
    const skipped = results.testResults.flatMap((file) =>
      file.testResults
        .filter((test) => NOT_RUN.has(test.status))
        .map((test) => `${relative(this.rootDir, file.testFilePath)} › ${test.fullName}`),
    );
    if (skipped.length === 0) return;
    const list = `${skipped.length} test(s) did not run:\n  ${skipped.join('\n  ')}`;
    if (process.env.CI === 'true') {
      console.error(`\n${list}\nFailing because CI=true: under CI every test runs.`);
      this.error = new Error(`${skipped.length} test(s) skipped under CI=true`);
    } else {
      console.warn(`\n${list}\n(The reason for each is printed above; under CI=true this fails.)`);
    }
  }

  getLastError() {
    return this.error;
  }
}
