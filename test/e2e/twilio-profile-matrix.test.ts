import { beforeAll, describe, expect, test } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import { SUITES } from '../../core/suites.ts';
import { RECEIPT_FAULT_VERDICTS } from '../support/fault-verdicts.ts';
import { latestResult, runCli, verdictOf, type CliRun } from '../support/run-cli.ts';

/**
 * The profile matrix for the Twilio dialect, in the same run as a Notify target: one command,
 * one report, both dialects judged by the same suites. Twilio's own wire (signed form callbacks,
 * ErrorCodes on undelivered texts) must let the same faults show.
 */

const TWILIO_PROFILES = [
  'compliant',
  'no-receipts',
  'temporary-as-permanent',
  'permanent-as-temporary',
  'unauthenticated-callbacks',
  'test-mode-leaks',
  'sender-truncated',
  'overseas-surcharge',
  'replies-dropped',
];

let run: CliRun;
let result: RunResult;

beforeAll(async () => {
  const targets = ['sim:notify', ...TWILIO_PROFILES.map((p) => `sim:twilio:${p}`)];
  // The failover suite judges none of the requirements below and is the longest by far; it has
  // matrices of its own (failover-profiles.test.ts; Twilio in failover-dialects.test.ts).
  const suites = SUITES.filter((s) => s !== 'failover').flatMap((s) => ['--suite', s]);
  run = await runCli([
    'run',
    '--quiet',
    '--out',
    '$OUT',
    ...suites,
    ...targets.flatMap((t) => ['--target', t]),
  ]);
  result = await latestResult(run.outDir);
  // Ten simulators on a machine other work shares: one run took six minutes.
}, 900_000);

const verdict = (profile: string, requirement: string) =>
  verdictOf(result, `sim-twilio-${profile}`, requirement);

test('one run reports both dialects, with findings and no harness error', () => {
  expect(run.code, run.stderr).toBe(1);
  expect(result.harnessErrors).toEqual([]);
  expect(result.checks.filter((c) => c.outcome === 'error')).toEqual([]);
  expect(result.targets.map((t) => t.name)).toEqual([
    'sim-notify-compliant',
    ...TWILIO_PROFILES.map((p) => `sim-twilio-${p}`),
  ]);
  expect(verdictOf(result, 'sim-notify-compliant', 'RCPT-01')).toBe('pass');
});

/**
 * What each profile must do to each requirement on Twilio's wire: the compliant simulator
 * passes, a faulty profile fails what it breaks and leaves the rest alone.
 */
const EXPECTED_VERDICTS: readonly (readonly [string, string, string])[] = [
  ...['RCPT-01', 'RCPT-02', 'ERR-01', 'ERR-02', 'TEST-01', 'SID-01', 'SID-02', 'SID-04'].map(
    (id) => ['compliant', id, 'pass'] as const,
  ),
  ...['INTL-01', 'INTL-02', 'CONT-01', 'TEST-02'].map((id) => ['compliant', id, 'pass'] as const),
  ...['SID-03', 'SID-06'].map((id) => ['compliant', id, 'pass'] as const),
  ['compliant', 'RCPT-03', 'partial'],
  ...RECEIPT_FAULT_VERDICTS,
  // The interim callbacks (`sending`, `sent`) still come, signed: authentication is judged.
  ['no-receipts', 'RCPT-03', 'partial'],
  ['unauthenticated-callbacks', 'RCPT-02', 'pass'],
  ['test-mode-leaks', 'TEST-02', 'fail'],
  ['test-mode-leaks', 'TEST-01', 'pass'],
  ['overseas-surcharge', 'INTL-02', 'fail'],
  ['overseas-surcharge', 'INTL-01', 'pass'],
  // Replies reach an owned number's SmsUrl; dropped ones never arrive, nor are they listed.
  ['replies-dropped', 'SID-03', 'fail'],
  ['replies-dropped', 'SID-06', 'fail'],
  ['replies-dropped', 'SID-01', 'pass'],
  ['replies-dropped', 'RCPT-01', 'pass'],
];

test.each(EXPECTED_VERDICTS)('under %s, %s is %s', (profile, requirement, expected) => {
  expect(verdict(profile, requirement)).toBe(expected);
});

describe('on the wire of Twilio', () => {
  test('every contract check passes, listing by number where Twilio keeps no reference', () => {
    const send = result.checks.filter(
      (c) => c.target === 'sim-twilio-compliant' && c.suite === 'send',
    );
    expect(send.map((c) => [c.id, c.outcome])).toEqual([
      ['send/read-back', 'pass'],
      ['send/listed', 'pass'],
      ['send/unknown-id', 'pass'],
    ]);
  });

  test('receipts keep Twilio’s status and ErrorCode as evidence', () => {
    const kinds = result.checks.find(
      (c) => c.target === 'sim-twilio-compliant' && c.id === 'receipts/failure-kinds',
    );
    const seen = kinds?.evidence.flatMap((e) => (e.kind === 'receipt' ? [e.providerStatus] : []));
    expect(seen).toEqual(
      expect.arrayContaining(['undelivered (30005)', 'undelivered (30003)', 'failed (30008)']),
    );
  });

  test('test credentials are judged at the send: magic numbers give their documented codes', () => {
    const testMode = result.checks.find(
      (c) => c.target === 'sim-twilio-compliant' && c.id === 'smoke/test-mode',
    );
    const codes = testMode?.evidence.flatMap((e) =>
      e.kind === 'exchange' && e.response?.status === 400
        ? [(JSON.parse(e.response.body ?? '{}') as { code?: number }).code]
        : [],
    );
    expect(codes).toEqual([21211, 21612, 21408, 21610, 21614]);
  });

  test('a reply reaches the owned number’s webhook and is listed as an inbound Message', () => {
    const reply = result.checks.find(
      (c) => c.target === 'sim-twilio-compliant' && c.id === 'replies/reach-service',
    );
    const listing = reply?.evidence.find(
      (e) => e.kind === 'exchange' && e.label === 'inbound' && e.response?.status === 200,
    );
    expect(reply?.outcome).toBe('pass');
    expect(listing).toBeDefined();
  });

  test('an unsigned callback is refused by the signature check, not by its shape', () => {
    const callback = result.checks.find(
      (c) => c.target === 'sim-twilio-unauthenticated-callbacks' && c.id === 'receipts/callback',
    );
    const finding = callback?.findings.find((f) => f.code === 'callback_unauthenticated');
    expect(finding?.actual).toBe('no X-Twilio-Signature header');
  });
});

describe('Notify-only flows say why they do not apply, never pass', () => {
  test.each([['smoke/smoke-numbers', 'skipped', 'no smoke-test numbers']])(
    '%s is %s: %s',
    (id, outcome, reason) => {
      const found = result.checks.find((c) => c.target === 'sim-twilio-compliant' && c.id === id);
      expect(found?.outcome).toBe(outcome);
      expect(found?.reason).toContain(reason);
    },
  );
});
