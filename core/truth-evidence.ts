import { z } from 'zod';

/** What the truth check concluded about one text. */
export const PROBE_VERDICTS = [
  /** The receipt told the truth: delivered and arrived, or failed and never arrived. */
  'true',
  /** Reported delivered, never arrived within the grace period after its receipt. */
  'fake-receipt',
  /** Reported failed, yet it arrived. */
  'false-failure',
  /** Not seen, but the grace period had not run out: nothing can be said yet. */
  'not-seen-yet',
  /** No final status by the deadline, so there was no receipt to judge. */
  'no-receipt',
] as const;

export const TruthProbeSchema = z.object({
  messageId: z.string(),
  /** Masked: `tel:…123`. */
  to: z.string(),
  /** `sample`: the first text to a number; `follow-up`: a later one, for threads. */
  group: z.enum(['sample', 'follow-up']),
  /** The supplier's final status in its own words, or `no final status`. */
  supplierSaid: z.string(),
  handsetSaw: z.enum(['arrived', 'not-seen', 'not-seen-yet']),
  senderShown: z.string().optional(),
  /** Absent when the text never arrived. */
  textIntact: z.boolean().optional(),
  changes: z.array(z.string()),
  receiptDelayMs: z.number().optional(),
  arrivalDelayMs: z.number().optional(),
  verdict: z.enum(PROBE_VERDICTS),
});

/**
 * The truth check's whole sample, so reports can show the receipt truthfulness table and the
 * share of fake receipts with its confidence interval.
 */
export const TruthEvidenceSchema = z.object({
  kind: z.literal('truth'),
  observer: z.string(),
  /** Whether the run drew numbers nobody knew before (defeats routes that spare test numbers). */
  freshNumbers: z.boolean(),
  senderExpected: z.string().optional(),
  arrivalGraceMs: z.number(),
  probes: z.array(TruthProbeSchema),
  fakeReceipts: z.object({
    fakes: z.number().int(),
    /** Sample texts reported delivered whose arrival could be judged. */
    judged: z.number().int(),
    share: z.number(),
    lower: z.number(),
    upper: z.number(),
    confidence: z.number(),
    method: z.literal('wilson'),
  }),
  /**
   * How many texts it takes to catch a route faking `share` with `confidence`, and how many
   * went.
   */
  detection: z.object({
    share: z.number(),
    confidence: z.number(),
    needed: z.number().int(),
    sent: z.number().int(),
  }),
});

export type TruthProbe = z.infer<typeof TruthProbeSchema>;
export type TruthEvidence = z.infer<typeof TruthEvidenceSchema>;
