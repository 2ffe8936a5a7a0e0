import { TargetConfigSchema, type TargetConfig } from '../core/config/schema.ts';
import { ConfigError } from '../core/errors.ts';
import type { ResolvedTarget } from '../core/target.ts';
import { dialectOf } from '../providers/registry.ts';
import { PROFILES } from '../simulators/index.ts';
import type { ResolveOptions, TargetSetup } from './resolve-targets.ts';
import { simulatedTarget } from './simulated-target.ts';

const SIMULATED = 'sim:notify:';

/** What a simulated target fails over to when its configuration does not say. */
const DEFAULT_SIMULATED_SECONDARY = `${SIMULATED}compliant`;

/**
 * Gives each target its failover set-up: the secondary its configuration names (another target,
 * or a simulator started for it), none when `failover: {}`, and for a simulated target that
 * says nothing, a compliant simulator, so the default run shows failover working.
 */
export async function attachFailover(
  configs: readonly TargetConfig[],
  options: ResolveOptions,
  setup: TargetSetup,
): Promise<void> {
  for (const [index, config] of configs.entries()) {
    const target = setup.targets[index];
    if (!target || (!config.failover && !config.simulator)) continue;
    // A described supplier has no failover set-up yet: the suite skips it, as a real target.
    if (config.dialect === 'declarative') continue;

    const named = config.failover ? config.failover.secondary : DEFAULT_SIMULATED_SECONDARY;
    const secondary = named && (await secondaryOf(named, config, index, options, setup));
    const primary = config.simulator
      ? await startSimulated(config, 'failover', config.simulator.profile, index, options, setup)
      : undefined;
    setup.targets[index] = {
      ...target,
      failover: { ...(primary ? { primary } : {}), ...(secondary ? { secondary } : {}) },
    };
  }
}

/** A simulator started for the failover suite alone, named after the target and its role. */
async function startSimulated(
  config: TargetConfig,
  role: 'failover' | 'secondary',
  profile: string,
  index: number,
  options: ResolveOptions,
  setup: TargetSetup,
): Promise<ResolvedTarget> {
  const roleConfig = TargetConfigSchema.parse({
    name: `${config.name.slice(0, 31)}-${role}`,
    dialect: config.dialect,
    simulator: { profile },
  });
  const started = await simulatedTarget(roleConfig, profile, index, options, setup);
  const authority = dialectOf(started.dialect).createCallbackAuthority(started);
  if (authority) options.receiver.register(started.name, authority);
  return started;
}

async function secondaryOf(
  named: string,
  config: TargetConfig,
  index: number,
  options: ResolveOptions,
  setup: TargetSetup,
): Promise<ResolvedTarget> {
  if (named.startsWith(SIMULATED)) {
    const profile = named.slice(SIMULATED.length);
    if (!(PROFILES as readonly string[]).includes(profile)) {
      throw new ConfigError(options.source, [
        `targets.${index}.failover.secondary: '${profile}' is not one of ${PROFILES.join(', ')}`,
      ]);
    }
    return startSimulated(config, 'secondary', profile, index, options, setup);
  }

  const other = setup.targets.find((t) => t.name === named);
  if (!other || other.name === config.name) {
    throw new ConfigError(options.source, [
      `targets.${index}.failover.secondary: '${named}' is not another target of this ` +
        'configuration; name one, or sim:notify:PROFILE for a simulator',
    ]);
  }
  const { failover: _ignored, ...plain } = other;
  return plain;
}
