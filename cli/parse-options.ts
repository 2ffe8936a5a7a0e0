import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../core/errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's parser, with its errors turned into configuration errors (exit 3). */
export function parseOptions<T extends Options>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigError('command line', [`${(error as Error).message}; see --help`]);
  }
}

export function positiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    throw new ConfigError('command line', [`${flag}: expected a positive number, got '${value}'`]);
  }
  return number;
}

/** As `parseOptions`, for commands that also take operands (run folders, say). */
export function parseCommandLine<T extends Options>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new ConfigError('command line', [`${(error as Error).message}; see --help`]);
  }
}
