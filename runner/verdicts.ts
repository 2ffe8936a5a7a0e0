import { isAccepted, type Attestation } from '../core/attestation.ts';
import type { CheckRecord } from '../core/check-record.ts';
import { REQUIREMENTS, findRequirement, isRequired } from '../core/requirements.ts';
import type { RequirementResult } from '../core/run-result.ts';
import { attestedVerdict, verdictOf, type CheckOutcome } from '../core/verdict.ts';

/**
 * The requirement matrix of one target: every requirement, with the checks behind it and the
 * supplier's attestation where it gave one.
 */
export function requirementMatrix(
  checks: readonly CheckRecord[],
  attestations: ReadonlyMap<string, Attestation> = new Map(),
): RequirementResult[] {
  return REQUIREMENTS.map((requirement) => {
    const covering = checks.filter((c) => c.covers.some((cover) => cover.id === requirement.id));
    const coverage = covering.map((c) => ({
      outcome: outcomeFor(c, requirement.id),
      scope: c.covers.find((cover) => cover.id === requirement.id)?.scope ?? 'full',
    }));
    const attestation = attestations.get(requirement.id);

    return {
      id: requirement.id,
      level: requirement.level,
      title: requirement.title,
      evidenceKind: requirement.evidence,
      verdict: attestedVerdict(verdictOf(coverage), requirement.evidence, isAccepted(attestation)),
      checks: covering.map((c) => c.id),
      ...(attestation ? { attestation } : {}),
    };
  });
}

/**
 * A failed check fails only the requirements its findings name; a finding that names none (a
 * malformed response, say) fails everything the check covers fully.
 */
function outcomeFor(check: CheckRecord, requirementId: string): CheckOutcome {
  if (check.unjudged?.includes(requirementId)) return 'skipped';
  if (check.outcome !== 'fail') return check.outcome;

  if (check.findings.some((f) => f.requirement === requirementId)) return 'fail';
  if (!check.findings.some((f) => f.requirement === undefined)) return 'pass';

  // The flow itself broke: that fails what the check covers fully, and judges nothing else.
  const scope = check.covers.find((c) => c.id === requirementId)?.scope;
  return scope === 'full' ? 'fail' : 'skipped';
}

/**
 * 3 is decided before a run starts. Otherwise: 2 when anything could not be judged, 1 when a
 * required requirement failed or a contract check found a fault, else 0.
 */
export function exitCodeOf(
  matrices: readonly RequirementResult[][],
  checks: readonly CheckRecord[],
  harnessErrors: readonly string[],
): number {
  const rows = matrices.flat();
  if (harnessErrors.length > 0 || rows.some((r) => r.verdict === 'error')) return 2;
  if (checks.some((c) => c.outcome === 'error')) return 2;

  const requiredFailure = rows.some((r) => {
    const level = findRequirement(r.id)?.level;
    return r.verdict === 'fail' && level !== undefined && isRequired(level);
  });
  const contractFailure = checks.some((c) => c.covers.length === 0 && c.outcome === 'fail');
  return requiredFailure || contractFailure ? 1 : 0;
}
