import { beforeAll, expect, test } from 'vitest';
import type { RunResult } from '../../core/run-result.ts';
import { findingsOf, latestResult, runCli, verdictOf, type CliRun } from '../support/run-cli.ts';

/**
 * The failover suite's side of the profile matrix, in one real run of the CLI: the compliant
 * simulator passes AGG-03 and FOV-01 (AGG-01 only in part), and each profile that bears on
 * failover fails exactly the requirement it breaks.
 */
const PROFILES = [
  'compliant',
  'no-internal-failover',
  'throttling-unsignalled',
  'no-receipts',
  'unauthenticated-callbacks',
];

let run: CliRun;
let result: RunResult;

beforeAll(async () => {
  const targets = PROFILES.flatMap((p) => ['--target', `sim:notify:${p}`]);
  run = await runCli(['run', '--quiet', '--suite', 'failover', '--out', '$OUT', ...targets]);
  result = await latestResult(run.outDir);
}, 900_000);

const verdict = (profile: string, requirement: string) =>
  verdictOf(result, `sim-notify-${profile}`, requirement);

test('the run judges every target, with no harness error', () => {
  expect(result.harnessErrors).toEqual([]);
  expect(result.checks.filter((c) => c.outcome === 'error')).toEqual([]);
});

test.each([
  ['AGG-03', 'pass'],
  ['FOV-01', 'pass'],
  ['AGG-01', 'partial'],
])('the compliant simulator: %s is %s', (requirement, expected) => {
  const why = findingsOf(result, 'sim-notify-compliant', requirement);
  expect(verdict('compliant', requirement), why).toBe(expected);
});

test('FOV-01, AGG-03 and AGG-01 each fail only under the profile that breaks them', () => {
  const failing = (requirement: string) =>
    PROFILES.filter((p) => verdict(p, requirement) === 'fail');

  expect(failing('FOV-01')).toEqual(['no-internal-failover']);
  // A supplier that never reports cannot report giving a message up either: what it accepted
  // and then sat on can never be resent safely, so failover loses it.
  expect(failing('AGG-03')).toEqual(['no-receipts']);
  expect(failing('AGG-01')).toEqual(['throttling-unsignalled']);
});
