import type { RunResult } from '../core/run-result.ts';
import { formatNumber } from './charts/scale.ts';
import type { History } from './history.ts';
import type { TargetTrend } from './history-record.ts';
import { escapeMarkdown } from './markdown-escape.ts';

/** One line per target: this run's pass rate and p95 latency beside the previous run's. */
export function trendSummary(run: RunResult, history: History | undefined): string {
  if (!history || history.records.length === 0) return '';

  const lines = run.targets.map((target) => {
    // The history ends with this run's own record.
    const trends = history.records.flatMap((r) => r.targets.filter((t) => t.name === target.name));
    return `- ${escapeMarkdown(target.name)}: ${describe(trends.at(-1), trends.at(-2))}`;
  });
  const unread = history.problems.length;

  return [
    '## Trend',
    '',
    ...lines,
    ...(unread > 0
      ? ['', `${unread} line(s) of the history could not be read; see the HTML.`]
      : []),
  ].join('\n');
}

function describe(current: TargetTrend | undefined, previous: TargetTrend | undefined): string {
  if (!current) return 'not in the history';

  const rate = (t: TargetTrend | undefined) =>
    t?.passRate == null ? 'n/a' : `${formatNumber(t.passRate * 100)}%`;
  const p95 = (t: TargetTrend | undefined) => (t?.latency ? `${t.latency.p95} ms` : 'n/a');
  const before = previous ? ` (previous run ${rate(previous)})` : ' (first run in the history)';
  const latencyBefore = previous ? ` (previous ${p95(previous)})` : '';

  return `checks passed ${rate(current)}${before}; receipt p95 ${p95(current)}${latencyBefore}`;
}
