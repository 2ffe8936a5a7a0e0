import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runResultFixture } from './fixtures/run-result.ts';
import { historyRecordOf, type HistoryRecord } from './history-record.ts';
import { HISTORY_FILE, appendHistory, readHistory } from './history.ts';
import { findAll, parseMarkup, textOf } from './fixtures/parse-markup.ts';
import { renderHtmlReport } from './html-report.ts';
import { renderSummary } from './summary-report.ts';

function record(runId: string, passRate: number, p95: number): HistoryRecord {
  return {
    runId,
    startedAt: '2026-12-01T00:00:00.000Z',
    exitCode: 0,
    targets: [
      {
        name: 'notify-sim',
        passRate,
        verdicts: { pass: 3 },
        latency: { count: 4, p50: p95 / 2, p95, p99: p95 + 10 },
      },
    ],
  };
}

describe('history.jsonl', () => {
  test('a run record has the pass rate, verdict counts and latency percentiles per target', () => {
    const [simulated, sandbox] = historyRecordOf(runResultFixture()).targets;

    // notify-sim: 3 passed, 1 failed, 1 error of 5 judged; receipts at 1250, 1410 and 900 ms.
    expect(simulated).toMatchObject({ name: 'notify-sim', passRate: 0.6 });
    expect(simulated?.latency).toEqual({ count: 3, p50: 1250, p95: 1410, p99: 1410 });
    expect(simulated?.verdicts).toMatchObject({ pass: 4, fail: 1, error: 1, partial: 1 });
    expect(sandbox?.name).toBe('notify-sandbox');
  });

  test('a corrupt line is reported by number, and every other line still counts', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sms-assure-history-'));
    await appendHistory(root, record('run-1', 1, 100));
    await appendFile(join(root, HISTORY_FILE), '{"runId": "run-2", "startedAt": \n');
    await appendHistory(root, record('run-3', 0.5, 300));
    await appendFile(join(root, HISTORY_FILE), '{"runId":"run-4"}\n');

    const history = await readHistory(root);

    expect(history.records.map((r) => r.runId)).toEqual(['run-1', 'run-3']);
    expect(history.problems.map((p) => p.line)).toEqual([2, 4]);
    expect(history.problems[0]?.message).toMatch(/^not JSON/);
    expect(history.problems[1]?.message).toMatch(/^not a run record/);
  });

  test('a record appended after a line cut off mid-write starts a line of its own', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sms-assure-history-'));
    await writeFile(join(root, HISTORY_FILE), '{"runId":"cut-o');
    await appendHistory(root, record('run-5', 1, 50));

    const history = await readHistory(root);
    const text = await readFile(join(root, HISTORY_FILE), 'utf8');

    expect(history.records.map((r) => r.runId)).toEqual(['run-5']);
    expect(history.problems).toHaveLength(1);
    expect(text.endsWith('\n')).toBe(true);
  });

  test('a missing file is an empty history', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sms-assure-history-'));
    expect(await readHistory(root)).toMatchObject({ records: [], problems: [] });
  });
});

describe('trends', () => {
  const run = runResultFixture();
  const history = {
    file: 'reports/history.jsonl',
    records: [record('run-a', 1, 100), record('run-b', 0.8, 400), historyRecordOf(run)],
    problems: [{ line: 7, message: 'not JSON: Unexpected end' }],
  };

  test('the HTML report charts pass rate and latency per target across runs', () => {
    const document = parseMarkup(renderHtmlReport(run, { history }), 'html');
    const section = findAll(document, 'section').find((s) => s.attributes.id === 'trends');
    const tables = findAll(section!, 'table').map(textOf);

    expect(findAll(section!, 'svg')).toHaveLength(3);
    expect(tables[0]).toMatch(/run-a\s*100\s*run-b\s*80\s*run-20250314-092653-7f3a\s*60/);
    expect(tables[1]).toMatch(/run-b\s*200\s*400\s*410/);
    expect(textOf(section!)).toContain('line 7: not JSON');
  });

  test('the summary compares this run with the one before', () => {
    const summary = renderSummary(run, history);

    expect(summary).toContain('- notify-sim: checks passed 60% (previous run 80%)');
    expect(summary).toContain('receipt p95 1410 ms (previous 400 ms)');
    expect(summary).toContain('1 line(s) of the history could not be read');
  });
});
