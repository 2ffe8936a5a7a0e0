import type { Attestation } from '../core/attestation.ts';
import { REQUIREMENTS, type RequirementLevel } from '../core/requirements.ts';
import type { TargetResult } from '../core/run-result.ts';
import { CHECK_OUTCOMES, VERDICTS, type CheckOutcome, type Verdict } from '../core/verdict.ts';
import { VERDICT_WORDING } from './verdict-wording.ts';

/** One row of a target's requirement matrix. */
export interface MatrixRow {
  readonly id: string;
  readonly level: string;
  readonly title: string;
  readonly evidenceKind: string;
  readonly verdict: Verdict;
  readonly checks: readonly string[];
  readonly attestation?: Attestation | undefined;
}

/**
 * A target's matrix over the whole catalogue, in catalogue order. A requirement the run did not
 * mention still gets a row, as not evidenced, so a reviewer sees the gaps as well as the results;
 * results for ids outside the catalogue follow, so nothing the run reported is hidden.
 */
export function requirementMatrix(target: TargetResult): MatrixRow[] {
  const results = new Map(target.requirements.map((r) => [r.id, r]));

  const catalogued = REQUIREMENTS.map((requirement): MatrixRow => {
    const result = results.get(requirement.id);
    if (result) return result;

    return {
      id: requirement.id,
      level: requirement.level,
      title: requirement.title,
      evidenceKind: requirement.evidence,
      verdict: 'not-evidenced',
      checks: [],
    };
  });

  const known = new Set(REQUIREMENTS.map((r) => r.id));
  return [...catalogued, ...target.requirements.filter((r) => !known.has(r.id))];
}

/** How firmly the guidance puts a requirement, as the matrix groups them, strongest first. */
export type LevelGroupName = 'must' | 'should' | 'consider' | 'other';

/** One group of a target's matrix: its heading, what its level means for the run, its rows. */
export interface MatrixGroup {
  readonly name: LevelGroupName;
  readonly heading: string;
  readonly meaning: string;
  readonly rows: readonly MatrixRow[];
}

/** Every level of the catalogue has its group, so a new level cannot drop out of the matrix. */
const GROUP_OF_LEVEL: Readonly<Record<RequirementLevel, LevelGroupName>> = {
  must: 'must',
  'must not': 'must',
  should: 'should',
  consider: 'consider',
  'if relevant': 'consider',
};

// The meanings follow the exit code: a failed must or should fails the run, a consider does not.
const GROUPS: readonly Omit<MatrixGroup, 'rows'>[] = [
  { name: 'must', heading: 'Must', meaning: 'required (must, must not): a failure fails the run' },
  { name: 'should', heading: 'Should', meaning: 'expected: a failure fails the run' },
  {
    name: 'consider',
    heading: 'Consider',
    meaning: 'worth having, or needed only where relevant: a failure is shown, not fatal',
  },
  { name: 'other', heading: 'Other levels', meaning: 'levels outside the catalogue' },
];

/**
 * A target's matrix grouped by level, must first, then should, then consider; catalogue order
 * within each group. A group with no row is left out.
 */
export function groupedMatrix(target: TargetResult): MatrixGroup[] {
  const rows = requirementMatrix(target);
  const groupOf = (row: MatrixRow): LevelGroupName =>
    Object.hasOwn(GROUP_OF_LEVEL, row.level)
      ? GROUP_OF_LEVEL[row.level as RequirementLevel]
      : 'other';

  return GROUPS.map((group) => ({
    ...group,
    rows: rows.filter((r) => groupOf(r) === group.name),
  })).filter((group) => group.rows.length > 0);
}

/** Why a row has the verdict it has, where its checks (or their absence) do not say. */
export function matrixNote(row: MatrixRow): string | undefined {
  if (row.verdict === 'not-evidenced') return VERDICT_WORDING['not-evidenced'].meaning;
  if (row.checks.length > 0 || row.verdict === 'error') return undefined;
  if (row.verdict === 'not-applicable') return VERDICT_WORDING['not-applicable'].meaning;

  // Only an attestation can give a verdict that no check produced.
  return 'no check ran: the verdict rests on an attestation';
}

/**
 * The supplier's attestation in words, saying whether a reviewer accepted it: one that was not
 * accepted is shown, but as what it is, a claim nobody has checked.
 */
export function attestationText(attestation: Attestation): string {
  const { statement, evidence, acceptedBy, acceptedOn } = attestation;
  if (acceptedBy === undefined || acceptedOn === undefined) {
    return `Attested, not accepted: ${statement} (evidence: ${evidence})`;
  }
  const accepted = `accepted by ${acceptedBy} on ${acceptedOn}`;
  return `Attested: ${statement} (evidence: ${evidence}, ${accepted})`;
}

export function countVerdicts(verdicts: Iterable<Verdict>): Record<Verdict, number> {
  return count(VERDICTS, verdicts);
}

export function countOutcomes(outcomes: Iterable<CheckOutcome>): Record<CheckOutcome, number> {
  return count(CHECK_OUTCOMES, outcomes);
}

function count<K extends string>(keys: readonly K[], values: Iterable<K>): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}
