/** The files a run's report folder holds, by kind. */
export const REPORT_FILE_NAMES = {
  result: 'result.json',
  schema: 'schema.json',
  html: 'report.html',
  junit: 'junit.xml',
  summary: 'summary.md',
  suppressions: 'suppression-list.json',
  manifest: 'manifest.json',
} as const;

export type ReportKind = keyof typeof REPORT_FILE_NAMES;

/** Where each report was written: the folder joined with the file name. */
export type ReportFiles = Readonly<Record<ReportKind, string>>;
