import type { TargetConfig } from '../core/config/schema.ts';
import { HarnessError } from '../core/errors.ts';
import type { ResolvedTarget } from '../core/target.ts';
import { dialectOf } from '../providers/registry.ts';
import { startSimulator, type ProfileName } from '../simulators/index.ts';
import type { ResolveOptions, TargetSetup } from './resolve-targets.ts';
import { simulatedPlans, servicesOf } from './simulated-target.ts';
import { withOverrides, SIMULATED_DEADLINE_FLOOR_MS } from './target-plans.ts';

/** The sender an SMPP client submits from on the simulator: alphanumeric, within 11. */
const SMPP_SENDER = 'SMSASSURE';

/**
 * A simulator serving SMPP as well: the target binds to its SMSC, and receipts come back on
 * the bound session, so there is no HTTP callback to wire up. The SMSC speaks SMPP over TLS,
 * as the CLI's simulated APIs speak HTTPS, unless `tls` is false (Kannel binds in clear).
 */
export async function simulatedSmppTarget(
  config: TargetConfig,
  profile: ProfileName,
  options: ResolveOptions,
  setup: TargetSetup,
  tls = true,
): Promise<ResolvedTarget> {
  const simulator = await startSimulator({
    profile,
    timeScale: options.timeScale,
    smpp: { tls },
  });
  setup.simulators.push(simulator);
  const { smpp } = simulator;
  if (!smpp) throw new HarnessError('ASSURE_SIMULATOR_SMPP', 'the simulator started no SMSC');

  const simulatedDeadlineMs = (config.receiptDeadlineSeconds ?? 120) * 1000;
  const plans = simulatedPlans(config, [
    { id: SMPP_SENDER, text: SMPP_SENDER, isDefault: true, inbound: false },
    { id: smpp.inboundNumber, text: smpp.inboundNumber, isDefault: false, inbound: true },
  ]);
  return {
    name: config.name,
    dialect: config.dialect,
    baseUrl: smpp.url,
    keyType: 'live',
    credentials: { systemId: smpp.systemId, password: smpp.password },
    ...(smpp.ca ? { trustedCa: [smpp.ca] } : {}),
    options: { sender: SMPP_SENDER },
    numbers: withOverrides(dialectOf('smpp').defaultNumbers, config.numbers),
    allowList: config.allowList,
    receiptDeadlineMs: Math.max(
      SIMULATED_DEADLINE_FLOOR_MS,
      simulatedDeadlineMs / options.timeScale,
    ),
    pollIntervalMs: 20,
    ...plans,
    // US networks send no receipts, and SMPP has no state like Notify's `sent` to stand for
    // delivered, so only a country with receipts can show it was reached.
    countries: config.countries ?? ['AU'],
    simulator: {
      controlUrl: simulator.controlUrl,
      profile,
      timeScale: options.timeScale,
      dataDir: simulator.dataDir,
      ...servicesOf(simulator),
    },
  };
}
