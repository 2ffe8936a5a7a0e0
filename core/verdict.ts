import type { EvidenceKind } from './requirements.ts';

/**
 * Verdicts for a requirement, and outcomes for a single check. An `error` means the harness or
 * the network failed, so nothing can be said about the supplier; it is never a `fail`.
 */
export const VERDICTS = [
  'pass',
  'fail',
  'partial',
  'not-evidenced',
  'not-applicable',
  'error',
] as const;

export type Verdict = (typeof VERDICTS)[number];

/** `skipped`: the check cannot run on this target (e.g. no way to read a real supplier's disk). */
export const CHECK_OUTCOMES = ['pass', 'fail', 'error', 'not-applicable', 'skipped'] as const;

export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/**
 * How much of a requirement one check covers. A requirement whose passing checks are all
 * partial gets `partial`, not `pass`.
 */
export type CoverageScope = 'full' | 'partial';

export interface Coverage {
  readonly outcome: CheckOutcome;
  readonly scope: CoverageScope;
}

/** Folds the outcomes of every check that covers one requirement into its verdict. */
export function verdictOf(all: readonly Coverage[]): Verdict {
  const coverage = all.filter((c) => c.outcome !== 'skipped');
  if (coverage.length === 0) return 'not-evidenced';

  if (coverage.some((c) => c.outcome === 'fail')) return 'fail';
  if (coverage.some((c) => c.outcome === 'error')) return 'error';

  const passing = coverage.filter((c) => c.outcome === 'pass');
  if (passing.length === 0) return 'not-applicable';

  return passing.some((c) => c.scope === 'full') ? 'pass' : 'partial';
}

/**
 * Adds a supplier's attestation to the verdict the checks gave. It only fills a gap: tested
 * evidence, and above all a failure, always decides. An accepted attestation passes a
 * requirement that can only be attested, and makes one that should also be tested `partial`;
 * one not yet accepted by a reviewer counts for nothing.
 */
export function attestedVerdict(
  tested: Verdict,
  evidenceKind: EvidenceKind,
  attestationAccepted: boolean,
): Verdict {
  if (tested !== 'not-evidenced' || !attestationAccepted) return tested;

  if (evidenceKind === 'attested') return 'pass';
  if (evidenceKind === 'tested+attested') return 'partial';
  return tested;
}
