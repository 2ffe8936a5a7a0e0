import type { RunResult } from '../../core/run-result.ts';

/** Every URL the Kannel adapter called sendsms with, as the run's evidence kept it. */
export function sendsmsUrls(result: RunResult): string[] {
  return result.checks
    .flatMap((c) => c.evidence)
    .flatMap((e) => (e.kind === 'exchange' && e.label === 'sendsms' ? [e.request.url] : []));
}
