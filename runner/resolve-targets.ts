import { randomBytes } from 'node:crypto';
import { request } from 'undici';
import type { TargetConfig } from '../core/config/schema.ts';
import { ConfigError, HarnessError } from '../core/errors.ts';
import type { ResolvedTarget, TestNumbers } from '../core/target.ts';
import type { StartedReceiver } from '../providers/callback-receiver.ts';
import { dialectOf } from '../providers/registry.ts';
import { PROFILES, startSimulator, type ProfileName } from '../simulators/index.ts';

export interface TargetSetup {
  readonly targets: ResolvedTarget[];
  /** Simulators started for the run; stopped when it ends. */
  readonly simulators: { stop(): Promise<void> }[];
}

export interface ResolveOptions {
  readonly timeScale: number;
  readonly allowLive: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly receiver: StartedReceiver;
}

/**
 * Turns configured targets into resolved ones: simulators are started, secrets read from the
 * environment, and each target's callback authority registered with the receiver.
 */
export async function resolveTargets(
  configs: readonly TargetConfig[],
  options: ResolveOptions,
): Promise<TargetSetup> {
  const setup: TargetSetup = { targets: [], simulators: [] };
  try {
    for (const [index, config] of configs.entries()) {
      const target = config.simulator
        ? await simulated(config, config.simulator.profile, index, options, setup)
        : real(config, index, options);
      const authority = dialectOf(target.dialect).createCallbackAuthority(target);
      if (authority) options.receiver.register(target.name, authority);
      setup.targets.push(target);
    }
  } catch (error) {
    await Promise.all(setup.simulators.map((s) => s.stop()));
    throw error;
  }
  return setup;
}

async function simulated(
  config: TargetConfig,
  profile: string,
  index: number,
  options: ResolveOptions,
  setup: TargetSetup,
): Promise<ResolvedTarget> {
  if (!isProfile(profile)) {
    throw new ConfigError('config', [
      `targets.${index}.simulator.profile: '${profile}' is not one of ${PROFILES.join(', ')}`,
    ]);
  }

  const simulator = await startSimulator({ profile, timeScale: options.timeScale });
  setup.simulators.push(simulator);

  const bearerToken = randomBytes(24).toString('base64url');
  const callbackUrl = `${options.receiver.baseUrl}/callbacks/${config.name}`;
  await configureCallback(simulator.controlUrl, callbackUrl, bearerToken);

  const dialect = dialectOf(config.dialect);
  const simulatedDeadlineMs = (config.receiptDeadlineSeconds ?? 120) * 1000;
  return {
    name: config.name,
    dialect: config.dialect,
    baseUrl: simulator.baseUrl,
    keyType: 'test',
    credentials: { apiKey: simulator.notify.testKey },
    options: { templateId: simulator.notify.templateId },
    numbers: withOverrides(dialect.defaultNumbers, config.numbers),
    allowList: config.allowList,
    receiptDeadlineMs: Math.max(1000, simulatedDeadlineMs / options.timeScale),
    pollIntervalMs: 20,
    callback: {
      url: callbackUrl,
      inspectUrl: `${options.receiver.baseUrl}/inspect/${config.name}`,
      inspectToken: options.receiver.inspectToken,
      bearerToken,
    },
    simulator: { controlUrl: simulator.controlUrl, profile, timeScale: options.timeScale },
  };
}

function real(config: TargetConfig, index: number, options: ResolveOptions): ResolvedTarget {
  const where = `targets.${index}`;
  const envName = config.credentials?.apiKey.env ?? '';
  const apiKey = options.env[envName];

  if (!apiKey) {
    throw new ConfigError('environment', [
      `${where}.credentials.apiKey: environment variable ${envName} is not set`,
    ]);
  }
  if (config.keyType === 'live' && !options.allowLive) {
    throw new ConfigError('config', [
      `${where}.keyType: live credentials text real people; pass --allow-live to use them`,
    ]);
  }

  const dialect = dialectOf(config.dialect);
  return {
    name: config.name,
    dialect: config.dialect,
    baseUrl: config.baseUrl ?? '',
    keyType: config.keyType,
    credentials: { apiKey },
    options: definedOnly(config.options),
    numbers: withOverrides(dialect.defaultNumbers, config.numbers),
    allowList: config.allowList,
    receiptDeadlineMs:
      (config.receiptDeadlineSeconds ?? 0) * 1000 || dialect.defaultReceiptDeadlineMs,
    pollIntervalMs: (config.pollIntervalSeconds ?? 5) * 1000,
  };
}

async function configureCallback(controlUrl: string, url: string, bearerToken: string) {
  const reply = await request(`${controlUrl}/notify/callback`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url, bearerToken }),
  });
  await reply.body.dump();
  if (reply.statusCode >= 300) {
    throw new HarnessError(
      'ASSURE_SIMULATOR_CONTROL',
      `the simulator refused the callback configuration (HTTP ${reply.statusCode})`,
    );
  }
}

function isProfile(name: string): name is ProfileName {
  return (PROFILES as readonly string[]).includes(name);
}

function withOverrides(defaults: TestNumbers, overrides: TargetConfig['numbers']): TestNumbers {
  return {
    delivered: overrides.delivered ?? defaults.delivered,
    temporaryFailure: overrides.temporaryFailure ?? defaults.temporaryFailure,
    permanentFailure: overrides.permanentFailure ?? defaults.permanentFailure,
    smoke: overrides.smoke ?? defaults.smoke,
  };
}

function definedOnly(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
