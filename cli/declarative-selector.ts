import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SIMULATOR_FACES } from '../core/config/schema.ts';
import { ConfigError } from '../core/errors.ts';
import { PROFILES } from '../simulators/index.ts';

const EXAMPLES = join(import.meta.dirname, '..', 'providers', 'declarative', 'examples');

/**
 * `--target sim:declarative:EXAMPLE[:PROFILE]`: one of the shipped example descriptions,
 * against the simulator's face it speaks to. Undefined for any other selector.
 */
export function declarativeSelector(selector: string) {
  const match = /^sim:declarative(?::([a-z0-9-]+))?(?::([a-z-]+))?$/.exec(selector);
  if (!match) return undefined;

  const [, example, profile = 'compliant'] = match;
  // Only the examples whose supplier the simulator has a face for can run against it.
  const faces: readonly string[] = SIMULATOR_FACES;
  const examples = readdirSync(EXAMPLES)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .filter((name) => faces.includes(name));
  if (!example || !examples.includes(example)) {
    throw new ConfigError('command line', [
      `--target ${selector}: name an example description: ` +
        examples.map((e) => `sim:declarative:${e}`).join(', '),
    ]);
  }
  if (!(PROFILES as readonly string[]).includes(profile)) {
    throw new ConfigError('command line', [
      `--target ${selector}: no simulator profile '${profile}'; see "sms-assure profiles"`,
    ]);
  }

  return {
    name: `decl-${example}-${profile}`,
    dialect: 'declarative',
    description: join(EXAMPLES, `${example}.yaml`),
    simulator: { profile },
  };
}
