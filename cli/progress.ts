import { basename } from 'node:path';
import type { CheckRecord } from '../core/check-record.ts';
import type { RunResult } from '../core/run-result.ts';
import type { Verdict } from '../core/verdict.ts';
import type { ReportFiles } from '../reports/index.ts';

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

const MEANING: Record<number, string> = {
  0: 'nothing required failed',
  1: 'findings: a required requirement failed or a contract check found a fault',
  2: 'the harness or the network failed: some verdicts could not be judged',
};

export function printSummary(result: RunResult, folder: string, files: ReportFiles): void {
  console.log(`\nRun ${result.runId} in ${(result.durationMs / 1000).toFixed(1)} s`);

  for (const target of result.targets) {
    const profile = target.profile ? `, profile ${target.profile}` : '';
    console.log(
      `\n${target.name} (${target.dialect}${target.simulated ? ', simulated' : ''}${profile})`,
    );
    const counts = new Map<Verdict, string[]>();
    for (const row of target.requirements) {
      counts.set(row.verdict, [...(counts.get(row.verdict) ?? []), row.id]);
    }
    for (const [verdict, ids] of counts) {
      console.log(`  ${verdict.padEnd(14)} ${ids.length.toString().padStart(2)}  ${ids.join(' ')}`);
    }
  }

  for (const error of result.harnessErrors) console.log(`\nharness error: ${error}`);
  console.log(`\nReports in ${folder}/`);
  for (const [kind, path] of Object.entries(files)) {
    console.log(`  ${kind.padEnd(14)} ${basename(path)}`);
  }
  console.log(`  ${'allure'.padEnd(14)} allure-results/`);
  console.log(`\nexit ${result.exitCode}: ${MEANING[result.exitCode] ?? ''}`);
}
