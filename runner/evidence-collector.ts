import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';
import { CheckRecordSchema, type CheckRecord } from '../core/check-record.ts';

export type ProgressListener = (record: CheckRecord) => void;

/**
 * Runs in the CLI's process and gathers what every check recorded in its worker. A test that
 * ended without a record, or a suite file that failed to load, is the harness's own error.
 */
export class EvidenceCollector implements Reporter {
  readonly checks: CheckRecord[] = [];
  readonly harnessErrors: string[] = [];
  readonly #onCheck: ProgressListener;

  constructor(onCheck: ProgressListener) {
    this.#onCheck = onCheck;
  }

  onTestCaseResult(testCase: TestCase): void {
    const parsed = CheckRecordSchema.safeParse(testCase.meta().check);
    if (!parsed.success) {
      const errors = testCase.result().errors ?? [];
      this.harnessErrors.push(
        `${testCase.fullName}: ended without a check record` +
          (errors[0] ? ` (${errors[0].message})` : ''),
      );
      return;
    }
    this.checks.push(parsed.data);
    this.#onCheck(parsed.data);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>) {
    for (const module of modules) {
      for (const error of module.errors()) {
        this.harnessErrors.push(`${module.moduleId}: ${error.message}`);
      }
    }
    for (const error of errors) this.harnessErrors.push(`unhandled: ${error.message}`);
  }
}
