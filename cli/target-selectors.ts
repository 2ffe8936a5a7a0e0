import { validateConfig } from '../core/config/load.ts';
import type { Config } from '../core/config/schema.ts';
import { ConfigError } from '../core/errors.ts';
import { PROFILES } from '../simulators/index.ts';
import { declarativeSelector } from './declarative-selector.ts';

const SIMULATED_FORMS =
  'sim:notify[:PROFILE], sim:twilio[:PROFILE], sim:vonage[:PROFILE], sim:sns[:PROFILE], ' +
  'sim:smpp[:PROFILE], sim:kannel[:PROFILE], sim:declarative:EXAMPLE[:PROFILE]';

/**
 * `--target` picks configured targets by name; `sim:DIALECT[:PROFILE]` adds a simulated one,
 * so that several profiles can be compared in one run without a config file. A problem is
 * named by the flag that caused it, not by a position in a list the user never wrote.
 */
export function selectTargets(config: Config, selectors: readonly string[]): Config {
  if (selectors.length === 0) return config;

  const targets = selectors.map((selector) => targetFor(config, selector));
  try {
    return validateConfig({ ...config, targets }, 'command line');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(
      'command line',
      error.problems.map((p) => namedByFlag(p, selectors)),
    );
  }
}

function targetFor(config: Config, selector: string) {
  const described = declarativeSelector(selector);
  if (described) return described;

  const simulated = /^sim:([a-z]+)(?::([a-z-]+))?$/.exec(selector);
  if (simulated) {
    const [, dialect, profile = 'compliant'] = simulated;
    if (!(PROFILES as readonly string[]).includes(profile)) {
      throw new ConfigError('command line', [
        `--target ${selector}: no simulator profile '${profile}'; see "sms-assure profiles"`,
      ]);
    }
    return { name: `sim-${dialect}-${profile}`, dialect, simulator: { profile } };
  }

  const configured = config.targets.find((t) => t.name === selector);
  if (!configured) {
    const known = config.targets.map((t) => t.name).join(', ');
    throw new ConfigError('command line', [
      `--target ${selector}: no such target (configured: ${known}; or use ${SIMULATED_FORMS})`,
    ]);
  }
  return configured;
}

/** `targets.1.name: duplicate` becomes `--target sim:notify: given more than once`. */
function namedByFlag(problem: string, selectors: readonly string[]): string {
  const match = /^targets\.(\d+)(?:\.([^:]*))?: (.*)$/s.exec(problem);
  const selector = match && selectors[Number(match[1])];
  if (!match || selector === undefined) return problem;

  const [, , field, message] = match;
  if (field === 'name' && message === 'duplicate') return `--target ${selector}: given twice`;
  if (field === 'dialect') return `--target ${selector}: no such dialect (${SIMULATED_FORMS})`;
  return `--target ${selector}: ${field ? `${field}: ` : ''}${message}`;
}
