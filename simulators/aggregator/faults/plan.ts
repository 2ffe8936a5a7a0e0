import { z } from 'zod';

/**
 * What can go wrong with a simulated supplier, set per simulator through `PUT /_sim/faults`.
 * Times on the HTTP side (outage windows, latency, throttling) are real milliseconds, since
 * clients wait in real time; times in a message's life (silence, slow delivery, late receipts)
 * are simulated milliseconds, like every other delay of the lifecycle.
 */
const Rate = z.number().min(0).max(1);

const OutageSchema = z
  .object({
    /** `refuse`: the connection is closed unanswered; `unavailable`: HTTP 503. */
    mode: z.enum(['refuse', 'unavailable']).default('unavailable'),
    /** Real ms after the plan was set when the outage starts. */
    startMs: z.number().int().min(0).default(0),
    /** Real ms after the plan was set when it ends; absent: it lasts until the plan changes. */
    endMs: z.number().int().positive().optional(),
  })
  .strict()
  .refine((o) => o.endMs === undefined || o.endMs > o.startMs, {
    path: ['endMs'],
    message: 'must be later than startMs',
  });

const LatencySchema = z
  .object({
    minMs: z.number().min(0).max(60_000),
    maxMs: z.number().min(0).max(60_000),
    /** Share of requests slowed; the delay is uniform between minMs and maxMs. */
    rate: Rate.default(1),
  })
  .strict()
  .refine((l) => l.maxMs >= l.minMs, { path: ['maxMs'], message: 'must be at least minMs' });

export const FaultPlanSchema = z
  .object({
    /** Seeds every random draw, so a run can be replayed exactly. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
    outages: z.array(OutageSchema).max(100).optional(),
    /** Answers a share of API requests with this status instead of handling them. */
    errors: z
      .array(z.object({ status: z.number().int().min(400).max(599), rate: Rate }).strict())
      .max(20)
      .optional(),
    latency: LatencySchema.optional(),
    /**
     * Closes the connection unanswered: `before-handling` drops the request unread; `after-
     * handling` lets it take effect (a send is accepted) and drops the reply.
     */
    drop: z
      .object({ rate: Rate, when: z.enum(['before-handling', 'after-handling']) })
      .strict()
      .optional(),
    /** 429 with Retry-After once more than `limit` requests arrive within `windowMs`. */
    throttle: z
      .object({
        limit: z.number().int().min(0),
        windowMs: z.number().int().positive().max(3_600_000),
        retryAfterSeconds: z.number().int().min(1).max(3600),
      })
      .strict()
      .optional(),
    /**
     * Accepts a share of messages and then never delivers them. With `failsAfterMs` (simulated)
     * the supplier gives up on them then and reports technical-failure (Notify times such a
     * text out after 72 hours); null: they stay `sending` for ever.
     */
    silent: z
      .object({ rate: Rate, failsAfterMs: z.number().positive().nullable().default(null) })
      .strict()
      .optional(),
    /** Delivers a share of messages `extraMs` (simulated) later than the network would. */
    slowDelivery: z.object({ rate: Rate, extraMs: z.number().positive() }).strict().optional(),
    receipts: z
      .object({
        /** The handset gets the text, but no final status and no callback ever comes. */
        lost: Rate.default(0),
        /** The delivery-status callback is sent twice. */
        duplicated: Rate.default(0),
        /** The callback is held back by up to `reorderWindowMs` (simulated), out of order. */
        reordered: Rate.default(0),
        reorderWindowMs: z.number().positive().default(10_000),
        /** Every receipt (status and callback) arrives this much (simulated) after delivery. */
        lateMs: z.number().min(0).default(0),
      })
      .strict()
      .optional(),
    /**
     * The supplier's own route to the networks fails for a share of messages. A supplier that
     * reroutes internally (FOV-01) delivers them through another route, a little later; one that
     * does not reports technical-failure.
     */
    routeFailure: z.object({ rate: Rate }).strict().optional(),
  })
  .strict();

export type FaultPlan = z.infer<typeof FaultPlanSchema>;
export type FaultPlanInput = z.input<typeof FaultPlanSchema>;

export type PlanReading =
  | { readonly ok: true; readonly plan: FaultPlan }
  | { readonly ok: false; readonly errors: readonly { field: string; message: string }[] };

/** Reads a plan from a request body; every problem names its field, as `outages.0.endMs`. */
export function readFaultPlan(body: unknown): PlanReading {
  const parsed = FaultPlanSchema.safeParse(body);
  if (parsed.success) return { ok: true, plan: parsed.data };

  const errors = parsed.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
  return { ok: false, errors };
}
