import { z } from 'zod';
import type { CheckRecord } from './check-record.ts';
import type { Finding } from './evidence.ts';
import { findRequirement } from './requirements.ts';

/**
 * A supplier's known deviations: findings the service already knows about and has accepted for
 * now (a fix promised, a risk signed off). A known finding still fails its requirement in every
 * report; it is counted apart from new findings, and alone it does not fail the run.
 */
const CatalogueId = z.string().refine((id) => findRequirement(id) !== undefined, {
  error: 'not in the requirement catalogue',
});

const DeviationEntrySchema = z
  .object({
    requirement: CatalogueId.optional(),
    /** A finding code, snake_case, as the reports print it. */
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'a finding code: snake_case')
      .optional(),
    /** Why the deviation is accepted, and by whom or until when: shown beside every match. */
    reason: z.string().min(1),
  })
  .strict()
  .refine((entry) => entry.requirement !== undefined || entry.code !== undefined, {
    error: 'name a requirement, a finding code, or both',
  });

export const ExpectationFileSchema = z
  .object({
    supplier: z.string().min(1).optional(),
    deviations: z.array(DeviationEntrySchema),
  })
  .strict();

export type Deviation = z.infer<typeof DeviationEntrySchema>;

/** What a deviation matches findings by. */
export interface DeviationKey {
  readonly requirement?: string | undefined;
  readonly code?: string | undefined;
}
export type ExpectationFile = z.infer<typeof ExpectationFileSchema>;

/** What became of one deviation in a run. */
export const DEVIATION_STATUSES = ['seen', 'not-seen', 'not-checked'] as const;

/** A target's expectations as the run result records them, with what the run made of each. */
export const TargetExpectationsSchema = z.object({
  target: z.string(),
  /** The file they came from, as configured. */
  file: z.string(),
  knownFindings: z.number().int(),
  newFindings: z.number().int(),
  deviations: z.array(
    z.object({
      requirement: z.string().optional(),
      code: z.string().optional(),
      reason: z.string(),
      status: z.enum(DEVIATION_STATUSES),
      /** How many of the run's findings it matched. */
      matched: z.number().int(),
    }),
  ),
});

export type TargetExpectations = z.infer<typeof TargetExpectationsSchema>;

/**
 * Whether a deviation covers a finding. A code must be the finding's; a requirement must be the
 * one the finding names or, for a finding that names none, one its check covers.
 */
export function deviationMatches(
  deviation: DeviationKey,
  check: CheckRecord,
  finding: Finding,
): boolean {
  if (deviation.code !== undefined && deviation.code !== finding.code) return false;
  if (deviation.requirement === undefined) return true;
  if (finding.requirement !== undefined) return finding.requirement === deviation.requirement;
  return check.covers.some((cover) => cover.id === deviation.requirement);
}

/** The deviation that makes a finding known, if any. */
export function knownDeviation<D extends DeviationKey>(
  deviations: readonly D[],
  check: CheckRecord,
  finding: Finding,
): D | undefined {
  return deviations.find((deviation) => deviationMatches(deviation, check, finding));
}
