import type { TargetConfig } from '../core/config/schema.ts';
import type { ObserverConfig } from '../core/config/truth-schema.ts';
import { ConfigError } from '../core/errors.ts';
import type { ResolvedTarget } from '../core/target.ts';
import type { ObserverPlan, TruthPlan } from '../core/truth-plan.ts';
import { dialectOf } from '../providers/registry.ts';
import type { ResolveOptions } from './resolve-targets.ts';
import { secretFrom } from './secret-from.ts';
import { twilioWebhookPlan } from './twilio-webhook-plan.ts';

const DEFAULT_SAMPLE_SIZE = 59;
const DEFAULT_GRACE_SECONDS = 60;

/**
 * The truth check's plan for one target. A simulated target watches its own handsets unless told
 * otherwise; a real one needs an observer in its configuration, or the check is skipped. A
 * webhook observer's token is handed to the receiver here and goes no further.
 */
export async function truthPlan(
  config: TargetConfig,
  target: ResolvedTarget,
  index: number,
  options: ResolveOptions,
): Promise<TruthPlan | undefined> {
  const configured = config.truth?.observer;
  const observer =
    configured?.kind === 'twilio-webhook'
      ? await twilioWebhookPlan(configured, target, `targets.${index}.truth.observer`, options)
      : observerPlan(configured, config, target, index, options);
  if (!observer) return undefined;

  const graceSeconds = config.truth?.arrivalGraceSeconds ?? DEFAULT_GRACE_SECONDS;
  // A simulated target's seconds run timeScale times faster, as its receipt deadline does.
  const scale = target.simulator ? options.timeScale : 1;
  return {
    sampleSize: config.truth?.sampleSize ?? DEFAULT_SAMPLE_SIZE,
    arrivalGraceMs: Math.max(200, (graceSeconds * 1000) / scale),
    observer,
  };
}

function observerPlan(
  observer: ObserverConfig | undefined,
  config: TargetConfig,
  target: ResolvedTarget,
  index: number,
  options: ResolveOptions,
): ObserverPlan | undefined {
  const where = `targets.${index}.truth.observer`;
  const simulator = target.simulator;
  const kind = observer?.kind ?? (simulator ? 'handsets' : undefined);

  if (kind === 'handsets' && simulator) return { kind, controlUrl: simulator.controlUrl };
  if (observer?.kind === 'webhook') {
    const token = secretFrom(observer.token.env, `${where}.token`, options);
    options.receiver.observe(config.name, token);
    return {
      kind: 'webhook',
      numbers: observer.numbers,
      url: `${options.receiver.baseUrl}/observed/${config.name}`,
      inspectUrl: `${options.receiver.baseUrl}/inspect/${config.name}`,
      inspectToken: options.receiver.inspectToken,
    };
  }
  if (observer?.kind === 'received-texts') {
    dialectOf(observer.dialect);
    // On a simulator the defaults are its own service: its inbound number, API and key.
    const env = observer.credentials?.apiKey.env;
    const apiKey = env ? secretFrom(env, `${where}.credentials.apiKey`, options) : undefined;
    // Another dialect's service on the same simulator: the text crosses one shared network.
    const own = observer.dialect === target.dialect;
    const inbox = simulator?.inboxes?.[observer.dialect];
    const ownNumber = own ? target.sender.replies?.shown : inbox?.number;
    const ownKey = own ? target.credentials['apiKey'] : inbox?.apiKey;
    const number = observer.number ?? (simulator ? ownNumber : undefined);
    const plan = {
      kind: 'received-texts' as const,
      dialect: observer.dialect,
      number: number ?? '',
      baseUrl: observer.baseUrl ?? (simulator ? target.baseUrl : ''),
      apiKey: apiKey ?? (simulator ? (ownKey ?? '') : ''),
    };
    if (!plan.number) {
      throw new ConfigError(options.source, [`${where}.number: the inbound number is required`]);
    }
    return plan;
  }
  if (observer?.kind === 'smpp') return smppPlan(observer, target, where, options);
  return undefined;
}

/**
 * An SMPP observer binds with an account of its own. On a simulator it defaults to the same
 * simulator's SMSC and its inbound number; a real target names all three in its configuration.
 */
function smppPlan(
  observer: Extract<ObserverConfig, { kind: 'smpp' }>,
  target: ResolvedTarget,
  where: string,
  options: ResolveOptions,
): ObserverPlan {
  const { credentials } = observer;
  const smsc = target.simulator?.smsc;
  const systemId = credentials
    ? secretFrom(credentials.systemId.env, `${where}.credentials.systemId`, options)
    : smsc?.systemId;
  const password = credentials
    ? secretFrom(credentials.password.env, `${where}.credentials.password`, options)
    : smsc?.password;
  const url = observer.url ?? smsc?.url;
  const number = observer.number ?? smsc?.number;
  if (!systemId || !password || !url || !number) {
    throw new ConfigError(options.source, [
      `${where}: name the SMSC (url), the inbound number and credentials: this simulator ` +
        'serves no SMSC to default to',
    ]);
  }
  const ca = smsc?.ca && url === smsc.url ? { ca: [smsc.ca] } : {};
  return { kind: 'smpp', number, url, systemId, password, bind: observer.bind, ...ca };
}
