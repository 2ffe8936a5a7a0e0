import { z } from 'zod';

const EnvRef = z.object({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/) }).strict();

/**
 * Where the truth check reads what arrived: the simulator's handsets, an inbound number at a
 * provider whose received texts the harness can read, a test phone whose SMS-forwarding app
 * posts each text to the harness's receiver, or an inbound number at an SMSC that a bind of the
 * harness's own hears.
 */
export const ObserverConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('handsets') }).strict(),
  z
    .object({
      kind: z.literal('received-texts'),
      /** The provider holding the inbound number; any dialect whose adapter reads inbound texts. */
      dialect: z.string().default('notify'),
      number: z.string().min(1).optional(),
      baseUrl: z.url({ protocol: /^https?$/ }).optional(),
      credentials: z.object({ apiKey: EnvRef }).strict().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('webhook'),
      numbers: z.array(z.string().min(1)).min(1),
      /** The bearer token the forwarding app sends, from the environment. */
      token: EnvRef,
    })
    .strict(),
  z
    .object({
      kind: z.literal('smpp'),
      /** The inbound number at the SMSC, which texts are sent to. */
      number: z.string().min(1).optional(),
      url: z
        .string()
        .regex(/^smpps?:\/\/[^/]+:\d+$/, 'expected smpp://host:port or smpps://host:port')
        .optional(),
      /** The observer's own account at the SMSC, never the supplier's. */
      credentials: z.object({ systemId: EnvRef, password: EnvRef }).strict().optional(),
      bind: z.enum(['receiver', 'transceiver']).default('receiver'),
    })
    .strict(),
]);

export const TruthConfigSchema = z
  .object({
    /** 59 catches a route faking 5% of receipts with 95% confidence: 1 - 0.95^59 > 0.95. */
    sampleSize: z.number().int().min(1).max(900).default(59),
    /** How long after its receipt a text may take to show at the observer. */
    arrivalGraceSeconds: z.number().positive().max(3600).default(60),
    observer: ObserverConfigSchema.optional(),
  })
  .strict();

export type ObserverConfig = z.infer<typeof ObserverConfigSchema>;
export type TruthConfig = z.infer<typeof TruthConfigSchema>;

interface TargetShape {
  readonly simulator?: unknown;
  readonly allowList: readonly string[];
  readonly truth?: TruthConfig | undefined;
}

/** What an observer needs that only the kind of target decides. */
export function checkTruthConfig(target: TargetShape, ctx: z.RefinementCtx): void {
  const observer = target.truth?.observer;
  if (!observer) return;
  const path = ['truth', 'observer'];

  if (observer.kind === 'handsets' && !target.simulator) {
    ctx.addIssue({ code: 'custom', path, message: 'only a simulated target has handsets' });
  }
  if (observer.kind === 'received-texts' && !target.simulator) {
    for (const field of ['number', 'baseUrl', 'credentials'] as const) {
      if (observer[field] === undefined) {
        const message = 'required for a real target: the inbound number, its API and key';
        ctx.addIssue({ code: 'custom', path: [...path, field], message });
      }
    }
  }
  if (observer.kind === 'smpp' && !target.simulator) {
    for (const field of ['number', 'url', 'credentials'] as const) {
      if (observer[field] === undefined) {
        const message = 'required for a real target: the inbound number, its SMSC and account';
        ctx.addIssue({ code: 'custom', path: [...path, field], message });
      }
    }
  }
  if (target.simulator) return;

  // A real target texts only numbers its allowList names, observers' numbers included.
  const allowed = new Set(target.allowList.map(digitsOf));
  const message = 'also list it in allowList: the harness texts only numbers listed there';
  if (observer.kind === 'webhook') {
    observer.numbers.forEach((number, index) => {
      if (!allowed.has(digitsOf(number))) {
        ctx.addIssue({ code: 'custom', path: [...path, 'numbers', index], message });
      }
    });
  }
  if ((observer.kind === 'received-texts' || observer.kind === 'smpp') && observer.number) {
    if (!allowed.has(digitsOf(observer.number))) {
      ctx.addIssue({ code: 'custom', path: [...path, 'number'], message });
    }
  }
}

function digitsOf(number: string): string {
  return number.replace(/\D/g, '').replace(/^(44|0)/, '');
}
