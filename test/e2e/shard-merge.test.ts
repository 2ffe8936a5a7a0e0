import { generateKeyPairSync } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import { latestResult, runCli, type CliRun } from '../support/run-cli.ts';

/** Two profiles, four suite files: enough that each shard judges something the other does not. */
const RUN = [
  'run --quiet --out $OUT',
  '--target sim:notify:compliant --target sim:notify:no-receipts',
  '--suite smoke --suite receipts --suite send --suite delivery-errors',
]
  .join(' ')
  .split(' ');

function verdicts(result: RunResult): Record<string, string> {
  return Object.fromEntries(
    result.targets.flatMap((t) => t.requirements.map((r) => [`${t.name} ${r.id}`, r.verdict])),
  );
}

function checkIds(result: RunResult): string[] {
  return result.checks.map((c) => `${c.target} ${c.id}`);
}

describe('a run split into two shards and merged', () => {
  const signingKey = generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  let whole: CliRun;
  let shards: CliRun[];
  let merge: CliRun;
  let results: { whole: RunResult; shards: RunResult[]; merged: RunResult };

  beforeAll(async () => {
    [whole, ...shards] = await Promise.all([
      runCli(RUN),
      runCli([...RUN, '--shard', '1/2']),
      runCli([...RUN, '--shard', '2/2']),
    ]);
    const folders = shards.map((s) => join(s.outDir, 'latest'));
    merge = await runCli(['merge', ...folders, '--out', '$OUT'], {
      SMS_ASSURE_SIGNING_KEY: signingKey,
    });
    results = {
      whole: await latestResult(whole.outDir),
      shards: await Promise.all(shards.map((s) => latestResult(s.outDir))),
      merged: await latestResult(merge.outDir),
    };
  }, 180_000);

  test('each shard ran part of the checks, and together all of them, in the same order', () => {
    const [first, second] = results.shards;

    expect(first?.shard).toEqual({ index: 1, count: 2 });
    expect(second?.shard).toEqual({ index: 2, count: 2 });
    expect(first!.checks.length).toBeGreaterThan(0);
    expect(second!.checks.length).toBeGreaterThan(0);
    expect(checkIds(results.merged)).toEqual(checkIds(results.whole));
  });

  test('gives the same verdicts and exit code as the unsplit run', () => {
    expect(whole.code, whole.stderr).toBe(1);
    expect(verdicts(results.merged)).toEqual(verdicts(results.whole));
    expect(merge.code, merge.stderr).toBe(whole.code);
    expect(results.merged.exitCode).toBe(results.whole.exitCode);
  });

  test('is a new run that records the shards it came from', () => {
    const shardIds = results.shards.map((r) => r.runId);

    expect(results.merged.mergedFrom).toEqual(shardIds);
    expect(shardIds).not.toContain(results.merged.runId);
    expect(results.merged.shard).toBeUndefined();
    expect(merge.stdout).toContain(`Merged from ${shardIds.join(', ')}`);
  });

  test('rewrites and signs every report, and verify accepts the merged folder', async () => {
    const folder = join(merge.outDir, 'latest');
    const files = await readdir(folder);
    const summary = await readFile(join(folder, 'summary.md'), 'utf8');
    const verify = await runCli(['verify', folder]);

    expect(files).toEqual(
      expect.arrayContaining(['report.html', 'junit.xml', 'manifest.sig.json']),
    );
    expect(summary).toContain(results.merged.runId);
    expect(verify.code, verify.stdout).toBe(0);
  });

  test('only whole runs enter the history: the merge does, the shards do not', async () => {
    const history = await readFile(join(merge.outDir, 'history.jsonl'), 'utf8');
    const shardHistories = await Promise.all(
      shards.map((s) => readdir(s.outDir).then((names) => names.includes('history.jsonl'))),
    );

    expect(
      history
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).runId),
    ).toEqual([results.merged.runId]);
    expect(shardHistories).toEqual([false, false]);
  });

  test('a shard given twice, with its partner missing, is refused with exit 3', async () => {
    const first = join(shards[0]!.outDir, 'latest');
    const again = await runCli(['merge', first, first, '--out', '$OUT']);

    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/shard 1 again/);
    expect(again.stderr).toMatch(/missing shard\(s\) 2 of 2/);
  });
});
