import type { TargetResult } from '../core/run-result.ts';
import { VERDICTS } from '../core/verdict.ts';
import { escapeMarkdown } from './markdown-escape.ts';
import { REPORT_FILE_NAMES } from './report-files.ts';
import { countVerdicts, requirementMatrix } from './requirement-matrix.ts';
import { judgementText } from './verdict-wording.ts';

/** Past this many targets, one table of counts replaces a matrix per target. */
export const MAX_TARGET_MATRICES = 4;

/**
 * Many targets (every profile, say) in one table: verdict counts per target and the ids that
 * failed, so a CI page stays short; each target's matrix is in the HTML report.
 */
export function targetOverview(targets: readonly TargetResult[]): string {
  const head = ['Target', ...VERDICTS.map(judgementText), 'Failed'];
  const rows = targets.map((target) => {
    const matrix = requirementMatrix(target);
    const counts = countVerdicts(matrix.map((row) => row.verdict));
    const failed = matrix.filter((row) => row.verdict === 'fail').map((row) => row.id);
    const cells = [target.name, ...VERDICTS.map((v) => String(counts[v])), failed.join(' ') || '—'];
    return `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  });

  return [
    '## Targets',
    '',
    `| ${head.join(' | ')} |`,
    `| --- | ${VERDICTS.map(() => '---:').join(' | ')} | --- |`,
    ...rows,
    '',
    `Each target's requirement matrix is in [the HTML report](${REPORT_FILE_NAMES.html}).`,
  ].join('\n');
}
