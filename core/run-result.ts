import { z } from 'zod';
import { AttestationSchema } from './attestation.ts';
import { CheckRecordSchema, SuppressionEntrySchema } from './check-record.ts';
import { TargetExpectationsSchema } from './expectations.ts';
import { VERDICTS } from './verdict.ts';

export const RUN_RESULT_SCHEMA_VERSION = 1;

export const RequirementResultSchema = z.object({
  id: z.string(),
  level: z.string(),
  title: z.string(),
  evidenceKind: z.string(),
  verdict: z.enum(VERDICTS),
  checks: z.array(z.string()),
  /** The supplier's attestation for the requirement, accepted or not; absent when none. */
  attestation: AttestationSchema.optional(),
});

export const TargetResultSchema = z.object({
  name: z.string(),
  dialect: z.string(),
  /** The supplier by name (`GOV.UK Notify`, a description's name); absent in older results. */
  supplier: z.string().optional(),
  baseUrl: z.string(),
  simulated: z.boolean(),
  profile: z.string().optional(),
  requirements: z.array(RequirementResultSchema),
});

/** The whole run as the JSON report publishes it; `schema.json` is generated from this. */
export const RunResultSchema = z.object({
  schemaVersion: z.literal(RUN_RESULT_SCHEMA_VERSION),
  runId: z.string(),
  harnessVersion: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  timeScale: z.number(),
  configHash: z.string(),
  suites: z.array(z.string()),
  targets: z.array(TargetResultSchema),
  checks: z.array(CheckRecordSchema),
  suppressions: z.array(SuppressionEntrySchema),
  harnessErrors: z.array(z.string()),
  exitCode: z.number().int(),
  /** Known deviations per target that has an expectations file, and what the run made of them. */
  expectations: z.array(TargetExpectationsSchema).optional(),
  /** Present on a partial run: the slice of the suite files it ran (vitest's sharding). */
  shard: z
    .object({ index: z.number().int().positive(), count: z.number().int().positive() })
    .optional(),
  /** Present on a run merged from shards: the shards' run ids, in shard order. */
  mergedFrom: z.array(z.string()).optional(),
});

export type RequirementResult = z.infer<typeof RequirementResultSchema>;
export type TargetResult = z.infer<typeof TargetResultSchema>;
export type RunResult = z.infer<typeof RunResultSchema>;
