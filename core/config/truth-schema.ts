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
  z
    .object({
      kind: z.literal('twilio-webhook'),
      /** The Twilio number, in E.164, whose SmsUrl posts to the harness. */
      number: z.string().min(1).optional(),
      /** The account owning it: its Auth Token is what signs each webhook. */
      credentials: z.object({ accountSid: EnvRef, authToken: EnvRef }).strict().optional(),
      /**
       * The public HTTPS origin of a relay that forwards to the receiver, path and query
       * unchanged: Twilio cannot reach the loopback receiver, and signs the URL it calls.
       */
      relay: z.url({ protocol: /^https$/ }).optional(),
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

/** What an observer of each kind must be told for a real target: a simulator has defaults. */
const REQUIRED_FOR_REAL: Partial<
  Record<ObserverConfig['kind'], { fields: readonly string[]; message: string }>
> = {
  'received-texts': {
    fields: ['number', 'baseUrl', 'credentials'],
    message: 'required for a real target: the inbound number, its API and key',
  },
  smpp: {
    fields: ['number', 'url', 'credentials'],
    message: 'required for a real target: the inbound number, its SMSC and account',
  },
  'twilio-webhook': {
    fields: ['number', 'credentials', 'relay'],
    message: 'required for a real target: the number, its account and the relay',
  },
};

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
  const required = target.simulator ? undefined : REQUIRED_FOR_REAL[observer.kind];
  for (const field of required?.fields ?? []) {
    if ((observer as Record<string, unknown>)[field] === undefined) {
      ctx.addIssue({ code: 'custom', path: [...path, field], message: required?.message ?? '' });
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
  if (observer.kind !== 'handsets' && observer.kind !== 'webhook' && observer.number) {
    if (!allowed.has(digitsOf(observer.number))) {
      ctx.addIssue({ code: 'custom', path: [...path, 'number'], message });
    }
  }
}

function digitsOf(number: string): string {
  return number.replace(/\D/g, '').replace(/^(44|0)/, '');
}
