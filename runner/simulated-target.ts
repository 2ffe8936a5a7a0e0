import { randomBytes } from 'node:crypto';
import { request } from 'undici';
import type { TargetConfig } from '../core/config/schema.ts';
import { ConfigError, HarnessError } from '../core/errors.ts';
import type { ResolvedTarget } from '../core/target.ts';
import { trusting } from '../providers/http/trusted-agent.ts';
import { dialectOf } from '../providers/registry.ts';
import {
  DEFAULT_OUTCOME_RULES,
  PROFILES,
  startSimulator,
  type ProfileName,
  type StartedSimulator,
} from '../simulators/index.ts';
import type { ResolveOptions, TargetSetup } from './resolve-targets.ts';
import { simulatedAccount, type SimulatorSender } from './simulated-accounts.ts';
import { simulatedKannelTarget } from './simulated-kannel-target.ts';
import { simulatedSmppTarget } from './simulated-smpp-target.ts';
import {
  contentPlan,
  definedOnly,
  replyPlan,
  withOverrides,
  SIMULATED_DEADLINE_FLOOR_MS,
} from './target-plans.ts';

/**
 * Starts an embedded simulator for the target and wires its callbacks to the receiver. `face`
 * is the simulator's account the target uses, its dialect's own unless said (a declarative
 * target names the face its description speaks to).
 */
export async function simulatedTarget(
  config: TargetConfig,
  profile: string,
  index: number,
  options: ResolveOptions,
  setup: TargetSetup,
  face: string = config.dialect,
): Promise<ResolvedTarget> {
  if (!isProfile(profile)) {
    throw new ConfigError(options.source, [
      `targets.${index}.simulator.profile: '${profile}' is not one of ${PROFILES.join(', ')}`,
    ]);
  }

  if (config.dialect === 'smpp') return simulatedSmppTarget(config, profile, options, setup);
  if (config.dialect === 'kannel') {
    return simulatedKannelTarget(config, profile, index, options, setup);
  }

  const simulator = await startSimulator({
    profile,
    timeScale: options.timeScale,
    seed: config.simulator?.seed,
    transport: 'https',
    callbackCa: [options.receiver.ca],
    // An SMPP truth observer binds to the same simulator's SMSC, on the network texts cross.
    ...(config.truth?.observer?.kind === 'smpp' ? { smpp: { tls: true } } : {}),
  });
  setup.simulators.push(simulator);
  const trustedCa = [simulator.ca, options.receiver.ca].filter((ca) => ca !== undefined);

  const bearerToken = randomBytes(24).toString('base64url');
  const callbackUrl = `${options.receiver.baseUrl}/callbacks/${config.name}`;
  const inboundUrl = `${callbackUrl}/inbound`;
  const account = simulatedAccount(face, simulator);
  const control = { controlUrl: simulator.controlUrl, trustedCa };
  if (account.serviceCallbacks) {
    await configureCallback(control, 'callback', callbackUrl, bearerToken);
    await configureCallback(control, 'inbound-callback', inboundUrl, bearerToken);
  }
  await account.connectInbound?.(inboundUrl, trustedCa);

  const dialect = dialectOf(config.dialect);
  const simulatedDeadlineMs = (config.receiptDeadlineSeconds ?? 120) * 1000;
  return {
    name: config.name,
    dialect: config.dialect,
    baseUrl: simulator.baseUrl,
    keyType: 'live',
    credentials: account.credentials,
    options: account.options,
    numbers: withOverrides(
      { ...dialect.defaultNumbers, technicalFailure: technical() },
      config.numbers,
    ),
    allowList: config.allowList,
    receiptDeadlineMs: Math.max(
      SIMULATED_DEADLINE_FLOOR_MS,
      simulatedDeadlineMs / options.timeScale,
    ),
    pollIntervalMs: 20,
    ...simulatedPlans(config, account.senders),
    callback: {
      url: callbackUrl,
      inboundUrl,
      plainUrl: `${options.receiver.plainBaseUrl}/callbacks/${config.name}`,
      inspectUrl: `${options.receiver.baseUrl}/inspect/${config.name}`,
      inspectToken: options.receiver.inspectToken,
      bearerToken,
    },
    trustedCa,
    simulator: {
      controlUrl: simulator.controlUrl,
      profile,
      timeScale: options.timeScale,
      dataDir: simulator.dataDir,
      inboxes: inboxesOf(simulator),
      ...servicesOf(simulator),
    },
  };
}

/**
 * A simulated target texts from the simulator's own senders: its default alphanumeric one, and
 * its inbound number where replies are wanted. What the config says still wins.
 */
export function simulatedPlans(config: TargetConfig, senders: readonly SimulatorSender[]) {
  const shown = senders.find((s) => s.isDefault)?.text;
  const inbound = senders.find((s) => s.inbound);

  return {
    sender: {
      ...definedOnly({ expected: config.sender.expected ?? shown }),
      ...(config.sender.replies
        ? { replies: replyPlan(config.sender.replies) }
        : inbound
          ? { replies: { senderId: inbound.id, shown: inbound.text } }
          : {}),
    },
    keywords: config.keywords ?? SIMULATED_KEYWORDS,
    countries: config.countries ?? ['US', 'AU'],
    content: contentPlan(config.content ?? SIMULATED_CONTENT),
  };
}

/** The simulator's network fails these numbers before they reach a handset. */
export function technical(): string[] {
  return DEFAULT_OUTCOME_RULES.filter((r) => r.outcome === 'technical-failure').map(
    (r) => r.number,
  );
}

/** Two services sharing one reply number, as a council might run waste and parking. */
const SIMULATED_KEYWORDS = { BIN: 'waste-service', PARK: 'parking-service' };

const SIMULATED_CONTENT = {
  serviceName: 'Example Council',
  samples: [
    'Example Council: your bin collection has moved to Tuesday. Reply BIN if it is missed.',
    'Example Council: your parking permit runs out on 1 March. Reply PARK to renew it.',
  ],
};

async function configureCallback(
  control: { readonly controlUrl: string; readonly trustedCa: readonly string[] },
  which: 'callback' | 'inbound-callback',
  url: string,
  bearerToken: string,
) {
  const reply = await request(`${control.controlUrl}/notify/${which}`, {
    ...trusting(control.trustedCa),
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

/** The simulated Notify service's received texts, which any dialect's texts can reach. */
function inboxesOf(simulator: StartedSimulator) {
  const inbound = simulator.notify.senders.find((sender) => sender.inbound);
  return inbound ? { notify: { apiKey: simulator.notify.liveKey, number: inbound.text } } : {};
}

/**
 * The simulator's services a truth observer of another kind can watch: its Twilio account's
 * number, and its SMSC's inbound number where it serves one.
 */
export function servicesOf(simulator: StartedSimulator) {
  const { accountSid, authToken, ownedNumber } = simulator.twilio;
  const twilioNumber = { baseUrl: simulator.baseUrl, accountSid, authToken, number: ownedNumber };
  const { smpp } = simulator;
  if (!smpp) return { twilioNumber };
  const { url, ca, systemId, password, inboundNumber } = smpp;
  const smsc = { url, systemId, password, number: inboundNumber, ...(ca ? { ca } : {}) };
  return { twilioNumber, smsc };
}
