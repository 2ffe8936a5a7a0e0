import type { RunResult } from '../core/run-result.ts';

/**
 * `suppression-list.json`: the messages judged permanently undeliverable, for the service to stop
 * texting those numbers. The numbers arrive masked; this file only publishes them.
 */
export function renderSuppressionList(run: RunResult): string {
  return `${JSON.stringify(run.suppressions, null, 2)}\n`;
}
