import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runResultFixture } from '../../reports/fixtures/run-result.ts';
import { historyRecordOf } from '../../reports/history-record.ts';
import { renderHtmlReport } from '../../reports/html-report.ts';
import { renderResultJson } from '../../reports/json-report.ts';
import { renderJunit } from '../../reports/junit-report.ts';
import { renderSummary } from '../../reports/summary-report.ts';
import type { RunResult } from '../../core/run-result.ts';
import { runCli, type CliRun } from '../support/run-cli.ts';
import { expectGolden } from './expect-golden.ts';
import { htmlOutline, normaliseJson, normaliseText } from './normalise.ts';

/** A fixed run with known deviations and a history, so every section of every report shows. */
function fixtureWithExtras() {
  const run: RunResult = {
    ...runResultFixture(),
    expectations: [
      {
        target: 'notify-sim',
        file: 'expectations/notify-sim.yaml',
        knownFindings: 1,
        newFindings: 0,
        deviations: [
          { requirement: 'SID-01', reason: 'fix promised', status: 'seen', matched: 1 },
          { code: 'receipt_timeout', reason: 'slow last month', status: 'not-seen', matched: 0 },
        ],
      },
    ],
  };
  const earlier = { ...historyRecordOf(run), runId: 'run-20250313-092653-0001' };
  const history = { file: 'reports/history.jsonl', records: [earlier, historyRecordOf(run)] };
  return { run, history: { ...history, problems: [{ line: 3, message: 'not JSON: cut off' }] } };
}

describe('golden reports of a fixed run', () => {
  const { run, history } = fixtureWithExtras();

  test.each([
    ['fixture/summary.md', () => renderSummary(run, history)],
    ['fixture/junit.xml', () => renderJunit(run)],
    ['fixture/result.json', () => renderResultJson(run)],
    ['fixture/report.outline.txt', () => htmlOutline(renderHtmlReport(run, { history }))],
  ])('%s', async (name, render) => {
    await expectGolden(name, render());
  });
});

/**
 * A real run of the compliant simulator, twice at once. The time scale is at its maximum so that
 * every message is final before it is first read: what is left to differ is what the normaliser
 * must remove. (Suites that send concurrently or poll a broken profile are left out: the order
 * and number of their exchanges is the network's timing, not the report's.)
 */
const RUN = [
  'run --quiet --out $OUT --time-scale 10000',
  '--suite send --suite content --suite smoke --suite delivery-errors',
]
  .join(' ')
  .split(' ');

const OUTPUTS = [
  ['summary.md', normaliseText],
  ['junit.xml', normaliseText],
  ['result.json', normaliseJson],
  ['report.html', htmlOutline],
] as const;

describe('golden reports of a real run', () => {
  let runs: CliRun[];
  const read = (run: CliRun, file: string) => readFile(join(run.outDir, 'latest', file), 'utf8');

  beforeAll(async () => {
    runs = await Promise.all([runCli(RUN), runCli(RUN)]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
  }, 300_000);

  test.each(OUTPUTS)(
    '%s: two runs differ raw, and normalise to the same text',
    async (file, normalise) => {
      const [first, second] = await Promise.all(runs.map((run) => read(run, file)));
      const paths = runs.map((run) => run.outDir);

      expect(first).not.toBe(second);
      expect(normalise(first!, paths)).toBe(normalise(second!, paths));
    },
  );

  test.each(OUTPUTS)('%s: no volatile field survives normalising', async (file, normalise) => {
    const text = normalise(await read(runs[0]!, file), [runs[0]!.outDir]);

    expect(text).not.toMatch(/run-\d{8}T\d{6}Z/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(text).not.toMatch(/127\.0\.0\.1:\d/);
    expect(text).not.toContain(runs[0]!.outDir);
  });

  test.each(OUTPUTS)('%s matches its golden file', async (file, normalise) => {
    const name = file === 'report.html' ? 'report.outline.txt' : file;
    await expectGolden(
      `simulator/${name}`,
      normalise(await read(runs[0]!, file), [runs[0]!.outDir]),
    );
  });
});
