import type { ResolvedTarget } from '../../core/target.ts';

/**
 * Every wait inside a check is bounded by the receipt deadline; this bounds the check as a whole,
 * so a target that stalls ends as an error with a record rather than as vitest's own timeout.
 */
export function checkBudgetMs(target: ResolvedTarget): number {
  return target.receiptDeadlineMs * 3 + 30_000;
}
