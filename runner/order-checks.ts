import type { CheckRecord } from '../core/check-record.ts';

/**
 * Checks in the order of the run's suite list, each suite's checks in the order they ran.
 * Vitest runs suite files in parallel and reports them as they finish, so without this the
 * reports of two identical runs (or of a run and its merged shards) would list checks apart.
 */
export function orderChecks(
  checks: readonly CheckRecord[],
  suites: readonly string[],
): CheckRecord[] {
  const rank = (check: CheckRecord) => {
    const index = suites.indexOf(check.suite);
    return index === -1 ? suites.length : index;
  };
  return [...checks].sort((a, b) => rank(a) - rank(b));
}
