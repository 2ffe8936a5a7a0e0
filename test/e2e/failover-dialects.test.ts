import { beforeAll, expect, test } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import { latestResult, runCli, verdictOf, type CliRun } from '../support/run-cli.ts';

/**
 * The failover suite beyond Notify, in one run of the CLI: a compliant Twilio (which keeps no
 * reference, so a text in doubt is found by number and text) and a compliant SMSC pass AGG-03;
 * each fails it once its receipts are gone. The SMSC takes no request faults, so its outage and
 * flapping are skipped with that reason, never judged as a supplier that never fails; SNS can
 * be asked nothing about a message, so a send its flapping cuts off could never be settled.
 */
const TARGETS = [
  'sim:twilio',
  'sim:smpp',
  'sim:sns',
  'sim:twilio:no-receipts',
  'sim:smpp:no-receipts',
];

let run: CliRun;
let result: RunResult;

beforeAll(async () => {
  const targets = TARGETS.flatMap((t) => ['--target', t]);
  run = await runCli(['run', '--quiet', '--suite', 'failover', '--out', '$OUT', ...targets]);
  result = await latestResult(run.outDir);
}, 900_000);

test('the run judges every target, with no harness error', () => {
  expect(result.harnessErrors).toEqual([]);
  expect(result.checks.filter((c) => c.outcome === 'error')).toEqual([]);
});

test.each([
  ['sim-twilio-compliant', 'pass'],
  ['sim-smpp-compliant', 'pass'],
  ['sim-sns-compliant', 'pass'],
  ['sim-twilio-no-receipts', 'fail'],
  ['sim-smpp-no-receipts', 'fail'],
])('%s: AGG-03 is %s', (target, expected) => {
  expect(verdictOf(result, target, 'AGG-03')).toBe(expected);
});

test('a compliant Twilio loses and repeats nothing at the handsets in any scenario', () => {
  const figures = result.checks
    .filter((c) => c.target === 'sim-twilio-compliant')
    .flatMap((c) => c.evidence.flatMap((e) => (e.kind === 'failover' ? [e.figures] : [])));

  expect(figures).toHaveLength(4);
  for (const f of figures) expect(f).toMatchObject({ lost: 0, duplicated: 0 });
});

test.each(['primary-outage', 'primary-flapping'])(
  'on the SMSC, %s is skipped, saying it cannot be made there',
  (scenario) => {
    const check = result.checks.find(
      (c) => c.target === 'sim-smpp-compliant' && c.id === `failover/${scenario}`,
    );

    expect(check?.outcome).toBe('skipped');
    expect(check?.reason).toMatch(/cannot be made on the simulator's SMSC/);
  },
);

test('on SNS, flapping is skipped, saying a cut-off send could never be settled', () => {
  const check = result.checks.find(
    (c) => c.target === 'sim-sns-compliant' && c.id === 'failover/primary-flapping',
  );

  expect(check?.outcome).toBe('skipped');
  expect(check?.reason).toMatch(/asked nothing about a message/);
});
