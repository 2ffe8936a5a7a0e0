import { z } from 'zod';

/**
 * Settings of a real SMPP target: how the bind looks to the SMSC. SMPP 3.4 gives system_type
 * 13 octets with its terminating NUL, and TON 0-6; NPI values run up to 18 (ERMES).
 */
export const SmppSettingsSchema = z
  .object({
    systemType: z.string().max(12).optional(),
    bindMode: z.enum(['transceiver', 'transmitter-receiver']).optional(),
    sourceTon: z.number().int().min(0).max(6).optional(),
    sourceNpi: z.number().int().min(0).max(18).optional(),
  })
  .strict();

/**
 * Where a real Kannel's delivery reports reach the harness: its listener always serves on
 * loopback, on `dlrPort` when set, and Kannel is told `dlrPublicUrl` when it runs elsewhere and
 * reaches the listener through a forward of the operator's own.
 */
export const KannelSettingsSchema = z
  .object({
    dlrPort: z.number().int().min(1024).max(65535).optional(),
    dlrPublicUrl: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict();

/** An authority (a PEM file, relative to the working folder) trusted besides the system's. */
export const TargetTlsSchema = z.object({ ca: z.string().min(1) }).strict();

interface GatewayShape {
  readonly dialect: string;
  readonly simulator?: unknown;
  readonly baseUrl?: string | undefined;
  readonly keyType: string;
  readonly credentials?: Readonly<Record<string, unknown>> | undefined;
  readonly smpp?: unknown;
  readonly kannel?: unknown;
}

/** The secrets each gateway dialect needs, by the name the config gives them. */
const GATEWAY_SECRETS: Readonly<Record<string, readonly string[]>> = {
  smpp: ['systemId', 'password'],
  kannel: ['username', 'password'],
};

export function isGateway(dialect: string): boolean {
  return dialect in GATEWAY_SECRETS;
}

/**
 * A real SMPP or Kannel target: its address, the secrets it binds or sends with, and a live
 * key type, since neither has a test mode and whatever it is sent is a real text. The `smpp`
 * and `kannel` blocks belong to a real target of their own dialect only.
 */
export function checkGatewayConfig(target: GatewayShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  for (const block of ['smpp', 'kannel'] as const) {
    if (target[block] === undefined) continue;
    if (target.dialect !== block) issue([block], `only for a ${block} target`);
    else if (target.simulator) issue([block], `only for a real target: the simulator sets it`);
  }
  if (target.simulator || !isGateway(target.dialect)) return;

  const scheme = target.dialect === 'smpp' ? /^smpps?:\/\/[^/]+:\d+$/ : /^https?:\/\//;
  const shape = target.dialect === 'smpp' ? 'smpp://HOST:PORT or smpps://HOST:PORT' : 'http(s)://';
  if (!target.baseUrl) issue(['baseUrl'], `required: ${shape}`);
  else if (!scheme.test(target.baseUrl)) issue(['baseUrl'], `expected ${shape}`);

  for (const name of GATEWAY_SECRETS[target.dialect] ?? []) {
    if (!target.credentials?.[name]) {
      issue(['credentials', name], `required for a ${target.dialect} target: { env: NAME }`);
    }
  }
  if (target.keyType !== 'live') {
    issue(
      ['keyType'],
      `${target.dialect} has no test mode: every text is sent for real; ` +
        `set keyType: live (and pass --allow-live)`,
    );
  }
}

/** HTTP suppliers speak http(s); smpp:// belongs to SMPP alone (gateways are checked above). */
export function checkHttpBaseUrl(target: GatewayShape, ctx: z.RefinementCtx): void {
  if (target.dialect === 'smpp' || (isGateway(target.dialect) && !target.simulator)) return;
  if (target.baseUrl && !/^https?:\/\//.test(target.baseUrl)) {
    ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: 'expected http(s)://' });
  }
}
