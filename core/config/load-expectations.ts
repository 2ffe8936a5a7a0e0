import { ExpectationFileSchema, type Deviation } from '../expectations.ts';
import { ConfigError } from '../errors.ts';
import { parseYaml, readYamlFile } from './parse-yaml.ts';
import type { TargetConfig } from './schema.ts';

/** A target's known deviations, with the file they came from. */
export interface LoadedExpectations {
  readonly file: string;
  readonly deviations: readonly Deviation[];
}

/**
 * Reads each target's expectations file before anything runs: from `overrides` (the command
 * line's `--expectations`) where given, else from the target's `expectations` field.
 */
export async function loadExpectations(
  targets: readonly TargetConfig[],
  overrides: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, LoadedExpectations>> {
  const names = new Set(targets.map((t) => t.name));
  const unknown = [...overrides.keys()].filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw new ConfigError('command line', [
      `--expectations: no target named ${unknown.join(', ')} in this run ` +
        `(targets: ${[...names].join(', ')})`,
    ]);
  }

  const byTarget = new Map<string, LoadedExpectations>();
  for (const target of targets) {
    const file = overrides.get(target.name) ?? target.expectations;
    if (!file) continue;

    const parsed = parseYaml(await readYamlFile(file), file, ExpectationFileSchema);
    byTarget.set(target.name, { file, deviations: parsed.deviations });
  }
  return byTarget;
}
