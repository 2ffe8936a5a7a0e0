import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import type { TruthEvidence } from '../../core/truth-evidence.ts';
import { latestResult, runCli, scratchDir, verdictOf, type CliRun } from '../support/run-cli.ts';

/**
 * A Twilio number's incoming-message webhook as the observer, in one run: texts go out through
 * the simulated Notify service to the simulated Twilio account's number, whose SmsUrl the
 * harness has pointed at its receiver; each signed webhook is an arrival.
 */
const SAMPLE = 10;
// A minute of real time (at timeScale 25) for each status to be read: on a loaded CI machine,
// 59 statuses read one after another can outlast the five-second floor, and a status read after
// the deadline gets no grace period, so its text would be "not seen yet" instead of judged.
const DEADLINE_SECONDS = 1500;

const CONFIG = `
timeScale: 25
targets:
  - name: through-notify
    dialect: notify
    receiptDeadlineSeconds: ${DEADLINE_SECONDS}
    simulator: { profile: compliant }
    truth: { sampleSize: ${SAMPLE}, observer: { kind: twilio-webhook } }
  - name: through-notify-faking
    dialect: notify
    receiptDeadlineSeconds: ${DEADLINE_SECONDS}
    simulator: { profile: fake-receipts-all }
    truth: { sampleSize: ${SAMPLE}, observer: { kind: twilio-webhook } }
`;

let run: CliRun;
let result: RunResult;

beforeAll(async () => {
  const config = join(await scratchDir(), 'assure.yaml');
  await writeFile(config, CONFIG);
  run = await runCli(['run', '--quiet', '--config', config, '--suite', 'truth', '--out', '$OUT']);
  result = await latestResult(run.outDir);
}, 900_000);

function truthOf(target: string): TruthEvidence | undefined {
  const check = result.checks.find((c) => c.target === target && c.id === 'truth/receipts-true');
  return check?.evidence.find((e): e is TruthEvidence => e.kind === 'truth');
}

test("texts sent through Notify all reach the Twilio number's webhook, none faked", () => {
  expect(result.harnessErrors).toEqual([]);
  const truth = truthOf('through-notify');
  expect(truth?.fakeReceipts).toMatchObject({ fakes: 0, judged: SAMPLE });
  expect(truth?.probes.every((p) => p.handsetSaw === 'arrived')).toBe(true);
  expect(verdictOf(result, 'through-notify', 'RCPT-01')).toBe('pass');
});

test('a Notify route faking receipts is caught by the Twilio webhook observer', () => {
  expect(truthOf('through-notify-faking')?.fakeReceipts).toMatchObject({
    fakes: SAMPLE,
    judged: SAMPLE,
  });
  expect(verdictOf(result, 'through-notify-faking', 'RCPT-01')).toBe('fail');
});
