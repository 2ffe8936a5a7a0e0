import { beforeAll, describe, expect, test } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import { SUITES } from '../../core/suites.ts';
import { latestResult, runCli, verdictOf, type CliRun } from '../support/run-cli.ts';

/**
 * The profile matrix for the AWS SNS dialect, in one run. SNS tells the sender only that a text
 * was published, so what rests on receipts stays not-evidenced whatever the profile breaks
 * there, never passed or failed; what the handsets and the API show is judged as on any dialect.
 */

/** Each faulty profile, and the requirements it is allowed to move from the compliant verdict. */
const BREAKS: Readonly<Record<string, readonly string[]>> = {
  // A random number for every text splits the thread too.
  'sender-altered': ['SID-01', 'SID-02'],
  'sender-inconsistent': ['SID-02', 'SID-01'],
  'sender-truncated': ['SID-04'],
  'text-altered': ['CONT-01'],
  'plaintext-storage': ['ENC-02'],
  'tls-weak': ['ENC-01'],
  // Receipts misreported or never sent: SNS sends none, so nothing can change.
  'no-receipts': [],
  'temporary-as-permanent': [],
};

const PROFILES = ['compliant', ...Object.keys(BREAKS)];

let run: CliRun;
let result: RunResult;

beforeAll(async () => {
  const targets = PROFILES.flatMap((p) => ['--target', `sim:sns:${p}`]);
  // Failover's figures hang on timing and have a matrix of their own.
  const suites = SUITES.filter((s) => s !== 'failover').flatMap((s) => ['--suite', s]);
  run = await runCli(['run', '--quiet', '--out', '$OUT', ...suites, ...targets]);
  result = await latestResult(run.outDir);
}, 900_000);

const verdict = (profile: string, requirement: string) =>
  verdictOf(result, `sim-sns-${profile}`, requirement);

test('the run reports findings with exit 1 and no harness error', () => {
  expect(run.code, run.stderr).toBe(1);
  expect(result.harnessErrors).toEqual([]);
  expect(result.checks.filter((c) => c.outcome === 'error')).toEqual([]);
});

describe('against the compliant simulated SNS', () => {
  test.each([
    ...['SID-01', 'SID-02', 'SID-04', 'CONT-01', 'ENC-01', 'ENC-02'].map((id) => [id, 'pass']),
    ...['RCPT-01', 'RCPT-02', 'RCPT-03', 'ERR-01', 'ERR-02', 'TEST-01', 'INTL-01', 'INTL-02'].map(
      (id) => [id, 'not-evidenced'],
    ),
    ...['TEST-02', 'SID-03', 'SID-05', 'SID-06'].map((id) => [id, 'not-applicable']),
  ])('%s is %s', (requirement, expected) => {
    expect(verdict('compliant', requirement)).toBe(expected);
  });
});

describe('each faulty profile fails what it breaks and moves nothing else', () => {
  const failing = Object.entries(BREAKS).flatMap(([profile, moved]) =>
    moved.length > 0 && moved[0] ? [[profile, moved[0]] as const] : [],
  );

  test.each(failing)('%s fails %s', (profile, requirement) => {
    expect(verdict(profile, requirement)).toBe('fail');
  });

  test.each(Object.entries(BREAKS))('%s leaves the rest as compliant', (profile, moved) => {
    const rows = result.targets.find((t) => t.name === `sim-sns-${profile}`)?.requirements;

    expect(rows?.length).toBeGreaterThan(1);
    for (const row of rows ?? []) {
      if (!moved.includes(row.id)) expect(row.verdict, row.id).toBe(verdict('compliant', row.id));
    }
  });
});

describe('on the wire of SNS', () => {
  test('every receipt check is skipped: SNS keeps delivery status in CloudWatch Logs', () => {
    const skipped = result.checks.filter(
      (c) =>
        c.target === 'sim-sns-compliant' &&
        ['receipts', 'delivery-errors'].includes(c.suite) &&
        c.outcome === 'skipped',
    );
    expect(skipped.map((c) => c.id)).toEqual([
      'receipts/final-status',
      'receipts/callback',
      'receipts/failure-kinds',
      'delivery-errors/permanent',
      'delivery-errors/temporary',
    ]);
    for (const c of skipped) expect(c.reason).toContain('CloudWatch Logs');
  });

  test('sends are signed Query API Publish calls answered with a PublishResponse', () => {
    const exchanges = result.checks
      .filter((c) => c.target === 'sim-sns-compliant' && c.suite === 'sender-id')
      .flatMap((c) => c.evidence)
      .flatMap((e) => (e.kind === 'exchange' && e.label === 'send' ? [e] : []));

    expect(exchanges.length).toBeGreaterThan(0);
    for (const e of exchanges) {
      expect(e.request.body).toContain('Action=Publish');
      expect(e.response?.status === 200 || e.response?.status === 400).toBe(true);
    }
    expect(exchanges.some((e) => e.response?.body?.includes('<PublishResponse'))).toBe(true);
  });

  test('an over-long sender ID is refused with InvalidParameter, and cut under the fault', () => {
    const refused = result.checks.find(
      (c) => c.target === 'sim-sns-compliant' && c.id === 'sender-id/invalid-refused',
    );
    expect(JSON.stringify(refused?.evidence)).toContain('InvalidParameter');

    const truncated = result.checks.find(
      (c) => c.target === 'sim-sns-sender-truncated' && c.id === 'sender-id/invalid-refused',
    );
    expect(truncated?.findings[0]?.actual).toBe('kept as "AcmeCallcen"');
  });

  test('the truth check says no receipt can be fake, and still judges what arrived', () => {
    const truth = result.checks.find(
      (c) => c.target === 'sim-sns-text-altered' && c.id === 'truth/receipts-true',
    );
    expect(truth?.unjudged).toContain('RCPT-01');
    expect(JSON.stringify(truth?.evidence)).toContain('none of its receipts can be fake');
    expect(truth?.findings.map((f) => f.requirement)).toContain('CONT-01');
  });
});
