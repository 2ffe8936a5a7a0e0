import type { CheckRecord } from '../core/check-record.ts';
import type { LoadedExpectations } from '../core/config/load-expectations.ts';
import {
  deviationMatches,
  knownDeviation,
  type DeviationKey,
  type TargetExpectations,
} from '../core/expectations.ts';
import type { RequirementResult } from '../core/run-result.ts';

/** Verdicts under which a requirement was not judged, so a deviation could not have shown. */
const UNJUDGED = new Set(['not-evidenced', 'not-applicable', 'error']);

/**
 * What a run made of a target's known deviations: how many of its failing findings were known
 * and how many new, and for each deviation whether it was seen, not seen although its
 * requirement was judged ("expected but not seen"), or not checked at all by this run.
 */
export function judgeExpectations(
  target: string,
  expectations: LoadedExpectations,
  checks: readonly CheckRecord[],
  requirements: readonly RequirementResult[],
): TargetExpectations {
  const findings = failingFindings(checks, target);
  const matched = expectations.deviations.map(
    (deviation) =>
      findings.filter(({ check, finding }) => deviationMatches(deviation, check, finding)).length,
  );
  const known = findings.filter(({ check, finding }) =>
    knownDeviation(expectations.deviations, check, finding),
  ).length;

  return {
    target,
    file: expectations.file,
    knownFindings: known,
    newFindings: findings.length - known,
    deviations: expectations.deviations.map((deviation, index) => {
      const count = matched[index] ?? 0;
      const verdict = requirements.find((r) => r.id === deviation.requirement)?.verdict;
      const unchecked = deviation.requirement !== undefined && UNJUDGED.has(verdict ?? '');
      const status = count > 0 ? 'seen' : unchecked ? 'not-checked' : 'not-seen';
      return { ...deviation, status, matched: count };
    }),
  };
}

/** The findings of a target's failed checks, each with the check it came from. */
export function failingFindings(checks: readonly CheckRecord[], target: string) {
  return checks
    .filter((check) => check.target === target && check.outcome === 'fail')
    .flatMap((check) => check.findings.map((finding) => ({ check, finding })));
}

/**
 * The checks as they would be without the known findings: a failed check whose findings are all
 * known passes. Exit codes are decided on these, so known deviations alone do not fail a run.
 */
export function withoutKnownFindings(
  checks: readonly CheckRecord[],
  deviationsOf: (target: string) => readonly DeviationKey[],
): CheckRecord[] {
  return checks.map((check) => {
    if (check.outcome !== 'fail' || check.findings.length === 0) return check;

    const deviations = deviationsOf(check.target);
    const remaining = check.findings.filter((f) => !knownDeviation(deviations, check, f));
    if (remaining.length === check.findings.length) return check;
    return { ...check, findings: remaining, outcome: remaining.length > 0 ? 'fail' : 'pass' };
  });
}
