import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../core/errors.ts';
import { RunResultSchema, type RunResult } from '../core/run-result.ts';
import { REPORT_FILE_NAMES } from './report-files.ts';

/**
 * Reads the `result.json` of a run folder written earlier, perhaps by another version: anything
 * missing, unreadable or outside the schema is a usage error naming the file.
 */
export async function readRunResult(folder: string): Promise<RunResult> {
  const path = join(folder, REPORT_FILE_NAMES.result);

  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(path, [`cannot read the run's result: ${code}`]);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, [`not JSON: ${(error as Error).message}`]);
  }

  const parsed = RunResultSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(path, [z.prettifyError(parsed.error)]);
  return parsed.data;
}
