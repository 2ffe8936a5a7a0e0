import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../core/errors.ts';
import { renderComparison, type ComparedRun } from '../reports/comparison-report.ts';
import { readRunResult } from '../reports/read-run-result.ts';
import { REPORT_FILE_NAMES } from '../reports/index.ts';
import { parseCommandLine } from './parse-options.ts';

export const COMPARE_HELP = `Usage: sms-assure compare <run folder> <run folder> ... [--out FILE]

Puts the verdicts of every target of the given runs side by side in one self-contained page:
one column per supplier (run id · target name), one row per requirement, each cell linking to
the check behind the verdict in that run's report.html. Prints where the page went.

Options:
  --out FILE   where to write the page (default: ./comparison.html)
  -h, --help   show this help

Exit codes:
  0  the comparison was written
  3  bad usage, or a run folder whose result.json is missing or invalid (the message names it)`;

/** `sms-assure compare`: one page comparing runs; returns 0, bad input throws (exit 3). */
export async function compareCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(COMPARE_HELP);
    return 0;
  }
  if (positionals.length === 0) {
    throw new ConfigError('command line', ['compare: give at least one run folder; see --help']);
  }

  const out = resolve(values.out ?? 'comparison.html');
  const runs = await Promise.all(positionals.map((folder) => compared(folder, dirname(out))));

  await writePage(out, renderComparison(runs));
  console.log(out);
  return 0;
}

async function compared(folder: string, from: string): Promise<ComparedRun> {
  const run = await readRunResult(folder);
  const report = relative(from, resolve(folder, REPORT_FILE_NAMES.html));
  return { run, reportHref: report.split(sep).map(encodeURIComponent).join('/') };
}

async function writePage(out: string, page: string): Promise<void> {
  try {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, page);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(`--out ${out}`, [`cannot write the comparison: ${code}`]);
  }
}
