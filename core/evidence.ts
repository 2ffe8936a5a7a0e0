import { z } from 'zod';
import type { FindingCode } from './finding-codes.ts';
import { TruthEvidenceSchema } from './truth-evidence.ts';

/**
 * Evidence a check records. Everything here has already been redacted: keys, tokens, phone
 * numbers and message bodies never reach an evidence record in the clear.
 */
const HttpRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string().optional(),
});

const HttpResponseSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string().optional(),
});

export const ExchangeSchema = z.object({
  kind: z.literal('exchange'),
  label: z.string(),
  at: z.string(),
  durationMs: z.number(),
  request: HttpRequestSchema,
  response: HttpResponseSchema.optional(),
  error: z.string().optional(),
});

export const ReceiptSchema = z.object({
  kind: z.literal('receipt'),
  messageId: z.string(),
  via: z.enum(['callback', 'status-api']),
  providerStatus: z.string(),
  status: z.string(),
  latencyMs: z.number(),
  authenticated: z.boolean().optional(),
});

export const TimeoutSchema = z.object({
  kind: z.literal('timeout'),
  waitingFor: z.string(),
  deadlineMs: z.number(),
  lastSeen: z.string().optional(),
});

export const NoteSchema = z.object({
  kind: z.literal('note'),
  text: z.string(),
});

export const MeasurementSchema = z.object({
  kind: z.literal('measurement'),
  name: z.string(),
  value: z.number(),
  unit: z.string(),
});

/** One failover scenario: its figures, each breaker change and each message's route. */
export const FailoverSchema = z.object({
  kind: z.literal('failover'),
  scenario: z.string(),
  primary: z.string(),
  secondary: z.string().optional(),
  /** Where lost and duplicated messages were counted: at the handsets, or the sender's view. */
  countedAt: z.enum(['handsets', 'sender']),
  figures: z.object({
    sent: z.number().int(),
    /** From the fault starting to the first message the secondary accepted; null: never. */
    timeToSwitchMs: z.number().nullable(),
    lost: z.number().int(),
    duplicated: z.number().int(),
    /** From the fault ending to the first new message the primary accepted; null: never. */
    timeToRecoverMs: z.number().nullable(),
  }),
  /** Offsets in ms from the scenario's start. */
  faultWindow: z.object({ startMs: z.number(), endMs: z.number() }),
  timeline: z.array(
    z.object({ atMs: z.number(), target: z.string(), state: z.string(), reason: z.string() }),
  ),
  routes: z.array(
    z.object({
      reference: z.string(),
      submittedAtMs: z.number(),
      state: z.string(),
      /** `target:outcome` for each attempt, in order. */
      attempts: z.array(z.string()),
      holder: z.string().optional(),
      /** How many times the message reached the handset; absent when it cannot be seen. */
      handsetCount: z.number().int().optional(),
    }),
  ),
});

export type FailoverEvidence = z.infer<typeof FailoverSchema>;

export const EvidenceSchema = z.discriminatedUnion('kind', [
  ExchangeSchema,
  ReceiptSchema,
  TimeoutSchema,
  NoteSchema,
  MeasurementSchema,
  TruthEvidenceSchema,
  FailoverSchema,
]);

export type Exchange = z.infer<typeof ExchangeSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;

/** How bad a finding is, worst first. Any finding fails its check; severity ranks them. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

export type Severity = (typeof SEVERITIES)[number];

/**
 * What a check found wrong with the supplier. `code` is stable and snake_case; `message` is a
 * sentence for people; `expected` and `actual` are short values, already redacted.
 */
export const FindingSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  requirement: z.string().optional(),
  message: z.string(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  path: z.string().optional(),
  severity: z.enum(SEVERITIES).optional(),
});

export type Finding = z.infer<typeof FindingSchema>;

/**
 * A finding as a check raises it. A finding read back from a result keeps any code, for runs of
 * other versions; a raised one must have a code the harness knows, which has advice to go with it.
 */
export type RaisedFinding = Finding & { readonly code: FindingCode };
