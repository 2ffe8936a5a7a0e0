import type { TargetConfig } from '../core/config/schema.ts';
import type { ResolvedTarget } from '../core/target.ts';
import type { StartedReceiver } from '../providers/callback-receiver.ts';
import { dialectOf } from '../providers/registry.ts';
import { declarativeTarget } from './declarative-target.ts';
import { attachFailover } from './failover-target.ts';
import { realTargetOf } from './real-gateway-target.ts';
import { simulatedTarget } from './simulated-target.ts';
import { truthPlan } from './truth-plan.ts';

export interface TargetSetup {
  readonly targets: ResolvedTarget[];
  /** Simulators started for the run; stopped when it ends. */
  readonly simulators: { stop(): Promise<void> }[];
}

export interface ResolveOptions {
  /** Where the targets were configured, for error messages: a file, or the command line. */
  readonly source: string;
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
      const resolved =
        config.dialect === 'declarative'
          ? await declarativeTarget(config, index, options, setup)
          : config.simulator
            ? await simulatedTarget(config, config.simulator.profile, index, options, setup)
            : await realTargetOf(config, index, options, setup);
      const truth = await truthPlan(config, resolved, index, options);
      const target = truth ? { ...resolved, truth } : resolved;
      const dialect = dialectOf(target.dialect);
      dialect.checkCredentials(target, `${options.source} (targets.${index}, ${target.name})`);
      const authority = dialect.createCallbackAuthority(target);
      if (authority) options.receiver.register(target.name, authority);
      setup.targets.push(target);
    }
    await attachFailover(configs, options, setup);
  } catch (error) {
    await Promise.all(setup.simulators.map((s) => s.stop()));
    throw error;
  }
  return setup;
}
