import { randomBytes } from 'node:crypto';
import type { TargetConfig } from '../core/config/schema.ts';
import { ConfigError } from '../core/errors.ts';
import type { ResolvedTarget } from '../core/target.ts';
import { PROFILES, type ProfileName } from '../simulators/index.ts';
import { loadDescription } from '../providers/declarative/load-description.ts';
import type { ResolveOptions, TargetSetup } from './resolve-targets.ts';
import { realTarget } from './real-target.ts';
import { receiverCallback } from './receiver-callback.ts';
import { simulatedDeclarativeKannel } from './simulated-declarative-kannel.ts';
import { simulatedTarget } from './simulated-target.ts';

type Described = NonNullable<ResolvedTarget['description']>;

/**
 * A target whose supplier is described in a file: the description is read (every problem named
 * by file, field and line), then the target resolved as a real one, or against the simulator's
 * face the description speaks to.
 */
export async function declarativeTarget(
  config: TargetConfig,
  index: number,
  options: ResolveOptions,
  setup: TargetSetup,
): Promise<ResolvedTarget> {
  const description = await readDescription(config, index, options);
  if (!config.simulator) {
    // Sends name the receiver's URL, as the description asks; no receipt is read back from it,
    // since a supplier elsewhere cannot reach loopback: what waits on one ends as an error.
    const real = withUnnamedSecrets(description, config, index, options.source, () =>
      realTarget(config, index, options),
    );
    const callbackUrl = receiverCallback(config.name, options).url;
    return { ...real, description, options: { ...real.options, callbackUrl } };
  }

  const { profile } = config.simulator;
  const face = config.simulator.speaks ?? description.api.name;
  if (face === 'firetext') {
    const target = await simulatedTarget(config, profile, index, options, setup, 'firetext');
    // Firetext's receipts have no word for a failure that never reached a network.
    const numbers = { ...target.numbers, technicalFailure: [] };
    return withOwnSecrets({ ...target, numbers, description });
  }
  if (face === 'kannel') {
    if (!isProfile(profile)) {
      throw new ConfigError(options.source, [
        `targets.${index}.simulator.profile: '${profile}' is not one of ${PROFILES.join(', ')}`,
      ]);
    }
    const target = await simulatedDeclarativeKannel(config, profile, index, options, setup);
    return withOwnSecrets({ ...target, description });
  }

  throw new ConfigError(options.source, [
    `targets.${index}.simulator.speaks: the simulator has no face '${face}' (the description's ` +
      'name); say speaks: firetext or speaks: kannel, whichever API it follows',
  ]);
}

/**
 * Resolves a real described target, naming every secret the description lists that the target
 * does not give alongside the environment's and the live-key problems, all in one answer.
 */
function withUnnamedSecrets(
  description: Described,
  config: TargetConfig,
  index: number,
  source: string,
  resolve: () => ResolvedTarget,
): ResolvedTarget {
  const unnamed = description.api.credentials
    .filter((name) => !config.credentials?.[name])
    .map(
      (name) =>
        `targets.${index}.credentials.${name}: ${description.file} lists it under ` +
        'credentials; name the environment variable that holds it',
    );
  try {
    const target = resolve();
    if (unnamed.length > 0) throw new ConfigError(source, unnamed);
    return target;
  } catch (error) {
    if (!(error instanceof ConfigError) || unnamed.length === 0) throw error;
    const others = error.problems.filter((p) => !unnamed.includes(p));
    throw new ConfigError(source, [...unnamed, ...others]);
  }
}

function isProfile(name: string): name is ProfileName {
  return (PROFILES as readonly string[]).includes(name);
}

async function readDescription(
  config: TargetConfig,
  index: number,
  options: ResolveOptions,
): Promise<Described> {
  const file = config.description ?? '';
  try {
    return { file, api: await loadDescription(file) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const where = `${error.source} (the description of targets.${index}, in ${options.source})`;
    throw new ConfigError(where, error.problems);
  }
}

/**
 * The credentials the simulated face does not issue (receipt passwords, a dlr-url token) are
 * the service's own secrets: fresh for each run, as a service would choose them.
 */
function withOwnSecrets(target: ResolvedTarget & { readonly description: Described }) {
  const credentials = { ...target.credentials };
  for (const name of target.description.api.credentials) {
    credentials[name] ??= randomBytes(18).toString('base64url');
  }
  return { ...target, credentials };
}
