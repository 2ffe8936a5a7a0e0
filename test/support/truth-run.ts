import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../../core/run-result.ts';
import type { TruthEvidence } from '../../core/truth-evidence.ts';
import { latestResult, runCli, scratchDir } from './run-cli.ts';

/** Runs the truth suite through the CLI on `config` (YAML) and reads back its result. */
export async function runTruthSuite(config: string): Promise<RunResult> {
  const file = join(await scratchDir(), 'assure.yaml');
  await writeFile(file, config);
  const run = await runCli([
    'run',
    '--quiet',
    '--config',
    file,
    '--suite',
    'truth',
    '--out',
    '$OUT',
  ]);
  return latestResult(run.outDir);
}

/** The truth evidence of a target's receipts-true check, where the check gave one. */
export function truthOf(result: RunResult, target: string): TruthEvidence | undefined {
  const check = result.checks.find((c) => c.target === target && c.id === 'truth/receipts-true');
  return check?.evidence.find((e): e is TruthEvidence => e.kind === 'truth');
}
