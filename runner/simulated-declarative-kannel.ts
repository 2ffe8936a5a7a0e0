import type { TargetConfig } from '../core/config/schema.ts';
import type { ResolvedTarget } from '../core/target.ts';
import type { ProfileName } from '../simulators/index.ts';
import { receiverCallback } from './receiver-callback.ts';
import type { ResolveOptions, TargetSetup } from './resolve-targets.ts';
import { simulatedKannelTarget } from './simulated-kannel-target.ts';

/**
 * Real Kannel in front of the simulator's SMSC, as for the Kannel dialect, but driven by a
 * description: sendsms with the description's fields, and delivery reports sent to the
 * harness's own callback receiver on the dlr-url, judged as the description says.
 */
export async function simulatedDeclarativeKannel(
  config: TargetConfig,
  profile: ProfileName,
  index: number,
  options: ResolveOptions,
  setup: TargetSetup,
): Promise<ResolvedTarget> {
  const kannel = await simulatedKannelTarget(config, profile, index, options, setup);

  return {
    ...kannel,
    dialect: 'declarative',
    credentials: {
      username: kannel.options['username'] ?? '',
      password: kannel.credentials['password'] ?? '',
    },
    options: {},
    callback: receiverCallback(config.name, options),
    trustedCa: [options.receiver.ca],
  };
}
