import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { HistoryRecordSchema, type HistoryRecord } from './history-record.ts';

/** The history file's name, in the reports folder every run goes under. */
export const HISTORY_FILE = 'history.jsonl';

/** A line that could not be read; the lines around it still count. */
export interface HistoryProblem {
  readonly line: number;
  readonly message: string;
}

export interface History {
  readonly file: string;
  readonly records: readonly HistoryRecord[];
  readonly problems: readonly HistoryProblem[];
}

/**
 * Reads `history.jsonl` under the reports folder: one run a line, oldest first. A missing file
 * is an empty history; a line that is not a record (a crash mid-write, a hand edit) is reported
 * by its number and skipped, and never costs the other lines.
 */
export async function readHistory(outputRoot: string): Promise<History> {
  const file = join(outputRoot, HISTORY_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { file, records: [], problems: [] };
    }
    return { file, records: [], problems: [{ line: 0, message: `cannot read: ${error}` }] };
  }

  const records: HistoryRecord[] = [];
  const problems: HistoryProblem[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;

    const parsed = parseLine(line);
    if (typeof parsed === 'string') problems.push({ line: index + 1, message: parsed });
    else records.push(parsed);
  });
  return { file, records, problems };
}

function parseLine(line: string): HistoryRecord | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }

  const parsed = HistoryRecordSchema.safeParse(json);
  return parsed.success ? parsed.data : `not a run record: ${z.prettifyError(parsed.error)}`;
}

/**
 * Appends a run's record. A file whose last line was cut off gets a line break first, so the
 * new record stays readable whatever came before it.
 */
export async function appendHistory(outputRoot: string, record: HistoryRecord): Promise<void> {
  const file = join(outputRoot, HISTORY_FILE);
  const before = await readFile(file, 'utf8').catch(() => '');
  const separator = before === '' || before.endsWith('\n') ? '' : '\n';

  await appendFile(file, `${separator}${JSON.stringify(record)}\n`);
}
