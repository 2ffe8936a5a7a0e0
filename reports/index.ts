import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../core/run-result.ts';
import type { History } from './history.ts';
import { renderHtmlReport } from './html-report.ts';
import { renderResultJson, renderSchemaJson } from './json-report.ts';
import { renderJunit } from './junit-report.ts';
import { writeManifest } from './manifest.ts';
import { readSigningKey, signManifest } from './manifest-signature.ts';
import { parseRun } from './parse-run.ts';
import { REPORT_FILE_NAMES, type ReportFiles, type ReportKind } from './report-files.ts';
import { renderSummary } from './summary-report.ts';
import { renderSuppressionList } from './suppression-list.ts';

export { exitCodeMeaning } from './exit-code.ts';
export { appendHistory, readHistory, HISTORY_FILE, type History } from './history.ts';
export { historyRecordOf, type HistoryRecord } from './history-record.ts';
export { writeLatestPointer, type LatestPointer } from './latest-pointer.ts';
export { verifyManifest, type Manifest, type ManifestCheck } from './manifest.ts';
export {
  fingerprintOf,
  publicKeyOf,
  readSigningKey,
  verifyManifestSignature,
  type SignatureCheck,
} from './manifest-signature.ts';
export {
  MANIFEST_SIGNATURE_FILE,
  REPORT_FILE_NAMES,
  type ReportFiles,
  type ReportKind,
} from './report-files.ts';

/** Where each report went, and the manifest's signature when the run had a signing key. */
export type WrittenReports = ReportFiles & { readonly signature?: string };

export interface WriteOptions {
  /** Where the signing key is looked for (see `readSigningKey`). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** The runs so far, this one included, for the trends in the HTML report and summary. */
  readonly history?: History | undefined;
}

/**
 * Writes every report of a run into `folder` (created if missing) and returns where each went.
 * The run is validated first, and `manifest.json` is written last, over everything else; with a
 * signing key in the environment, `manifest.sig.json` then signs it.
 *
 * @example
 * const folder = join('reports', `run-${run.runId}`);
 * const files = await writeReports(run, folder);
 * await writeLatestPointer('reports', folder);
 */
export async function writeReports(
  run: RunResult,
  folder: string,
  options: WriteOptions = {},
): Promise<WrittenReports> {
  const valid = parseRun(run);
  const contents = renderAll(valid, options.history);
  // Read before anything is written, so an unusable key leaves no unsigned run behind.
  const signingKey = await readSigningKey(options.env ?? process.env);

  await mkdir(folder, { recursive: true });
  await Promise.all(
    Object.entries(contents).map(([kind, text]) =>
      writeFile(join(folder, REPORT_FILE_NAMES[kind as ContentKind]), text),
    ),
  );

  const manifest = await writeManifest(folder, valid.runId);
  const signature = signingKey && (await signManifest(folder, signingKey));
  const paths = Object.fromEntries(
    Object.entries(REPORT_FILE_NAMES).map(([kind, name]) => [kind, join(folder, name)]),
  ) as Record<ReportKind, string>;

  return { ...paths, manifest, ...(signature && { signature }) };
}

type ContentKind = Exclude<ReportKind, 'manifest'>;

/** Renders everything before writing anything, so a rendering bug leaves no half-written run. */
function renderAll(run: RunResult, history: History | undefined): Record<ContentKind, string> {
  return {
    result: renderResultJson(run),
    schema: renderSchemaJson(),
    html: renderHtmlReport(run, { history }),
    junit: renderJunit(run),
    summary: renderSummary(run, history),
    suppressions: renderSuppressionList(run),
  };
}
