import { beforeAll, expect, test } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import { verdictOf } from '../support/run-cli.ts';
import { runTruthSuite, truthOf as truthIn } from '../support/truth-run.ts';

/**
 * Observers at inbound numbers of other services, in one run: texts go out through the
 * simulated Notify service to the simulated SMSC's inbound number, heard by a bind of the
 * observer's own as deliver_sm, or to the simulated Twilio account's number, whose SmsUrl the
 * harness points at its receiver and whose signed webhooks are the arrivals. A Twilio target
 * also watches its own number's webhook. Each kind is shown catching a faking route.
 */
const SAMPLE = 10;
// As in truth-cross-dialect: a minute of real time for each status to be read on a loaded machine.
const DEADLINE_SECONDS = 1500;

const target = (name: string, dialect: string, profile: string, observer: string) => `
  - name: ${name}
    dialect: ${dialect}
    receiptDeadlineSeconds: ${DEADLINE_SECONDS}
    simulator: { profile: ${profile} }
    truth: { sampleSize: ${SAMPLE}, observer: { kind: ${observer} } }`;

const CONFIG = `
timeScale: 25
targets:${[
  target('via-smpp', 'notify', 'compliant', 'smpp'),
  target('via-smpp-faking', 'notify', 'fake-receipts-all', 'smpp'),
  target('via-twilio', 'notify', 'compliant', 'twilio-webhook'),
  target('via-twilio-faking', 'notify', 'fake-receipts-all', 'twilio-webhook'),
  target('twilio-itself', 'twilio', 'compliant', 'twilio-webhook'),
].join('')}
`;

let result: RunResult;

beforeAll(async () => {
  result = await runTruthSuite(CONFIG);
}, 900_000);

const truthOf = (target: string) => truthIn(result, target);

test('runs without harness errors', () => {
  expect(result.harnessErrors).toEqual([]);
  expect(result.checks.filter((c) => c.outcome === 'error')).toEqual([]);
});

test.each(['via-smpp', 'via-twilio', 'twilio-itself'])(
  '%s: every text sent is seen at the observed number, none faked',
  (name) => {
    const truth = truthOf(name);
    expect(truth?.fakeReceipts).toMatchObject({ fakes: 0, judged: SAMPLE });
    const arrived = truth?.probes.filter((p) => p.handsetSaw === 'arrived') ?? [];
    expect(arrived).toHaveLength(SAMPLE);
    // The observer reads the sender and the text as they arrived, for SID-01 and CONT-01.
    expect(new Set(arrived.map((p) => p.senderShown))).toEqual(new Set([truth?.senderExpected]));
    expect(arrived.every((p) => p.textIntact === true)).toBe(true);
    expect(verdictOf(result, name, 'RCPT-01')).toBe('pass');
  },
);

test.each(['via-smpp-faking', 'via-twilio-faking'])(
  '%s: a route faking every receipt is caught',
  (name) => {
    expect(truthOf(name)?.fakeReceipts).toMatchObject({ fakes: SAMPLE, judged: SAMPLE });
    expect(verdictOf(result, name, 'RCPT-01')).toBe('fail');
  },
);
