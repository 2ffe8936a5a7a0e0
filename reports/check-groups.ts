import type { CheckRecord } from '../core/check-record.ts';
import type { RunResult } from '../core/run-result.ts';

/** The checks of one suite run against one target. */
export interface CheckGroup {
  readonly target: string;
  readonly suite: string;
  readonly checks: readonly CheckRecord[];
}

/**
 * Groups checks by target and suite, in the order the run lists its targets and suites; names
 * the run does not list come after, in the order their checks appear.
 */
export function groupChecks(run: RunResult): CheckGroup[] {
  const groups = new Map<string, { target: string; suite: string; checks: CheckRecord[] }>();
  for (const check of run.checks) {
    const key = JSON.stringify([check.target, check.suite]);
    const group = groups.get(key) ?? { target: check.target, suite: check.suite, checks: [] };
    group.checks.push(check);
    groups.set(key, group);
  }

  const targetOrder = orderOf(run.targets.map((t) => t.name));
  const suiteOrder = orderOf(run.suites);

  return [...groups.values()].sort(
    (a, b) =>
      targetOrder(a.target) - targetOrder(b.target) || suiteOrder(a.suite) - suiteOrder(b.suite),
  );
}

function orderOf(names: readonly string[]): (name: string) => number {
  return (name) => {
    const index = names.indexOf(name);
    return index === -1 ? names.length : index;
  };
}
