import { expect, test } from 'vitest';
import type { Attestation } from '../core/attestation.ts';
import type { CheckRecord } from '../core/check-record.ts';
import type { CheckOutcome } from '../core/verdict.ts';
import { requirementMatrix } from './verdicts.ts';

const ACCEPTED: Attestation = {
  statement: 'Every route is encrypted at rest with AES-256.',
  evidence: 'Example Telecom security statement v3',
  acceptedBy: 'A. Reviewer',
  acceptedOn: '2026-11-20',
};
const UNACCEPTED: Attestation = { statement: 'We use a Tier 1 aggregator.', evidence: 'Brochure' };

function checkOn(requirement: string, outcome: CheckOutcome): CheckRecord {
  return {
    id: `suite/${requirement.toLowerCase()}`,
    title: requirement,
    suite: 'suite',
    target: 'sim',
    covers: [{ id: requirement, scope: 'full' }],
    outcome,
    findings: outcome === 'fail' ? [{ code: 'broken', message: 'no', requirement }] : [],
    evidence: [],
    durationMs: 1,
  };
}

function rowOf(checks: CheckRecord[], attestations: Record<string, Attestation>, id: string) {
  const row = requirementMatrix(checks, new Map(Object.entries(attestations))).find(
    (r) => r.id === id,
  );
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

test('an accepted attestation passes a requirement that can only be attested', () => {
  const row = rowOf([], { 'AGG-02': ACCEPTED }, 'AGG-02');

  expect(row.verdict).toBe('pass');
  expect(row.attestation).toEqual(ACCEPTED);
  expect(row.checks).toEqual([]);
});

test('an attestation nobody accepted is recorded but never passes anything', () => {
  const row = rowOf([], { 'AGG-02': UNACCEPTED, 'ENC-02': UNACCEPTED }, 'AGG-02');

  expect(row.verdict).toBe('not-evidenced');
  expect(row.attestation).toEqual(UNACCEPTED);
  expect(rowOf([], { 'ENC-02': UNACCEPTED }, 'ENC-02').verdict).toBe('not-evidenced');
});

test('an untested requirement that should also be tested is only partial when attested', () => {
  expect(rowOf([], { 'ENC-02': ACCEPTED }, 'ENC-02').verdict).toBe('partial');
});

test('tested evidence decides, and a failed check is never overridden by an attestation', () => {
  const failed = rowOf([checkOn('ENC-02', 'fail')], { 'ENC-02': ACCEPTED }, 'ENC-02');
  const passed = rowOf([checkOn('ENC-02', 'pass')], { 'ENC-02': ACCEPTED }, 'ENC-02');
  const skipped = rowOf([checkOn('ENC-02', 'skipped')], { 'ENC-02': ACCEPTED }, 'ENC-02');

  expect(failed.verdict).toBe('fail');
  expect(failed.attestation).toEqual(ACCEPTED);
  expect(passed.verdict).toBe('pass');
  expect(skipped.verdict).toBe('partial');
});

test('without attestations the rows carry none and the verdicts are as before', () => {
  const matrix = requirementMatrix([checkOn('ENC-02', 'pass')]);

  expect(matrix.every((row) => !('attestation' in row))).toBe(true);
  expect(matrix.find((r) => r.id === 'AGG-02')?.verdict).toBe('not-evidenced');
});
