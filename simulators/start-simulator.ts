import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.ts';
import { apiTls, type RequestedTransport } from './aggregator/api-tls.ts';
import { CallbackDispatcher } from './aggregator/callback-dispatcher.ts';
import { SimClock } from './aggregator/clock.ts';
import { addControlRoutes, CONTROL_PREFIX } from './aggregator/control-api.ts';
import { FaultInjector, NO_REQUEST_FAULT } from './aggregator/faults/injector.ts';
import { addFaultRoutes } from './aggregator/faults/routes.ts';
import { addHandsetRoutes } from './aggregator/handset-routes.ts';
import { MessageLifecycle } from './aggregator/lifecycle.ts';
import {
  DEFAULT_OUTCOME_RULES,
  NetworkModel,
  type OutcomeRule,
} from './aggregator/network-model.ts';
import { resolveKek } from './aggregator/kek.ts';
import { isProfileName, profileBehaviour, type ProfileName } from './aggregator/profiles.ts';
import { ReceiptFaker } from './aggregator/receipt-faking.ts';
import { Router } from './aggregator/router.ts';
import { listen } from './aggregator/server.ts';
import { ShownSenders } from './aggregator/shown-senders.ts';
import { SimulatorStore } from './aggregator/store.ts';
import { NotifyAuthenticator } from './dialects/notify/auth.ts';
import { NotifyCallbacks } from './dialects/notify/callback-settings.ts';
import { addNotifyControlRoutes } from './dialects/notify/control-routes.ts';
import { addNotifyRoutes } from './dialects/notify/routes.ts';
import { SmppFace, type SmppCredentials, type SmppOptions } from './dialects/smpp/smsc.ts';
import { NotifySenders } from './dialects/notify/senders.ts';
import {
  notifyCredentials,
  openNotifyService,
  type NotifyCredentials,
} from './dialects/notify/service.ts';
import { TwilioDialect, type TwilioCredentials } from './dialects/twilio/index.ts';
import { VonageDialect, type VonageCredentials } from './dialects/vonage/index.ts';
import { SnsDialect, type SnsCredentials } from './dialects/sns/index.ts';
import { SMS_MESSAGES_PATH } from './dialects/sns/routes.ts';
import { FiretextDialect, type FiretextCredentials } from './dialects/firetext/index.ts';

export interface SimulatorOptions {
  /** @default '127.0.0.1' */
  host?: string | undefined;
  /** @default 0, a free port */
  port?: number | undefined;
  /** Folder for the SQLite file. @default a fresh temporary folder, removed on stop */
  dataDir?: string | undefined;
  /** How many times faster than real time simulated delays run. @default 100 */
  timeScale?: number | undefined;
  /** @default 'compliant' */
  profile?: ProfileName | undefined;
  /**
   * Reopen `dataDir` with the API keys stored in it instead of issuing fresh ones (the previous
   * keys are otherwise revoked). @default false
   */
  keepKeys?: boolean | undefined;
  /** Outcomes for live and team keys, by number or prefix. @default DEFAULT_OUTCOME_RULES */
  outcomeRules?: readonly OutcomeRule[] | undefined;
  /**
   * Notify's `international_sms` permission: texts to numbers abroad (in fiction ranges only)
   * are accepted. Without it they get `Cannot send to international mobile numbers`.
   * @default true
   */
  internationalSms?: boolean | undefined;
  /**
   * The key-encryption key that wraps the store's data keys: base64 of 32 bytes, or the bytes.
   * @default `keyFile`, then `SMS_ASSURE_SIM_KEK`, then `SMS_ASSURE_SIM_KEY_FILE`, else a key
   * generated for the run (kept in `dataDir`/simulator.kek when `dataDir` is given)
   */
  kek?: string | Buffer | undefined;
  /** A file holding the key-encryption key in base64. */
  keyFile?: string | undefined;
  /** Makes the profile's random choices (which texts `fake-receipts-share` drops) repeatable. */
  seed?: number | undefined;
  /**
   * `https` serves the API with a certificate from an authority made at start (see `ca`). The
   * CLI always asks for it; embedding code, tests included, gets plain HTTP unless it asks.
   * Profiles about transport (`tls-weak`, `plain-http`) override it. @default 'http'
   */
  transport?: RequestedTransport | undefined;
  /**
   * Whether http:// callback URLs are accepted. Notify refuses them; a simulator on plain HTTP,
   * as tests run it, takes them, so a test needs no TLS at all. @default transport === 'http'
   */
  httpCallbacks?: boolean | undefined;
  /** Authorities (PEM) trusted for callback URLs besides the system's. */
  callbackCa?: readonly string[] | undefined;
  /** Also serve SMPP 3.4 (an SMSC) on its own loopback port. @default undefined: no SMPP */
  smpp?: SmppOptions | undefined;
}

export interface StartedSimulator extends AsyncDisposable {
  /** `https://127.0.0.1:PORT`, or `http://…` over plain HTTP */
  readonly baseUrl: string;
  /** The authority behind the API's certificate (PEM), for clients to trust; none over HTTP. */
  readonly ca: string | undefined;
  /** `${baseUrl}/_sim` */
  readonly controlUrl: string;
  readonly profile: ProfileName;
  readonly timeScale: number;
  readonly notify: NotifyCredentials;
  /** The Twilio account the same simulator serves under `/2010-04-01/Accounts/...`. */
  readonly twilio: TwilioCredentials;
  /** The Vonage account the same simulator serves under `/sms/json`. */
  readonly vonage: VonageCredentials;
  /** The AWS account the same simulator serves as SNS at `POST /`. */
  readonly sns: SnsCredentials;
  /** The Firetext account the same simulator serves under `/api/sendsms/json`. */
  readonly firetext: FiretextCredentials;
  /** Where and how to bind, when the SMPP face was asked for. */
  readonly smpp?: SmppCredentials;
  /** The folder holding the SQLite file. */
  readonly dataDir: string;
  stop(): Promise<void>;
}

interface Settings {
  readonly host: string;
  readonly port: number;
  readonly timeScale: number;
  readonly profile: ProfileName;
}

/**
 * Starts the embedded aggregator simulator: a GOV.UK Notify API v2 on loopback, backed by a
 * SQLite store, a fictional network and a control API.
 *
 * @example
 * await using simulator = await startSimulator({ timeScale: 1000 });
 * const client = new NotifyClient(simulator.baseUrl, simulator.notify.testKey);
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<StartedSimulator> {
  const settings = checkOptions(options);
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'sms-assure-simulator-')));
  await mkdir(dataDir, { recursive: true });

  const store = await openStore(settings, options, dataDir, ownsDataDir);
  const dispatcher = new CallbackDispatcher(options.callbackCa);
  try {
    return await assemble(settings, options, { store, dispatcher, dataDir, ownsDataDir });
  } catch (error) {
    await dispatcher.close();
    store.close();
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** The store, sealed under the key the options or the environment give (see `resolveKek`). */
async function openStore(
  settings: Settings,
  options: SimulatorOptions,
  dataDir: string,
  ownsDataDir: boolean,
): Promise<SimulatorStore> {
  try {
    const kek = await resolveKek({ ...options, dataDir, ownsDataDir });
    const plaintext = profileBehaviour(settings.profile).storesPlaintext;
    return SimulatorStore.open(join(dataDir, 'simulator.sqlite'), { kek, plaintext });
  } catch (error) {
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

interface Resources {
  readonly store: SimulatorStore;
  readonly dispatcher: CallbackDispatcher;
  readonly dataDir: string;
  readonly ownsDataDir: boolean;
}

async function assemble(
  settings: Settings,
  options: SimulatorOptions,
  resources: Resources,
): Promise<StartedSimulator> {
  const { store, dispatcher, dataDir, ownsDataDir } = resources;
  const profile = profileBehaviour(settings.profile);
  const service = openNotifyService(store, options.keepKeys ?? false);
  const senders = new NotifySenders(store, service);
  const auth = await NotifyAuthenticator.create([service]);

  const clock = new SimClock(settings.timeScale);
  const callbacks = new NotifyCallbacks(store);
  const rules = options.outcomeRules ?? DEFAULT_OUTCOME_RULES;
  const twilio = new TwilioDialect(store, options.keepKeys ?? false);
  const vonage = new VonageDialect(
    store,
    options.keepKeys ?? false,
    profile.authenticatesCallbacks,
  );
  const sns = new SnsDialect(store, options.keepKeys ?? false);
  const firetext = new FiretextDialect(store, options.keepKeys ?? false);
  const smppFace = options.smpp ? new SmppFace(store, options.keepKeys ?? false) : undefined;
  const faults = new FaultInjector({ signalsThrottling: profile.signalsThrottling });
  // The SMSC's inbound number is the Twilio account's too: an SMPP simulator, asked for by an
  // SMPP target alone, takes the replies to it. Texts any dialect sends to one of these numbers
  // arrive at its service, as handsets' replies do, so each can observe the others' texts.
  const directory = {
    findInbound: (address: string) =>
      senders.findInbound(address) ??
      smppFace?.findInbound(address) ??
      twilio.phoneNumbers.findInbound(address),
  };
  const lifecycle = new MessageLifecycle({
    store,
    clock,
    network: new NetworkModel(rules),
    profile,
    dispatcher,
    shownSenders: new ShownSenders(profile.senderDisplay, store),
    dialects: {
      notify: callbacks,
      twilio: twilio.hooks,
      vonage: vonage.hooks,
      sns: sns.hooks,
      firetext: firetext.hooks,
      ...(smppFace ? { smpp: smppFace.hooks } : {}),
    },
    receiptFaker: new ReceiptFaker(profile.fakesReceipts, store, { seed: options.seed, rules }),
    directory,
    faults,
  });

  const router = new Router();
  const internationalSms = options.internationalSms ?? true;
  addNotifyRoutes(router, { auth, lifecycle, profile, store, clock, senders, internationalSms });
  const transport = options.transport ?? 'http';
  const httpCallbacks =
    profile.acceptsHttpCallbacks || (options.httpCallbacks ?? transport === 'http');
  addNotifyControlRoutes(router, { callbacks, senders, profile, httpCallbacks });
  twilio.addRoutes(router, { lifecycle, profile, store, clock });
  vonage.addRoutes(router, { lifecycle, profile, store, clock, httpCallbacks });
  sns.addRoutes(router, { lifecycle, profile });
  firetext.addRoutes(router, { lifecycle, profile });
  addControlRoutes(router, { store, clock, profile: settings.profile });
  addHandsetRoutes(router, { store, clock, lifecycle, directory });
  addFaultRoutes(router, faults);

  // Faults touch the supplier's API only; the control API and the LocalStack-style read-back
  // (a test tool, like the control API) must keep answering through them.
  const tls = apiTls(transport, profile.apiTransport);
  const server = await listen(router, settings.host, settings.port, tls.settings, (_m, path) =>
    path.startsWith(CONTROL_PREFIX) || path.startsWith(SMS_MESSAGES_PATH)
      ? NO_REQUEST_FAULT
      : faults.forRequest(path),
  );
  const smsc = await smppFace
    ?.listen(options.smpp ?? {}, { store, clock, lifecycle, profile, faults })
    .catch(async (error: unknown) => {
      await server.close();
      throw error;
    });
  lifecycle.start();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await server.close();
      await smsc?.close();
      await lifecycle.stop();
      await dispatcher.close();
      store.close();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  return {
    baseUrl: server.baseUrl,
    ca: tls.ca,
    controlUrl: `${server.baseUrl}${CONTROL_PREFIX}`,
    profile: settings.profile,
    timeScale: settings.timeScale,
    notify: notifyCredentials(service, senders),
    twilio: twilio.credentials(),
    vonage: vonage.credentials(),
    sns: sns.credentials(),
    firetext: firetext.credentials(),
    ...(smsc ? { smpp: smsc.credentials } : {}),
    dataDir,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

function checkOptions(options: SimulatorOptions): Settings {
  const { host = '127.0.0.1', port = 0, timeScale = 100, profile = 'compliant' } = options;
  const problems: string[] = [];

  if (!Number.isFinite(timeScale) || timeScale <= 0) {
    problems.push(`timeScale: expected a positive number, got ${timeScale}`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`port: expected 0-65535, got ${port}`);
  }
  if (!isProfileName(profile)) problems.push(`profile: '${String(profile)}' is not a profile`);

  if (problems.length > 0) throw new ConfigError('simulator options', problems);
  return { host, port, timeScale, profile };
}
