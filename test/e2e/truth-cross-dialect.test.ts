import { beforeAll, expect, test } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import { verdictOf } from '../support/run-cli.ts';
import { runTruthSuite, truthOf as truthIn } from '../support/truth-run.ts';

/**
 * An observer of the second kind across dialects, in one run: texts go out through the
 * simulated Twilio and are read back through the simulated Notify service's received texts,
 * at its inbound number, over the one network both dialects share.
 */
const SAMPLE = 10;
// A minute of real time (at timeScale 25) for each status to be read: on a loaded CI machine,
// 59 statuses read one after another can outlast the five-second floor, and a status read after
// the deadline gets no grace period, so its text would be "not seen yet" instead of judged.
const DEADLINE_SECONDS = 1500;

const CONFIG = `
timeScale: 25
targets:
  - name: through-twilio
    dialect: twilio
    receiptDeadlineSeconds: ${DEADLINE_SECONDS}
    simulator: { profile: compliant }
    truth: { sampleSize: ${SAMPLE}, observer: { kind: received-texts, dialect: notify } }
  - name: through-twilio-faking
    dialect: twilio
    receiptDeadlineSeconds: ${DEADLINE_SECONDS}
    simulator: { profile: fake-receipts-all }
    truth: { sampleSize: ${SAMPLE}, observer: { kind: received-texts, dialect: notify } }
`;

let result: RunResult;

beforeAll(async () => {
  result = await runTruthSuite(CONFIG);
}, 900_000);

const truthOf = (target: string) => truthIn(result, target);

test('texts sent through Twilio are all seen through Notify, none faked', () => {
  expect(result.harnessErrors).toEqual([]);
  expect(truthOf('through-twilio')?.fakeReceipts).toMatchObject({ fakes: 0, judged: SAMPLE });
  expect(verdictOf(result, 'through-twilio', 'RCPT-01')).toBe('pass');
});

test('a Twilio route faking receipts is caught by the Notify observer', () => {
  expect(truthOf('through-twilio-faking')?.fakeReceipts).toMatchObject({
    fakes: SAMPLE,
    judged: SAMPLE,
  });
  expect(verdictOf(result, 'through-twilio-faking', 'RCPT-01')).toBe('fail');
});
