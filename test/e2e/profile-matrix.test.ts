import { beforeAll, describe, expect, test } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import { SUITES } from '../../core/suites.ts';
import { PROFILES } from '../../simulators/index.ts';
import { latestResult, runCli, verdictOf, type CliRun } from '../support/run-cli.ts';

/**
 * The harness's proof of worth: every requirement the suites cover passes against the compliant
 * simulator and fails against the profile that breaks it, all in one real run of the CLI.
 */

let run: CliRun;
let result: RunResult;

beforeAll(async () => {
  const targets = PROFILES.flatMap((p) => ['--target', `sim:notify:${p}`]);
  // The failover suite, whose figures hang on timing, has a matrix of its own
  // (failover-profiles.test.ts) over the profiles that bear on it.
  const suites = SUITES.filter((s) => s !== 'failover').flatMap((s) => ['--suite', s]);
  run = await runCli(['run', '--quiet', '--out', '$OUT', ...suites, ...targets]);
  result = await latestResult(run.outDir);
  // A simulator per profile, each sent every suite, on a machine other work shares.
}, 900_000);

const verdict = (profile: string, requirement: string) =>
  verdictOf(result, `sim-notify-${profile}`, requirement);

test('the run reports findings with exit 1 and no harness error', () => {
  expect(run.code, run.stderr).toBe(1);
  expect(result.harnessErrors).toEqual([]);
  expect(result.checks.filter((c) => c.outcome === 'error')).toEqual([]);
});

describe('against the compliant simulator', () => {
  test.each([
    ['RCPT-01', 'pass'],
    ['RCPT-02', 'pass'],
    ['RCPT-03', 'pass'],
    ['ERR-01', 'pass'],
    ['ERR-02', 'pass'],
    ['TEST-01', 'pass'],
    ['TEST-02', 'pass'],
    ['SID-01', 'pass'],
    ['SID-02', 'pass'],
    ['SID-03', 'pass'],
    ['SID-04', 'pass'],
    ['SID-05', 'pass'],
    ['SID-06', 'pass'],
    ['INTL-01', 'pass'],
    ['INTL-02', 'pass'],
    ['CONT-01', 'pass'],
    ['ENC-01', 'pass'],
    ['AGG-02', 'not-evidenced'],
    ['ENC-02', 'pass'],
  ])('%s is %s', (requirement, expected) => {
    expect(verdict('compliant', requirement)).toBe(expected);
  });
});

describe('each faulty profile fails the requirement it breaks', () => {
  test.each([
    ['no-receipts', 'RCPT-01'],
    ['no-receipts', 'TEST-01'],
    ['temporary-as-permanent', 'RCPT-02'],
    ['temporary-as-permanent', 'ERR-02'],
    ['permanent-as-temporary', 'RCPT-02'],
    ['permanent-as-temporary', 'ERR-01'],
    ['unauthenticated-callbacks', 'RCPT-03'],
    ['test-mode-leaks', 'TEST-02'],
    ['sender-altered', 'SID-01'],
    ['sender-inconsistent', 'SID-02'],
    ['sender-truncated', 'SID-04'],
    ['replies-dropped', 'SID-03'],
    ['overseas-surcharge', 'INTL-02'],
    ['plaintext-storage', 'ENC-02'],
    // fake-receipts-share is left out: unseeded, a run misses it 4.85% of the time.
    // test/e2e/truth.test.ts proves it caught with a seed, so that test cannot flake.
    ['fake-receipts-all', 'RCPT-01'],
    ['fake-receipts-unless-known', 'RCPT-01'],
    ['text-altered', 'CONT-01'],
    ['tls-weak', 'ENC-01'],
    ['plain-http', 'ENC-01'],
    ['callbacks-over-http', 'RCPT-03'],
  ])('%s fails %s', (profile, requirement) => {
    expect(verdict(profile, requirement)).toBe('fail');
  });
});

describe('and leaves the requirements it does not break alone', () => {
  test.each([
    ['temporary-as-permanent', 'ERR-01'],
    ['temporary-as-permanent', 'RCPT-01'],
    ['permanent-as-temporary', 'ERR-02'],
    ['unauthenticated-callbacks', 'RCPT-01'],
    ['test-mode-leaks', 'ERR-01'],
    ['sender-truncated', 'SID-01'],
    ['replies-dropped', 'SID-05'],
    ['overseas-surcharge', 'INTL-01'],
    ['overseas-surcharge', 'CONT-01'],
    ['fake-receipts-all', 'RCPT-02'],
    ['fake-receipts-all', 'ERR-01'],
    ['fake-receipts-all', 'CONT-01'],
    ['fake-receipts-share', 'RCPT-02'],
    ['fake-receipts-share', 'ERR-01'],
    ['fake-receipts-share', 'CONT-01'],
    ['fake-receipts-unless-known', 'RCPT-02'],
    ['fake-receipts-unless-known', 'CONT-01'],
    ['text-altered', 'RCPT-01'],
    ['text-altered', 'SID-01'],
    ['text-altered', 'SID-02'],
    ['unauthenticated-callbacks', 'ENC-01'],
    ['tls-weak', 'RCPT-03'],
    ['plain-http', 'RCPT-01'],
    ['plain-http', 'RCPT-03'],
    ['callbacks-over-http', 'RCPT-01'],
    ['callbacks-over-http', 'ENC-01'],
    ['no-internal-failover', 'RCPT-01'],
    ['no-internal-failover', 'SID-01'],
  ])('%s still passes %s', (profile, requirement) => {
    expect(verdict(profile, requirement)).toBe('pass');
  });
});

test('plaintext-storage breaks ENC-02 alone: every other verdict is the compliant one', () => {
  const rows = result.targets.find((t) => t.name === 'sim-notify-plaintext-storage')?.requirements;

  expect(rows?.length).toBeGreaterThan(1);
  for (const row of rows ?? []) {
    if (row.id !== 'ENC-02') expect(row.verdict, row.id).toBe(verdict('compliant', row.id));
  }
});

test('the at-rest finding names file and encoding, never the canary itself', () => {
  const atRest = result.checks.find(
    (c) => c.target === 'sim-notify-plaintext-storage' && c.id === 'at-rest/canaries-sealed',
  );
  const messages = atRest?.findings.map((f) => f.message).join('\n') ?? '';

  expect(messages).toMatch(/simulator\.sqlite\S* holds canary number tel:…\d{3} \(E\.164\)/);
  expect(messages).toMatch(/canary body 1 \(as sent\).* as UTF-8/);
  expect(JSON.stringify(atRest)).not.toMatch(/at-rest canary [0-9a-f]{24}|7700900\d{3}/);
});

describe('the transport and callback-security profiles', () => {
  test.each([
    ['tls-weak', ['ENC-01']],
    ['plain-http', ['ENC-01']],
    ['callbacks-over-http', ['RCPT-03']],
    ['unauthenticated-callbacks', ['RCPT-03']],
  ])('%s fails %j and nothing else', (profile, requirements) => {
    const target = result.targets.find((t) => t.name === `sim-notify-${profile}`);
    const failing = target?.requirements.filter((r) => r.verdict === 'fail').map((r) => r.id);

    expect(failing).toEqual(requirements);
  });

  test('each finding of the TLS probe carries a severity', () => {
    const probe = result.checks.find(
      (c) => c.target === 'sim-notify-tls-weak' && c.id === 'transport/api-tls',
    );

    expect(probe?.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['retired_tls_version_accepted', 'weak_cipher_accepted']),
    );
    expect(probe?.findings.every((f) => f.severity !== undefined)).toBe(true);
  });
});

describe('requirements a broken flow could not judge', () => {
  test.each([
    ['no-receipts', 'RCPT-03'],
    ['malformed-json', 'RCPT-03'],
    // Nothing reached a handset, so no sender was seen.
    ['fake-receipts-all', 'SID-01'],
    ['fake-receipts-all', 'SID-02'],
  ])('%s leaves %s not evidenced rather than passed', (profile, requirement) => {
    expect(verdict(profile, requirement)).toBe('not-evidenced');
  });
});

describe('a supplier answering malformed JSON', () => {
  test('is a finding with the body as evidence, and the run completes', () => {
    const checks = result.checks.filter((c) => c.target === 'sim-notify-malformed-json');
    const readBack = checks.find((c) => c.id === 'send/read-back');

    expect(readBack?.outcome).toBe('fail');
    expect(readBack?.findings.map((f) => f.code)).toContain('response_not_json');
    const exchange = readBack?.evidence.find((e) => e.kind === 'exchange');
    expect(exchange?.kind === 'exchange' && exchange.response?.status).toBe(201);
    expect(verdict('malformed-json', 'RCPT-01')).toBe('fail');
  });
});

describe('handset truth', () => {
  const truthCheck = (profile: string) =>
    result.checks.find(
      (c) => c.target === `sim-notify-${profile}` && c.id === 'truth/receipts-true',
    );
  const codes = (profile: string) => truthCheck(profile)?.findings.map((f) => f.code) ?? [];

  test('the compliant simulator shows 0 fake receipts', () => {
    const truth = truthCheck('compliant')?.evidence.find((e) => e.kind === 'truth');
    expect(truth?.kind === 'truth' && truth.fakeReceipts).toMatchObject({ fakes: 0, judged: 59 });
  });

  test.each([
    ['fake-receipts-all', ['fake_receipt']],
    ['fake-receipts-unless-known', ['fake_receipt']],
    ['text-altered', ['text_links_rewritten', 'text_truncated', 'text_characters_replaced']],
    ['sender-altered', ['sender_replaced', 'thread_split']],
    // sender-inconsistent splits a thread only on a number's second text, which the truth
    // suite sends to two numbers alone; under load those can go unjudged. Its SID-02 failure
    // is asserted above from the sender-id suite, and truth-judge.test.ts covers the finding.
  ])('%s is caught with %j', (profile, expected) => {
    expect(codes(profile).sort()).toEqual([...expected].sort());
  });
});

test('permanent failures land on the suppression list, masked', () => {
  const compliant = result.suppressions.filter((s) => s.target === 'sim-notify-compliant');

  expect(compliant.length).toBeGreaterThanOrEqual(3);
  expect(new Set(compliant.map((s) => s.maskedNumber))).toEqual(new Set(['tel:…002']));
  expect(new Set(compliant.map((s) => s.messageId)).size).toBe(compliant.length);
  expect(JSON.stringify(result)).not.toContain('7700900002');
});
