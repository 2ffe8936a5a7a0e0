import { expect, test } from 'vitest';
import type { CheckRecord } from '../core/check-record.ts';
import { REQUIREMENTS } from '../core/requirements.ts';
import type { RunResult } from '../core/run-result.ts';
import { runResultFixture } from './fixtures/run-result.ts';
import { historyRecordOf } from './history-record.ts';
import { renderSummary } from './summary-report.ts';

/**
 * What a CI job page shows comfortably: GitHub renders step summaries up to 1 MiB, but a page a
 * person reads should fit a few screens. The summary links to the HTML report for the rest.
 */
const MAX_BYTES = 24 * 1024;
const MAX_LINES = 400;

/** The worst run we expect in CI: every profile as a target, every requirement failing. */
function hugeRun(): RunResult {
  const base = runResultFixture();
  const names = Array.from({ length: 14 }, (_, i) => `sim-notify-profile-${i + 1}`);
  const checks: CheckRecord[] = names.flatMap((target) =>
    Array.from({ length: 40 }, (_, i) => ({
      id: `suite/check-${i}`,
      title: `check ${i}`,
      suite: 'suite',
      target,
      covers: [{ id: REQUIREMENTS[i % REQUIREMENTS.length]!.id, scope: 'full' as const }],
      outcome: 'fail' as const,
      findings: [
        {
          code: 'something_wrong',
          requirement: REQUIREMENTS[i % REQUIREMENTS.length]!.id,
          message: 'The supplier answered in a way the requirement does not allow. '.repeat(3),
          expected: 'x'.repeat(80),
          actual: 'y'.repeat(80),
        },
      ],
      evidence: [],
      durationMs: 10,
    })),
  );

  return {
    ...base,
    targets: names.map((name) => ({
      name,
      dialect: 'notify',
      baseUrl: 'http://127.0.0.1:4010',
      simulated: true,
      profile: name,
      requirements: REQUIREMENTS.map((r) => ({
        id: r.id,
        level: r.level,
        title: r.title,
        evidenceKind: r.evidence,
        verdict: 'fail' as const,
        checks: ['suite/check-0'],
      })),
    })),
    checks,
    harnessErrors: Array.from({ length: 60 }, (_, i) => `harness error ${i}: ${'z'.repeat(100)}`),
    expectations: names.map((target) => ({
      target,
      file: `expectations/${target}.yaml`,
      knownFindings: 0,
      newFindings: 40,
      deviations: Array.from({ length: 20 }, (_, i) => ({
        requirement: REQUIREMENTS[i]!.id,
        reason: 'r'.repeat(120),
        status: 'not-seen' as const,
        matched: 0,
      })),
    })),
  };
}

test('the summary of the largest run stays short enough for a CI job page', () => {
  const run = hugeRun();
  const history = { file: 'h.jsonl', records: [historyRecordOf(run)], problems: [] };
  const summary = renderSummary(run, history);

  expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(MAX_BYTES);
  expect(summary.split('\n').length).toBeLessThanOrEqual(MAX_LINES);
  expect(summary).toContain('more in [the HTML report](report.html)');
  expect(summary).toContain('## Targets');
});
