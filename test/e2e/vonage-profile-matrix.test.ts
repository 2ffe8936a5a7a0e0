import { beforeAll, describe, expect, test } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import { RECEIPT_FAULT_VERDICTS } from '../support/fault-verdicts.ts';
import { latestResult, runCli, verdictOf, type CliRun } from '../support/run-cli.ts';

/**
 * The profile matrix for the Vonage dialect, in one run with a Notify and a Twilio target: one
 * command, one report, three dialects judged by the same suites. Vonage's own wire (HTTP 200
 * refusals, receipts signed in their parameters, err-codes on failed receipts, no status
 * lookup) must let the same faults show.
 */

const VONAGE_PROFILES = [
  'compliant',
  'no-receipts',
  'temporary-as-permanent',
  'permanent-as-temporary',
  'unauthenticated-callbacks',
  'sender-truncated',
  'overseas-surcharge',
];

let run: CliRun;
let result: RunResult;

beforeAll(async () => {
  const targets = ['sim:notify', 'sim:twilio', ...VONAGE_PROFILES.map((p) => `sim:vonage:${p}`)];
  const suites = [
    'send',
    'receipts',
    'delivery-errors',
    'smoke',
    'sender-id',
    'transport',
    'overseas',
    'content',
  ];
  run = await runCli([
    'run',
    '--quiet',
    '--out',
    '$OUT',
    ...suites.flatMap((s) => ['--suite', s]),
    ...targets.flatMap((t) => ['--target', t]),
  ]);
  result = await latestResult(run.outDir);
}, 900_000);

const verdict = (profile: string, requirement: string) =>
  verdictOf(result, `sim-vonage-${profile}`, requirement);

test('one run reports all three dialects, with findings and no harness error', () => {
  expect(run.code, run.stderr).toBe(1);
  expect(result.harnessErrors).toEqual([]);
  expect(result.checks.filter((c) => c.outcome === 'error')).toEqual([]);
  expect(result.targets.map((t) => t.name)).toEqual([
    'sim-notify-compliant',
    'sim-twilio-compliant',
    ...VONAGE_PROFILES.map((p) => `sim-vonage-${p}`),
  ]);
  expect(verdictOf(result, 'sim-notify-compliant', 'RCPT-01')).toBe('pass');
  expect(verdictOf(result, 'sim-twilio-compliant', 'RCPT-01')).toBe('pass');
});

/**
 * What each profile must do to each requirement on Vonage's wire: the compliant simulator
 * passes, a faulty profile fails what it breaks and leaves the rest alone.
 */
const EXPECTED_VERDICTS: readonly (readonly [string, string, string])[] = [
  ...['RCPT-01', 'RCPT-02', 'ERR-01', 'ERR-02', 'TEST-01', 'SID-01', 'SID-02', 'SID-04'].map(
    (id) => ['compliant', id, 'pass'] as const,
  ),
  // The callback URL goes with each message, so its TLS is the service's choice: partial.
  ['compliant', 'RCPT-03', 'partial'],
  ['compliant', 'TEST-02', 'not-applicable'],
  // Prices come with each receipt, so a surcharge abroad shows there.
  ['compliant', 'INTL-01', 'pass'],
  ['compliant', 'INTL-02', 'pass'],
  // A long text goes as one message per part, each billed apart: the parts add up.
  ['compliant', 'CONT-01', 'pass'],
  ...RECEIPT_FAULT_VERDICTS,
  ['no-receipts', 'SID-04', 'pass'],
  ['unauthenticated-callbacks', 'RCPT-02', 'pass'],
  ['overseas-surcharge', 'INTL-02', 'fail'],
  ['overseas-surcharge', 'INTL-01', 'pass'],
];

test.each(EXPECTED_VERDICTS)('under %s, %s is %s', (profile, requirement, expected) => {
  expect(verdict(profile, requirement)).toBe(expected);
});

describe('on the wire of Vonage', () => {
  const checkOf = (profile: string, id: string) =>
    result.checks.find((c) => c.target === `sim-vonage-${profile}` && c.id === id);

  test('nothing can be read back or listed, and says so rather than passing', () => {
    const send = result.checks.filter(
      (c) => c.target === 'sim-vonage-compliant' && c.suite === 'send',
    );
    expect(send.map((c) => [c.id, c.outcome])).toEqual([
      ['send/read-back', 'not-applicable'],
      ['send/listed', 'not-applicable'],
      ['send/unknown-id', 'not-applicable'],
    ]);
  });

  test('receipts keep Vonage’s status and err-code as evidence', () => {
    const seen = checkOf('compliant', 'receipts/failure-kinds')?.evidence.flatMap((e) =>
      e.kind === 'receipt' ? [e.providerStatus] : [],
    );
    expect(seen).toEqual(
      expect.arrayContaining([
        'failed (err-code 3)',
        'failed (err-code 2)',
        'unknown (err-code 99)',
      ]),
    );
  });

  test('an unsigned receipt is refused for its missing sig, not for its shape', () => {
    const callback = checkOf('unauthenticated-callbacks', 'receipts/callback');
    const finding = callback?.findings.find((f) => f.code === 'callback_unauthenticated');
    expect(finding?.actual).toBe('the callback carries no sig');
  });

  test('a sender too long is refused with status 15, not cut short', () => {
    const senders = checkOf('compliant', 'sender-id/invalid-refused');
    const refusals = senders?.evidence.flatMap((e) =>
      e.kind === 'exchange' && e.response?.body?.includes('"status":"15"') ? [e] : [],
    );
    expect(refusals?.length).toBeGreaterThan(0);
    expect(refusals?.[0]?.response?.status).toBe(200);
  });
});
