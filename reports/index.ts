import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../core/run-result.ts';
import { renderHtmlReport } from './html-report.ts';
import { renderResultJson, renderSchemaJson } from './json-report.ts';
import { renderJunit } from './junit-report.ts';
import { writeManifest } from './manifest.ts';
import { parseRun } from './parse-run.ts';
import { REPORT_FILE_NAMES, type ReportFiles, type ReportKind } from './report-files.ts';
import { renderSummary } from './summary-report.ts';
import { renderSuppressionList } from './suppression-list.ts';

export { exitCodeMeaning } from './exit-code.ts';
export { writeLatestPointer, type LatestPointer } from './latest-pointer.ts';
export { verifyManifest, type Manifest, type ManifestCheck } from './manifest.ts';
export { REPORT_FILE_NAMES, type ReportFiles, type ReportKind } from './report-files.ts';

/**
 * Writes every report of a run into `folder` (created if missing) and returns where each went.
 * The run is validated first, and `manifest.json` is written last, over everything else.
 *
 * @example
 * const folder = join('reports', `run-${run.runId}`);
 * const files = await writeReports(run, folder);
 * await writeLatestPointer('reports', folder);
 */
export async function writeReports(run: RunResult, folder: string): Promise<ReportFiles> {
  const valid = parseRun(run);
  const contents = renderAll(valid);

  await mkdir(folder, { recursive: true });
  await Promise.all(
    Object.entries(contents).map(([kind, text]) =>
      writeFile(join(folder, REPORT_FILE_NAMES[kind as ContentKind]), text),
    ),
  );

  const manifest = await writeManifest(folder, valid.runId);
  const paths = Object.fromEntries(
    Object.entries(REPORT_FILE_NAMES).map(([kind, name]) => [kind, join(folder, name)]),
  ) as Record<ReportKind, string>;

  return { ...paths, manifest };
}

type ContentKind = Exclude<ReportKind, 'manifest'>;

/** Renders everything before writing anything, so a rendering bug leaves no half-written run. */
function renderAll(run: RunResult): Record<ContentKind, string> {
  return {
    result: renderResultJson(run),
    schema: renderSchemaJson(),
    html: renderHtmlReport(run),
    junit: renderJunit(run),
    summary: renderSummary(run),
    suppressions: renderSuppressionList(run),
  };
}
