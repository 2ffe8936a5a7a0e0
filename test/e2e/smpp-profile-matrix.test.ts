import { beforeAll, describe, expect, test } from 'vitest';
import { FAILURE_KIND_VERDICTS, type ExpectedVerdict } from '../support/fault-verdicts.ts';
import { runProfiles, type ProfileRun } from '../support/profile-run.ts';

/**
 * The SMPP adapter against the simulator's SMSC, in one real run of the CLI: the send, receipt,
 * delivery-error, reply and sender suites pass against the compliant profile and fail against the
 * profile that breaks each requirement, and the checks SMPP cannot run say why.
 */

const PROFILES = [
  'compliant',
  'no-receipts',
  'temporary-as-permanent',
  'permanent-as-temporary',
  'replies-dropped',
  'sender-truncated',
  'plaintext-storage',
];
const SUITES = ['send', 'receipts', 'delivery-errors', 'replies', 'sender-id', 'at-rest'];

let profiles: ProfileRun;

beforeAll(async () => {
  profiles = await runProfiles('smpp', PROFILES, SUITES);
}, 900_000);

const verdict = (profile: string, requirement: string) => profiles.verdict(profile, requirement);

test('the run reports findings with exit 1 and no harness error', () => {
  profiles.expectFindingsOnly();
});

test.each([
  'RCPT-01',
  'RCPT-02',
  'ERR-01',
  'ERR-02',
  'SID-01',
  'SID-03',
  'SID-04',
  'SID-06',
  'ENC-02',
])('the compliant SMSC passes %s', (requirement) => {
  expect(verdict('compliant', requirement)).toBe('pass');
});

describe('each faulty profile fails the requirement it breaks, and only that', () => {
  test.each<ExpectedVerdict>([
    ['no-receipts', 'RCPT-01', 'fail'],
    ...FAILURE_KIND_VERDICTS,
    ['replies-dropped', 'SID-03', 'fail'],
    ['replies-dropped', 'RCPT-01', 'pass'],
    ['sender-truncated', 'SID-04', 'fail'],
    ['sender-truncated', 'SID-01', 'pass'],
    // The SMSC's message book is kept in the store too, sealed like every other record.
    ['plaintext-storage', 'ENC-02', 'fail'],
    ['plaintext-storage', 'RCPT-01', 'pass'],
  ])('%s: %s is %s', (profile, requirement, expected) => {
    expect(verdict(profile, requirement)).toBe(expected);
  });
});

test('checks SMPP cannot run end not-applicable or skipped, with the reason', () => {
  const compliant = profiles.result.checks.filter((c) => c.target === 'sim-smpp-compliant');
  const ended = Object.fromEntries(
    compliant.filter((c) => c.outcome !== 'pass').map((c) => [c.id, [c.outcome, c.reason]]),
  );

  expect(ended).toEqual({
    'send/read-back': ['not-applicable', expect.stringContaining('read a sent text back')],
    'send/listed': ['not-applicable', expect.stringContaining('no message listing')],
    'receipts/callback': ['skipped', expect.stringContaining('no callback URL')],
  });
});

test('receipts are evidenced as SMPP exchanges, and the technical failure is told apart', () => {
  const kinds = profiles.result.checks.find(
    (c) => c.target === 'sim-smpp-compliant' && c.id === 'receipts/failure-kinds',
  );
  const labels = new Set(kinds?.evidence.flatMap((e) => (e.kind === 'exchange' ? [e.label] : [])));
  const receipts = kinds?.evidence.flatMap((e) => (e.kind === 'receipt' ? [e.providerStatus] : []));

  expect(labels.has('submit_sm')).toBe(true);
  expect([...labels].every((l) => l === 'submit_sm' || l === 'query_sm')).toBe(true);
  expect(receipts).toEqual(['UNDELIV err:001', 'UNDELIV err:027', 'UNKNOWN err:034']);
});
