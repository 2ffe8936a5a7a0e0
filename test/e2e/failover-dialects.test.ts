import { beforeAll, expect, test } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import { latestResult, runCli, verdictOf, type CliRun } from '../support/run-cli.ts';

/**
 * The failover suite beyond Notify, in one run of the CLI: a compliant Twilio (which keeps no
 * reference, so a text in doubt is found by number and text) and a compliant SMSC pass AGG-03;
 * each fails it once its receipts are gone. The SMSC answers an outage with ESME_RSYSERR, and
 * failover is judged on it; neither the SMSC nor SNS can be asked about a send whose answer was
 * cut off, so flapping is skipped on both, saying why, never judged as a supplier's fault.
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

test('on the SMSC, an outage is judged: ESME_RSYSERR moves traffic, and nothing is lost', () => {
  const outage = result.checks.find(
    (c) => c.target === 'sim-smpp-compliant' && c.id === 'failover/primary-outage',
  );
  const figures = outage?.evidence.flatMap((e) => (e.kind === 'failover' ? [e.figures] : []));

  expect(outage?.outcome).toBe('pass');
  expect(figures).toEqual([expect.objectContaining({ lost: 0, duplicated: 0 })]);
  expect(figures?.[0]?.timeToSwitchMs).not.toBeNull();
});

test("on the SMSC, flapping is skipped: a cut-off submit's id is lost with its answer", () => {
  const check = result.checks.find(
    (c) => c.target === 'sim-smpp-compliant' && c.id === 'failover/primary-flapping',
  );

  expect(check?.outcome).toBe('skipped');
  expect(check?.reason).toMatch(/asked nothing about a message whose answer was cut off/);
});

test('on SNS, flapping is skipped, saying a cut-off send could never be settled', () => {
  const check = result.checks.find(
    (c) => c.target === 'sim-sns-compliant' && c.id === 'failover/primary-flapping',
  );

  expect(check?.outcome).toBe('skipped');
  expect(check?.reason).toMatch(/asked nothing about a message/);
});
