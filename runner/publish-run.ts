import { resolve } from 'node:path';
import type { RunResult } from '../core/run-result.ts';
import {
  appendHistory,
  historyRecordOf,
  readHistory,
  writeLatestPointer,
  writeReports,
  type History,
  type WrittenReports,
} from '../reports/index.ts';

export interface Published {
  readonly files: WrittenReports;
  /** The history the reports showed; absent for a shard, which adds nothing to it. */
  readonly history?: History;
}

/**
 * Writes a finished run's reports into `folder`, points `latest` at it, and appends it to the
 * history under `outputRoot`. The reports show the history with this run as its last record;
 * the record is appended only once they are written, so a failed write leaves no trace in it.
 * A shard is partial, so it is neither recorded nor shown against whole runs.
 */
export async function publishRun(
  result: RunResult,
  outputRoot: string,
  folder: string,
  env: NodeJS.ProcessEnv,
): Promise<Published> {
  const root = resolve(outputRoot);
  const record = historyRecordOf(result);
  const history = result.shard
    ? undefined
    : await readHistory(root).then((h) => ({ ...h, records: [...h.records, record] }));

  const files = await writeReports(result, folder, { env, history });
  await writeLatestPointer(root, folder);
  if (history) await appendHistory(root, record);
  return { files, ...(history && { history }) };
}
