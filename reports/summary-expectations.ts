import type { RunResult } from '../core/run-result.ts';
import { deviationName, findingCounts } from './expectation-wording.ts';
import { escapeMarkdown } from './markdown-escape.ts';

/** Past this many, unmet expectations are left to the HTML report. */
const MAX_UNMET = 10;

/** New against known findings, and the expected failures that did not happen. */
export function expectationsSummary(run: RunResult): string {
  const expectations = run.expectations ?? [];
  if (expectations.length === 0) return '';

  const unmet = expectations.flatMap((e) =>
    e.deviations
      .filter((d) => d.status === 'not-seen')
      .map((d) => `- ${escapeMarkdown(`${e.target} · ${deviationName(d)}: ${d.reason}`)}`),
  );
  const more = unmet.length - MAX_UNMET;

  return [
    '## Known deviations',
    '',
    `${findingCounts(expectations)} (known findings alone do not fail the run).`,
    ...(unmet.length > 0
      ? [
          '',
          'Expected but not seen (fixed, or no longer caught?):',
          '',
          ...unmet.slice(0, MAX_UNMET),
          ...(more > 0 ? [`- … and ${more} more in the HTML report`] : []),
        ]
      : []),
  ].join('\n');
}
