import { describe, expect, test } from 'vitest';
import type { CheckRecord } from '../core/check-record.ts';
import type { LoadedExpectations } from '../core/config/load-expectations.ts';
import type { Finding } from '../core/evidence.ts';
import { foldRun } from './fold-run.ts';

const TARGET = { name: 'sim', dialect: 'notify', baseUrl: 'http://127.0.0.1:1', simulated: true };

function check(id: string, requirement: string, findings: Finding[]): CheckRecord {
  return {
    id,
    title: id,
    suite: 'suite',
    target: 'sim',
    covers: [{ id: requirement, scope: 'full' }],
    outcome: findings.length > 0 ? 'fail' : 'pass',
    findings,
    evidence: [],
    durationMs: 1,
  };
}

const senderAltered = check('sender', 'SID-01', [
  { code: 'sender_altered', requirement: 'SID-01', message: 'another sender' },
]);
const receiptsLost = check('receipts', 'RCPT-01', [
  { code: 'receipt_timeout', requirement: 'RCPT-01', message: 'no receipt' },
]);
const contentFine = check('content', 'CONT-01', []);

function fold(checks: CheckRecord[], deviations?: LoadedExpectations['deviations']) {
  return foldRun({
    targets: [TARGET],
    checks,
    harnessErrors: [],
    attestations: new Map(),
    expectations: new Map(deviations ? [['sim', { file: 'sim.yaml', deviations }]] : []),
  });
}

describe('known deviations', () => {
  test('known findings alone do not fail the run, yet their requirement still fails', () => {
    const folded = fold([senderAltered, contentFine], [{ requirement: 'SID-01', reason: 'known' }]);

    expect(folded.exitCode).toBe(0);
    expect(folded.targets[0]?.requirements.find((r) => r.id === 'SID-01')?.verdict).toBe('fail');
    expect(folded.expectations?.[0]).toMatchObject({ knownFindings: 1, newFindings: 0 });
  });

  test('a new finding beside a known one fails the run', () => {
    const folded = fold([senderAltered, receiptsLost], [{ code: 'sender_altered', reason: 'k' }]);

    expect(folded.exitCode).toBe(1);
    expect(folded.expectations?.[0]).toMatchObject({ knownFindings: 1, newFindings: 1 });
  });

  test('without expectations every finding is new and the result has no expectations', () => {
    const folded = fold([senderAltered]);

    expect(folded.exitCode).toBe(1);
    expect(folded.expectations).toBeUndefined();
  });

  test('an expected failure that did not happen is reported, and does not fail the run', () => {
    const folded = fold(
      [contentFine, senderAltered],
      [
        { requirement: 'SID-01', reason: 'seen' },
        { requirement: 'CONT-01', reason: 'passed this time' },
        { requirement: 'ERR-01', reason: 'no check ran' },
        { code: 'never_reported', reason: 'a code nobody raised' },
      ],
    );

    expect(folded.exitCode).toBe(0);
    expect(folded.expectations?.[0]?.deviations.map((d) => [d.status, d.matched])).toEqual([
      ['seen', 1],
      ['not-seen', 0],
      ['not-checked', 0],
      ['not-seen', 0],
    ]);
  });

  test("a deviation's requirement matches a finding naming none, by the check's cover", () => {
    const broken = check('read-back', 'TEST-01', [{ code: 'malformed_json', message: 'cut off' }]);
    const folded = fold([broken], [{ requirement: 'TEST-01', reason: 'known' }]);

    expect(folded.exitCode).toBe(0);
    expect(folded.expectations?.[0]?.knownFindings).toBe(1);
  });
});
