import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.ts';
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
import { isProfileName, profileBehaviour, type ProfileName } from './aggregator/profiles.ts';
import { Router } from './aggregator/router.ts';
import { listen } from './aggregator/server.ts';
import { ShownSenders } from './aggregator/shown-senders.ts';
import { SimulatorStore } from './aggregator/store.ts';
import { NotifyAuthenticator } from './dialects/notify/auth.ts';
import { NotifyCallbacks } from './dialects/notify/callback-settings.ts';
import { addNotifyControlRoutes } from './dialects/notify/control-routes.ts';
import { addNotifyRoutes } from './dialects/notify/routes.ts';
import { NotifySenders } from './dialects/notify/senders.ts';
import {
  notifyCredentials,
  openNotifyService,
  type NotifyCredentials,
} from './dialects/notify/service.ts';

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
}

export interface StartedSimulator extends AsyncDisposable {
  /** `http://127.0.0.1:PORT` */
  readonly baseUrl: string;
  /** `${baseUrl}/_sim` */
  readonly controlUrl: string;
  readonly profile: ProfileName;
  readonly timeScale: number;
  readonly notify: NotifyCredentials;
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

  const store = SimulatorStore.open(join(dataDir, 'simulator.sqlite'));
  const dispatcher = new CallbackDispatcher();
  try {
    return await assemble(settings, options, { store, dispatcher, dataDir, ownsDataDir });
  } catch (error) {
    await dispatcher.close();
    store.close();
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
  const faults = new FaultInjector({ signalsThrottling: profile.signalsThrottling });
  const lifecycle = new MessageLifecycle({
    store,
    clock,
    network: new NetworkModel(options.outcomeRules ?? DEFAULT_OUTCOME_RULES),
    profile,
    dispatcher,
    shownSenders: new ShownSenders(profile.senderDisplay, store),
    dialects: { notify: callbacks },
    faults,
  });

  const router = new Router();
  const internationalSms = options.internationalSms ?? true;
  addNotifyRoutes(router, { auth, lifecycle, profile, store, clock, senders, internationalSms });
  addNotifyControlRoutes(router, { callbacks, senders, profile });
  addControlRoutes(router, { store, clock, profile: settings.profile });
  addHandsetRoutes(router, { store, clock, lifecycle, directory: senders });
  addFaultRoutes(router, faults);

  // Faults touch the supplier's API only; the control API must keep answering through them.
  const server = await listen(router, settings.host, settings.port, (_method, path) =>
    path.startsWith(CONTROL_PREFIX) ? NO_REQUEST_FAULT : faults.forRequest(path),
  );
  lifecycle.start();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await server.close();
      await lifecycle.stop();
      await dispatcher.close();
      store.close();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  return {
    baseUrl: server.baseUrl,
    controlUrl: `${server.baseUrl}${CONTROL_PREFIX}`,
    profile: settings.profile,
    timeScale: settings.timeScale,
    notify: notifyCredentials(service, senders),
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
