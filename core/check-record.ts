import { z } from 'zod';
import { EvidenceSchema, FindingSchema } from './evidence.ts';
import { CHECK_OUTCOMES } from './verdict.ts';

/** A message the harness judged undeliverable for good: the service should stop texting it. */
export const SuppressionEntrySchema = z.object({
  target: z.string(),
  reference: z.string(),
  messageId: z.string(),
  maskedNumber: z.string(),
  providerStatus: z.string(),
});

export type SuppressionEntry = z.infer<typeof SuppressionEntrySchema>;

/** One check's result as it travels from a suite worker to the reporters. */
export const CheckRecordSchema = z.object({
  id: z.string(),
  title: z.string(),
  suite: z.string(),
  target: z.string(),
  covers: z.array(z.object({ id: z.string(), scope: z.enum(['full', 'partial']) })),
  outcome: z.enum(CHECK_OUTCOMES),
  reason: z.string().optional(),
  findings: z.array(FindingSchema),
  evidence: z.array(EvidenceSchema),
  durationMs: z.number(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  suppressions: z.array(SuppressionEntrySchema).optional(),
  /** Requirements the check covers but could not judge this time (what it needed never came). */
  unjudged: z.array(z.string()).optional(),
});

export type CheckRecord = z.infer<typeof CheckRecordSchema>;
