import { basename } from 'node:path';
import type { CheckRecord } from '../core/check-record.ts';
import type { RunResult } from '../core/run-result.ts';
import type { Verdict } from '../core/verdict.ts';
import { exitCodeMeaning, type ReportFiles } from '../reports/index.ts';

const MARK: Record<CheckRecord['outcome'], string> = {
  pass: 'pass ',
  fail: 'FAIL ',
  error: 'ERROR',
  'not-applicable': 'n/a  ',
  skipped: 'skip ',
};

export function printCheck(record: CheckRecord): void {
  const covers = record.covers.map((c) => c.id).join(' ') || 'contract';
  console.log(
    `  ${MARK[record.outcome]} ${record.target} · ${record.title} [${covers}] ` +
      `(${record.durationMs} ms)`,
  );
  for (const finding of record.findings)
    console.log(`         ${finding.code}: ${finding.message}`);
  if (record.error) console.log(`         ${record.error.code}: ${record.error.message}`);
  if (record.outcome === 'skipped' && record.reason) console.log(`         ${record.reason}`);
}

/** Worst first, so a failure is never scrolled past. */
const VERDICT_ORDER: readonly Verdict[] = [
  'fail',
  'error',
  'partial',
  'pass',
  'not-applicable',
  'not-evidenced',
];

export function printSummary(result: RunResult, folder: string, files: ReportFiles): void {
  console.log(`\nRun ${result.runId} in ${(result.durationMs / 1000).toFixed(1)} s`);

  for (const target of result.targets) {
    const profile = target.profile ? `, profile ${target.profile}` : '';
    console.log(
      `\n${target.name} (${target.dialect}${target.simulated ? ', simulated' : ''}${profile})`,
    );
    for (const verdict of VERDICT_ORDER) {
      const ids = target.requirements.filter((r) => r.verdict === verdict).map((r) => r.id);
      if (ids.length === 0) continue;
      console.log(`  ${verdict.padEnd(14)} ${ids.length.toString().padStart(2)}  ${ids.join(' ')}`);
    }
  }

  for (const error of result.harnessErrors) console.log(`\nharness error: ${error}`);
  console.log(`\nReports in ${folder}/`);
  for (const [kind, path] of Object.entries(files)) {
    console.log(`  ${kind.padEnd(14)} ${basename(path)}`);
  }
  console.log(`  ${'allure'.padEnd(14)} allure-results/`);
  console.log(`\nexit ${result.exitCode}: ${exitCodeMeaning(result.exitCode)}`);
}
