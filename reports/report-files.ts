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

/**
 * Written beside the manifest only when the run was given a signing key, so it is not one of
 * the files every run holds, and the manifest cannot cover it: it signs the manifest itself.
 */
export const MANIFEST_SIGNATURE_FILE = 'manifest.sig.json';

export type ReportKind = keyof typeof REPORT_FILE_NAMES;

/** Where each report was written: the folder joined with the file name. */
export type ReportFiles = Readonly<Record<ReportKind, string>>;
