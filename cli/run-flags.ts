import { ConfigError } from '../core/errors.ts';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** `--shard i/n`: the i-th of n slices of the suite files, 1 ≤ i ≤ n. */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;

  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count) {
    throw new ConfigError('command line', [
      `--shard: expected INDEX/COUNT with 1 ≤ INDEX ≤ COUNT, e.g. 1/2; got '${value}'`,
    ]);
  }
  return { index, count };
}

/**
 * `--expectations [TARGET=]FILE`, repeatable: the file of known deviations for a target. The
 * target may be left out when the run has exactly one.
 */
export function parseExpectationFlags(
  values: readonly string[],
  targets: readonly string[],
): Map<string, string> {
  const files = new Map<string, string>();
  for (const value of values) {
    const named = /^([a-z0-9][a-z0-9-]{0,40})=(.+)$/.exec(value);
    const [target, file] = named ? [named[1]!, named[2]!] : [onlyTarget(targets, value), value];

    if (files.has(target)) {
      throw new ConfigError('command line', [`--expectations: ${target} is given twice`]);
    }
    files.set(target, file);
  }
  return files;
}

function onlyTarget(targets: readonly string[], value: string): string {
  if (targets.length === 1) return targets[0]!;
  throw new ConfigError('command line', [
    `--expectations ${value}: this run has ${targets.length} targets; ` +
      `name one as TARGET=FILE (targets: ${targets.join(', ')})`,
  ]);
}
