import type { RunResult } from '../core/run-result.ts';
import type { History } from '../reports/index.ts';
import { deviationName, findingCounts } from '../reports/expectation-wording.ts';

/**
 * What a run adds to its verdicts: shard, known deviations, history; printed before the
 * summary.
 */
export function printRunNotes(result: RunResult, history: History | undefined): void {
  if (result.shard) {
    console.log(
      `\nShard ${result.shard.index}/${result.shard.count}: a partial run; ` +
        'merge the shards with "sms-assure merge" for the whole verdicts.',
    );
  }
  if (result.mergedFrom) console.log(`\nMerged from ${result.mergedFrom.join(', ')}`);

  const expectations = result.expectations ?? [];
  if (expectations.length > 0) {
    console.log(`\nKnown deviations: ${findingCounts(expectations)}`);
    for (const e of expectations) {
      for (const d of e.deviations.filter((d) => d.status === 'not-seen')) {
        console.log(`  expected but not seen: ${e.target} · ${deviationName(d)}`);
      }
    }
  }

  if (history) {
    console.log(`\nHistory: ${history.records.length} run(s) in ${history.file}`);
    for (const problem of history.problems) {
      console.log(`  line ${problem.line} left out: ${problem.message.split('\n')[0]}`);
    }
  }
}
