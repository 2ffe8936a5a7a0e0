import { cp, mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError } from '../core/errors.ts';
import { readRunResult } from '../reports/read-run-result.ts';
import { readSigningKey } from '../reports/index.ts';
import { mergeShards } from '../runner/merge-shards.ts';
import { publishRun } from '../runner/publish-run.ts';
import { newRunId } from '../runner/run-id.ts';
import { parseCommandLine } from './parse-options.ts';
import { printSummary } from './progress.ts';
import { displayPath } from './run-command.ts';
import { printRunNotes } from './run-notes.ts';

export const MERGE_HELP = `Usage: sms-assure merge <run folder> <run folder> ... --out DIR

Merges the shards of a sharded run (sms-assure run --shard 1/N ... N/N) into one run: the
checks of every shard folded again into verdicts, under a new run id that records the shards'
run ids. Writes every report into DIR/<run id>/ (signed when a signing key is configured),
points DIR/latest at it, and appends the run to DIR/history.jsonl.

Options:
  --out DIR    the reports folder to write the merged run under (required)
  -h, --help   show this help

Exit codes: as "sms-assure run", for the merged verdicts; 3 when a folder is not a shard, a
shard is missing or given twice, or the shards ran different configurations.`;

const ALLURE_DIR = 'allure-results';

/** `sms-assure merge`: one run from shards; returns the merged run's exit code. */
export async function mergeCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(MERGE_HELP);
    return 0;
  }
  if (positionals.length === 0 || !values.out) {
    throw new ConfigError('command line', ['merge: give the shard folders and --out DIR']);
  }

  // An unusable signing key is found before anything is written.
  await readSigningKey(process.env);
  const shards = await Promise.all(
    positionals.map(async (folder) => ({ folder, result: await readRunResult(folder) })),
  );
  const merged = mergeShards(shards, newRunId());
  const folder = resolve(values.out, merged.runId);

  await mkdir(folder, { recursive: true });
  for (const shard of shards) await copyAllure(shard.folder, folder);
  const published = await publishRun(merged, values.out, folder, process.env);

  printRunNotes(merged, published.history);
  printSummary(merged, displayPath(folder), published.files);
  return merged.exitCode;
}

/** Allure's result files have unique names, so every shard's go into one folder. */
async function copyAllure(shard: string, merged: string): Promise<void> {
  const from = join(shard, ALLURE_DIR);
  const exists = await stat(from).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (exists) await cp(from, join(merged, ALLURE_DIR), { recursive: true });
}
