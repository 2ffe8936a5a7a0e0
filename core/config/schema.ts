import { z } from 'zod';
import { SUITES } from '../suites.ts';
import { checkDeclarative } from './declarative-schema.ts';
import {
  checkGatewayConfig,
  checkHttpBaseUrl,
  isGateway,
  KannelSettingsSchema,
  SmppSettingsSchema,
  TargetTlsSchema,
} from './gateway-schema.ts';
import { checkTruthConfig, TruthConfigSchema } from './truth-schema.ts';

/** The suppliers a described target can meet on the simulator, by the description's name. */
export const SIMULATOR_FACES = ['firetext', 'kannel'] as const;

const EnvRef = z.object({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/) }).strict();

const NumbersSchema = z
  .object({
    delivered: z.array(z.string()).min(1),
    temporaryFailure: z.array(z.string()),
    permanentFailure: z.array(z.string()),
    technicalFailure: z.array(z.string()),
    smoke: z.array(z.string()),
  })
  .partial()
  .strict();

export const TargetConfigSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'lowercase letters, digits and hyphens'),
    dialect: z.enum(['notify', 'twilio', 'vonage', 'sns', 'smpp', 'kannel', 'declarative']),
    /** A declarative target's supplier description (YAML), relative to the config file. */
    description: z.string().min(1).optional(),
    /** Present for a target served by the embedded simulator. */
    simulator: z
      .object({
        profile: z.string().default('compliant'),
        /** Makes the profile's random choices repeatable (tests); random without one. */
        seed: z.number().int().min(0).optional(),
        /**
         * Which face of the simulator a declarative target talks to: its Firetext API, or real
         * Kannel in front of its SMSC. @default the description's name
         */
        speaks: z.enum(SIMULATOR_FACES).optional(),
      })
      .strict()
      .optional(),
    // smpp:// and smpps:// for an SMPP target; http(s) for every other (checked below).
    baseUrl: z.url({ protocol: /^(https?|smpps?)$/ }).optional(),
    keyType: z.enum(['test', 'team', 'live']).default('test'),
    // `testApiKey`: test credentials beside live ones, for the test-mode check.
    // Further named secrets (a signature secret, a password) come from the environment too;
    // the dialect says which it needs and names any that is missing.
    credentials: z
      // A declarative target's secrets are the ones its description lists, apiKey or not.
      .object({ apiKey: EnvRef.optional(), testApiKey: EnvRef.optional() })
      .catchall(EnvRef)
      .optional(),
    options: z
      // `from` is Twilio's sender: a number the account owns, or an alphanumeric sender ID.
      // `testFrom`: the `From` Twilio's test credentials accept (+15005550006).
      .object({
        templateId: z.uuid(),
        smsSenderId: z.uuid(),
        from: z.string().min(1),
        testFrom: z.string().min(1),
        // How the Vonage account signs its webhooks (its dashboard's setting); the Vonage
        // dialect names a wrong one too, for targets not read from a file.
        signatureMethod: z.enum(['md5hash', 'md5', 'sha1', 'sha256', 'sha512']),

        // SNS: the AWS region signed for, the sender ID each text names, and its SMS type.
        region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region, e.g. eu-west-2'),
        senderId: z.string().min(1),
        smsType: z.enum(['Transactional', 'Promotional']),
      })
      .partial()
      .strict()
      .default({}),
    numbers: NumbersSchema.default({}),
    allowList: z.array(z.string()).default([]),
    receiptDeadlineSeconds: z.number().positive().max(3600).optional(),
    sender: z
      .object({
        expected: z.string().min(1).optional(),
        replies: z
          .object({ smsSenderId: z.uuid().optional(), shown: z.string().min(1) })
          .strict()
          .optional(),
      })
      .strict()
      .default({}),
    keywords: z
      .record(z.string().regex(/^[A-Z0-9]{2,12}$/, 'upper-case keyword'), z.string())
      .optional(),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2 code, e.g. US')).optional(),
    content: z
      .object({
        serviceName: z.string().min(1).optional(),
        samples: z.array(z.string()).default([]),
      })
      .strict()
      .optional(),
    pollIntervalSeconds: z.number().positive().max(300).optional(),
    /** The supplier's questionnaire (YAML), relative to the working folder. */
    attestations: z.string().min(1).optional(),
    /** The supplier's known deviations (YAML), relative to the working folder. */
    expectations: z.string().min(1).optional(),
    /** The truth check: how many texts, and where to see what arrived. */
    truth: TruthConfigSchema.optional(),
    /**
     * The second aggregator the service fails over to: another target's name, or
     * `sim:notify:<profile>` for a simulator started for it; `{}` is a failover sender with no
     * secondary. A simulated target without it gets a compliant simulator.
     */
    failover: z
      .object({
        secondary: z
          .string()
          .regex(
            /^(sim:notify:[a-z-]+|[a-z0-9][a-z0-9-]{0,40})$/,
            'a target name or sim:notify:PROFILE',
          )
          .optional(),
      })
      .strict()
      .optional(),
    /** A real SMPP target's bind: system_type, bind mode, source TON and NPI. */
    smpp: SmppSettingsSchema.optional(),
    /** Where a real Kannel's delivery reports reach the harness. */
    kannel: KannelSettingsSchema.optional(),
    /** An authority a real target's certificate is trusted by, besides the system's. */
    tls: TargetTlsSchema.optional(),
  })
  .strict()
  .superRefine((target, ctx) => {
    checkTruthConfig(target, ctx);
    checkHttpBaseUrl(target, ctx);
    if (target.dialect === 'declarative') return checkDeclarative(target, ctx);
    checkGatewayConfig(target, ctx);
    if (target.simulator || isGateway(target.dialect)) return;

    // A real target needs everything the simulator would otherwise have provided.
    if (!target.baseUrl) ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: 'required' });
    if (!target.credentials?.apiKey) {
      ctx.addIssue({ code: 'custom', path: ['credentials', 'apiKey'], message: 'required' });
    }
    if (target.dialect === 'notify' && !target.options.templateId) {
      ctx.addIssue({
        code: 'custom',
        path: ['options', 'templateId'],
        message: 'required: a template whose whole content is ((body))',
      });
    }
  });

export const ConfigSchema = z
  .object({
    timeScale: z.number().min(1).max(10_000).default(100),
    suites: z.array(z.enum(SUITES)).min(1).optional(),
    output: z.string().min(1).default('reports'),
    /** A fixed loopback port for the receiver, so a test phone's forwarding app can be set up. */
    receiverPort: z.number().int().min(1024).max(65535).optional(),
    targets: z.array(TargetConfigSchema).min(1),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.targets.forEach((target, index) => {
      if (seen.has(target.name)) {
        ctx.addIssue({ code: 'custom', path: ['targets', index, 'name'], message: 'duplicate' });
      }
      seen.add(target.name);
    });
  });

export type TargetConfig = z.infer<typeof TargetConfigSchema>;
export type Config = z.infer<typeof ConfigSchema>;
