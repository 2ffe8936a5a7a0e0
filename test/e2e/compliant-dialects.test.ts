import { beforeAll, expect, test } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import { SUITES } from '../../core/suites.ts';
import { kannelMissing } from '../../providers/kannel/kannel-process.ts';
import { latestResult, runCli, type CliRun } from '../support/run-cli.ts';

/**
 * Every dialect's compliant simulator, every suite, in one run, as a team comparing
 * suppliers would start: nothing may fail. A compliant supplier failing a requirement is the
 * harness blaming the supplier for a limit of its own (a submit cut off with its id, a
 * long text billed per part, a gateway that refuses by report).
 */
const missing = await kannelMissing();
const TARGETS = [
  'sim:notify',
  'sim:twilio',
  'sim:vonage',
  'sim:sns',
  'sim:smpp',
  'sim:declarative:firetext',
  ...(missing ? [] : ['sim:kannel', 'sim:declarative:kannel']),
];

let run: CliRun;
let result: RunResult;

beforeAll(async () => {
  // A gentler clock than the default: eight suppliers, every suite, on a machine other test
  // files share; what must not fail here must not fail for want of a few real milliseconds.
  run = await runCli([
    'run',
    '--quiet',
    '--time-scale',
    '25',
    ...SUITES.flatMap((s) => ['--suite', s]),
    '--out',
    '$OUT',
    ...TARGETS.flatMap((t) => ['--target', t]),
  ]);
  result = await latestResult(run.outDir);
}, 900_000);

const without = missing ? ` (no Kannel: ${missing})` : '';

test(`every compliant dialect passes every suite${without}`, () => {
  const failing = result.targets.flatMap((t) =>
    t.requirements.filter((r) => r.verdict === 'fail').map((r) => `${t.name} ${r.id}`),
  );

  expect(result.harnessErrors).toEqual([]);
  expect(result.checks.filter((c) => c.outcome === 'error')).toEqual([]);
  expect(failing).toEqual([]);
  expect(run.code, run.stderr).toBe(0);
  expect(result.targets).toHaveLength(TARGETS.length);
});
