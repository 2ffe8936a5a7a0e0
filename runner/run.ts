import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { loadAttestations } from '../core/config/load-attestations.ts';
import type { Config } from '../core/config/schema.ts';
import { RUN_RESULT_SCHEMA_VERSION, type RunResult } from '../core/run-result.ts';
import { suiteFile, type SuiteName } from '../core/suites.ts';
import type { ResolvedTarget } from '../core/target.ts';
import { startCallbackReceiver } from '../providers/callback-receiver.ts';
import { supplierName } from '../providers/registry.ts';
import { loadExpectations } from '../core/config/load-expectations.ts';
import { readSigningKey, type History, type ReportFiles } from '../reports/index.ts';
import { checkBudgetMs } from '../suites/support/check-budget.ts';
import { EvidenceCollector, type ProgressListener } from './evidence-collector.ts';
import { HARNESS_VERSION } from './harness-version.ts';
import { resolveTargets } from './resolve-targets.ts';
import { newRunId } from './run-id.ts';
import { foldRun } from './fold-run.ts';
import { orderChecks } from './order-checks.ts';
import { publishRun } from './publish-run.ts';

export interface RunOptions {
  readonly config: Config;
  readonly configSource: string;
  readonly configHash: string;
  readonly suites: readonly SuiteName[];
  readonly outputRoot: string;
  readonly allowLive: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly onCheck: ProgressListener;
  readonly onStage?: (stage: string) => void;
  readonly runId?: string;
  /** Expectations files by target name, over the targets' own `expectations`. */
  readonly expectationFiles?: ReadonlyMap<string, string>;
  /** Run only this slice of the suite files (vitest's sharding); the run is then partial. */
  readonly shard?: { readonly index: number; readonly count: number };
}

export interface RunOutcome {
  readonly result: RunResult;
  readonly folder: string;
  readonly files: ReportFiles;
  readonly history?: History;
}

const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * One assurance run: start the receiver and any simulators, run the suites through vitest
 * against every target, fold the evidence into verdicts and write the reports.
 */
export async function runAssurance(options: RunOptions): Promise<RunOutcome> {
  const { config } = options;
  const runId = options.runId ?? newRunId();
  const started = new Date();
  const folder = resolve(options.outputRoot, runId);
  // An unusable signing key would only be found when the reports are written: fail first.
  await readSigningKey(options.env);
  const attestations = await loadAttestations(config.targets);
  const expectations = await loadExpectations(config.targets, options.expectationFiles);

  await using receiver = await startCallbackReceiver('127.0.0.1', config.receiverPort);
  options.onStage?.('starting targets');
  const setup = await resolveTargets(config.targets, {
    source: options.configSource,
    timeScale: config.timeScale,
    allowLive: options.allowLive,
    env: options.env,
    receiver,
  });

  const collector = new EvidenceCollector(options.onCheck);
  try {
    await mkdir(folder, { recursive: true });
    options.onStage?.(
      `running ${options.suites.join(', ')} against ${setup.targets.length} target(s)`,
    );
    await runSuites(options.suites, collector, {
      targets: setup.targets,
      runId,
      allureDir: join(folder, 'allure-results'),
      // Above every check's own budget, so vitest's timeout never ends a check before it does.
      testTimeoutMs: Math.max(...setup.targets.map(checkBudgetMs)) + 30_000,
      ...(options.shard && { shard: `${options.shard.index}/${options.shard.count}` }),
    });
  } finally {
    await Promise.all(setup.simulators.map((s) => s.stop()));
  }

  const checks = orderChecks(collector.checks, options.suites);
  const folded = foldRun({
    targets: setup.targets.map((target) => ({
      name: target.name,
      dialect: target.dialect,
      supplier: supplierName(target),
      baseUrl: target.baseUrl,
      simulated: target.simulator !== undefined,
      ...(target.simulator ? { profile: target.simulator.profile } : {}),
    })),
    checks,
    harnessErrors: collector.harnessErrors,
    attestations,
    expectations,
  });
  const finished = new Date();
  const result: RunResult = {
    schemaVersion: RUN_RESULT_SCHEMA_VERSION,
    runId,
    harnessVersion: HARNESS_VERSION,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    timeScale: config.timeScale,
    configHash: options.configHash,
    suites: [...options.suites],
    targets: folded.targets,
    checks,
    suppressions: checks.flatMap((c) => c.suppressions ?? []),
    harnessErrors: collector.harnessErrors,
    exitCode: folded.exitCode,
    ...(folded.expectations && { expectations: folded.expectations }),
    ...(options.shard && { shard: options.shard }),
  };

  options.onStage?.('writing reports');
  const published = await publishRun(result, options.outputRoot, folder, options.env);
  return { result, folder, ...published };
}

interface SuiteRun {
  readonly targets: ResolvedTarget[];
  readonly runId: string;
  readonly allureDir: string;
  readonly testTimeoutMs: number;
  readonly shard?: string;
}

async function runSuites(
  suites: readonly SuiteName[],
  collector: EvidenceCollector,
  run: SuiteRun,
) {
  const vitest = await startVitest(
    'test',
    [],
    {
      root: PACKAGE_ROOT,
      config: false,
      watch: false,
      include: suites.map(suiteFile),
      reporters: [collector, ['allure-vitest/reporter', { resultsDir: run.allureDir }]],
      provide: { targets: run.targets, runId: run.runId },
      testTimeout: run.testTimeoutMs,
      passWithNoTests: true,
      ...(run.shard && { shard: run.shard }),
    },
    { test: { exclude: [] } },
  );
  await vitest.close();
}
