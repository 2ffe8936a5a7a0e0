import type { LoadedExpectations } from '../core/config/load-expectations.ts';
import { ConfigError } from '../core/errors.ts';
import type { RunResult } from '../core/run-result.ts';
import { orderChecks } from './order-checks.ts';
import { attestationsOf, expectationsOf, foldRun, type TargetDescription } from './fold-run.ts';

/** A shard's result and the folder it was read from, to name in errors. */
export interface ShardRun {
  readonly folder: string;
  readonly result: RunResult;
}

/**
 * One run from the shards of a sharded run: their checks together, folded again into verdicts
 * by the same code a run uses, so the merge judges exactly as the unsplit run would. The shards
 * must be all N of one sharding (1/N … N/N) of one configuration.
 */
export function mergeShards(shards: readonly ShardRun[], runId: string): RunResult {
  const ordered = checkShards(shards);
  const results = ordered.map((s) => s.result);
  const first = results[0]!;
  const suites = [...new Set(results.flatMap((r) => r.suites))];
  const checks = orderChecks(
    results.flatMap((r) => r.checks),
    suites,
  );
  const harnessErrors = results.flatMap((r) => r.harnessErrors);
  const folded = foldRun({
    targets: targetsOf(results),
    checks,
    harnessErrors,
    attestations: unionOf(results.map((r) => attestationsOf(r.targets))),
    expectations: unionOf<LoadedExpectations>(results.map(expectationsOf)),
  });
  const startedAt = results.map((r) => r.startedAt).sort()[0]!;
  const finishedAt = results
    .map((r) => r.finishedAt)
    .sort()
    .at(-1)!;

  return {
    schemaVersion: first.schemaVersion,
    runId,
    harnessVersion: first.harnessVersion,
    startedAt,
    finishedAt,
    durationMs: Date.parse(finishedAt) - Date.parse(startedAt),
    timeScale: first.timeScale,
    configHash: first.configHash,
    suites,
    targets: folded.targets,
    checks,
    suppressions: checks.flatMap((c) => c.suppressions ?? []),
    harnessErrors,
    exitCode: folded.exitCode,
    ...(folded.expectations && { expectations: folded.expectations }),
    mergedFrom: results.map((r) => r.runId),
  };
}

/** The shards in index order, once each problem that would make the merge wrong is ruled out. */
function checkShards(shards: readonly ShardRun[]): ShardRun[] {
  const problems: string[] = [];
  for (const { folder, result } of shards) {
    if (!result.shard) problems.push(`${folder}: not a shard (run with --shard INDEX/COUNT)`);
  }
  if (problems.length > 0) throw new ConfigError('merge', problems);

  const count = shards[0]!.result.shard!.count;
  const hash = shards[0]!.result.configHash;
  const byIndex = new Map<number, string>();
  for (const { folder, result } of shards) {
    const shard = result.shard!;
    if (shard.count !== count) {
      problems.push(`${folder}: shard ${shard.index}/${shard.count}, the others are of ${count}`);
    }
    if (result.configHash !== hash) {
      problems.push(`${folder}: configuration hash ${result.configHash}, the first has ${hash}`);
    }
    const twin = byIndex.get(shard.index);
    if (twin) problems.push(`${folder}: shard ${shard.index} again (also ${twin})`);
    byIndex.set(shard.index, folder);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) problems.push(`missing shard(s) ${missing.join(', ')} of ${count}`);
  if (problems.length > 0) throw new ConfigError('merge', problems);

  return [...shards].sort((a, b) => a.result.shard!.index - b.result.shard!.index);
}

/** Every target any shard ran, described as the first shard that ran it described it. */
function targetsOf(results: readonly RunResult[]): TargetDescription[] {
  const seen = new Map<string, TargetDescription>();
  for (const target of results.flatMap((r) => r.targets)) {
    if (seen.has(target.name)) continue;
    const { requirements: _requirements, ...description } = target;
    seen.set(target.name, description);
  }
  return [...seen.values()];
}

function unionOf<T>(maps: readonly ReadonlyMap<string, T>[]): Map<string, T> {
  const union = new Map<string, T>();
  for (const map of maps)
    for (const [key, value] of map) if (!union.has(key)) union.set(key, value);
  return union;
}
