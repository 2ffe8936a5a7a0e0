import { z } from 'zod';
import { HarnessError } from '../core/errors.ts';
import { RunResultSchema, type RunResult } from '../core/run-result.ts';

/**
 * Validates a run before any report is written, so that every file describes the same data and
 * nothing outside the published schema (stray fields, unredacted extras) reaches a report.
 */
export function parseRun(run: unknown): RunResult {
  const parsed = RunResultSchema.safeParse(run);
  if (parsed.success) return parsed.data;

  throw new HarnessError(
    'ASSURE_REPORT_INVALID_RUN',
    'Cannot write reports: the run result does not match its schema.\n' +
      z.prettifyError(parsed.error),
    { cause: parsed.error },
  );
}
