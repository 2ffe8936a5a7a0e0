import { expect } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import { latestResult, runCli, verdictOf, type CliRun } from './run-cli.ts';

export interface ProfileRun {
  readonly run: CliRun;
  readonly result: RunResult;
  /** The verdict of a requirement for the target `sim:<dialect>:<profile>`. */
  verdict(profile: string, requirement: string): string;
  /** The run found supplier faults (exit 1) and nothing went wrong on the harness side. */
  expectFindingsOnly(): void;
}

/** One real CLI run of some suites against a simulated target per profile, in one dialect. */
export async function runProfiles(
  dialect: string,
  profiles: readonly string[],
  suites: readonly string[],
): Promise<ProfileRun> {
  const targets = profiles.flatMap((p) => ['--target', `sim:${dialect}:${p}`]);
  const suiteArgs = suites.flatMap((s) => ['--suite', s]);
  const run = await runCli(['run', '--quiet', '--out', '$OUT', ...suiteArgs, ...targets]);
  const result = await latestResult(run.outDir);

  return {
    run,
    result,
    verdict: (profile, requirement) => verdictOf(result, `sim-${dialect}-${profile}`, requirement),
    expectFindingsOnly: () => {
      expect(run.code, run.stderr).toBe(1);
      expect(result.harnessErrors).toEqual([]);
      expect(result.checks.filter((c) => c.outcome === 'error')).toEqual([]);
    },
  };
}
