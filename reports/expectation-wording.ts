import type { TargetExpectations } from '../core/expectations.ts';

type DeviationResult = TargetExpectations['deviations'][number];

/** What became of a deviation, in the words every report uses. */
export function deviationStatusText(deviation: DeviationResult): string {
  switch (deviation.status) {
    case 'seen':
      return `seen (${deviation.matched} finding${deviation.matched === 1 ? '' : 's'})`;
    case 'not-seen':
      return 'expected but not seen';
    case 'not-checked':
      return 'not checked by this run';
  }
}

/** A deviation by what it matches: requirement and finding code, whichever it names. */
export function deviationName(deviation: Pick<DeviationResult, 'requirement' | 'code'>): string {
  return [deviation.requirement, deviation.code].filter((part) => part !== undefined).join(' · ');
}

/** The headline count: "3 new findings, 2 known". */
export function findingCounts(expectations: readonly TargetExpectations[]): string {
  const known = expectations.reduce((sum, e) => sum + e.knownFindings, 0);
  const fresh = expectations.reduce((sum, e) => sum + e.newFindings, 0);
  return `${fresh} new finding${fresh === 1 ? '' : 's'}, ${known} known`;
}
