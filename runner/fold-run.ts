import type { CheckRecord } from '../core/check-record.ts';
import type { TargetAttestations } from '../core/config/load-attestations.ts';
import type { LoadedExpectations } from '../core/config/load-expectations.ts';
import type { TargetExpectations } from '../core/expectations.ts';
import type { RunResult, TargetResult } from '../core/run-result.ts';
import { judgeExpectations, withoutKnownFindings } from './judge-expectations.ts';
import { exitCodeOf, requirementMatrix } from './verdicts.ts';

/** A target as the run result describes it, before its checks are folded into verdicts. */
export type TargetDescription = Omit<TargetResult, 'requirements'>;

export interface FoldInput {
  readonly targets: readonly TargetDescription[];
  readonly checks: readonly CheckRecord[];
  readonly harnessErrors: readonly string[];
  readonly attestations: ReadonlyMap<string, TargetAttestations>;
  readonly expectations: ReadonlyMap<string, LoadedExpectations>;
}

export type Folded = Pick<RunResult, 'targets' | 'expectations' | 'exitCode'>;

/**
 * Folds a run's checks into each target's requirement matrix, judges the known deviations, and
 * decides the exit code on the checks as they would be without the known findings. A run and a
 * merge of shards both come here, so the same checks always give the same verdicts.
 */
export function foldRun(input: FoldInput): Folded {
  const ofTarget = (checks: readonly CheckRecord[], name: string) =>
    checks.filter((c) => c.target === name);

  const targets = input.targets.map((target) => ({
    ...target,
    requirements: requirementMatrix(
      ofTarget(input.checks, target.name),
      input.attestations.get(target.name),
    ),
  }));
  const expectations = targets.flatMap((target): TargetExpectations[] => {
    const loaded = input.expectations.get(target.name);
    if (!loaded) return [];
    return [judgeExpectations(target.name, loaded, input.checks, target.requirements)];
  });

  const unexpected = withoutKnownFindings(
    input.checks,
    (name) => input.expectations.get(name)?.deviations ?? [],
  );
  const exitCode = exitCodeOf(
    targets.map((t) =>
      requirementMatrix(ofTarget(unexpected, t.name), input.attestations.get(t.name)),
    ),
    unexpected,
    input.harnessErrors,
  );

  return { targets, exitCode, ...(expectations.length > 0 ? { expectations } : {}) };
}

/** The attestations a folded run used, read back from its requirement rows. */
export function attestationsOf(targets: readonly TargetResult[]): Map<string, TargetAttestations> {
  return new Map(
    targets.map((target) => [
      target.name,
      new Map(target.requirements.flatMap((r) => (r.attestation ? [[r.id, r.attestation]] : []))),
    ]),
  );
}

/** The known deviations a folded run used, read back from its result. */
export function expectationsOf(run: Pick<RunResult, 'expectations'>) {
  return new Map<string, LoadedExpectations>(
    (run.expectations ?? []).map((e) => [
      e.target,
      {
        file: e.file,
        deviations: e.deviations.map(({ requirement, code, reason }) => ({
          ...(requirement !== undefined && { requirement }),
          ...(code !== undefined && { code }),
          reason,
        })),
      },
    ]),
  );
}
