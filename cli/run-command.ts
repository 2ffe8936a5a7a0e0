import { createHash } from 'node:crypto';
import { access, constants, mkdir } from 'node:fs/promises';
import { relative } from 'node:path';
import { loadConfig, validateConfig } from '../core/config/load.ts';
import type { Config } from '../core/config/schema.ts';
import { ConfigError } from '../core/errors.ts';
import { SUITES, type SuiteName } from '../core/suites.ts';
import { runAssurance } from '../runner/run.ts';
import { RUN_HELP } from './help.ts';
import { parseOptions, positiveNumber } from './parse-options.ts';
import { printCheck, printSummary } from './progress.ts';
import { parseExpectationFlags, parseShard } from './run-flags.ts';
import { printRunNotes } from './run-notes.ts';
import { selectTargets } from './target-selectors.ts';

/** The default when no config is given: the embedded simulator, Notify dialect, compliant. */
const DEFAULT_CONFIG = {
  targets: [{ name: 'simulator', dialect: 'notify', simulator: { profile: 'compliant' } }],
};

export async function runCommand(argv: readonly string[]): Promise<number> {
  const values = parseOptions(argv, {
    config: { type: 'string' },
    target: { type: 'string', multiple: true },
    suite: { type: 'string', multiple: true },
    out: { type: 'string' },
    'time-scale': { type: 'string' },
    'allow-live': { type: 'boolean' },
    expectations: { type: 'string', multiple: true },
    shard: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(RUN_HELP);
    return 0;
  }

  const loaded = values.config
    ? await loadConfig(values.config)
    : validateConfig(DEFAULT_CONFIG, 'default config');
  const config = selectTargets(loaded, values.target ?? []);
  const timeScale = positiveNumber(values['time-scale'], '--time-scale');
  const effective: Config = timeScale
    ? validateConfig({ ...config, timeScale }, 'command line (--time-scale)')
    : config;
  const suites = selectSuites(values.suite ?? config.suites ?? [...SUITES]);
  const quiet = values.quiet ?? false;
  const shard = parseShard(values.shard);
  const expectationFiles = parseExpectationFlags(
    values.expectations ?? [],
    effective.targets.map((t) => t.name),
  );
  const outputRoot = values.out ?? effective.output;
  if (!outputRoot.trim()) throw new ConfigError('command line', ['--out: needs a folder']);
  await assertWritable(outputRoot, values.out ? '--out' : `${configSource(values)}: output`);

  const outcome = await runAssurance({
    config: effective,
    configHash: hashOf(effective),
    configSource: configSource(values),
    suites,
    outputRoot,
    allowLive: values['allow-live'] ?? false,
    env: process.env,
    expectationFiles,
    ...(shard && { shard }),
    onCheck: (record) => {
      if (!quiet) printCheck(record);
    },
    onStage: (stage) => {
      if (!quiet) console.log(`· ${stage}`);
    },
  });

  printRunNotes(outcome.result, outcome.history);
  printSummary(outcome.result, displayPath(outcome.folder), outcome.files);
  return outcome.result.exitCode;
}

function selectSuites(names: readonly string[]): SuiteName[] {
  const unknown = names.filter((n) => !(SUITES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new ConfigError('command line', [
      `--suite: unknown suite(s) ${unknown.join(', ')}; choose from ${SUITES.join(', ')}`,
    ]);
  }
  return [...new Set(names)] as SuiteName[];
}

function configSource(values: { config?: string | undefined; target?: string[] | undefined }) {
  if (values.config) return values.config;
  return values.target ? 'command line (--target)' : 'default config';
}

/** Fails before anything runs when the reports could not be written. */
async function assertWritable(folder: string, what: string) {
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
  } catch (error) {
    throw new ConfigError(what, [
      `cannot write reports to ${folder}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    ]);
  }
}

/** Paths under the working folder are shown relative to it, others in full. */
export function displayPath(path: string): string {
  const near = relative(process.cwd(), path);
  return near && !near.startsWith('..') ? near : path;
}

function hashOf(config: Config): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16);
}
