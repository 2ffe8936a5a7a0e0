/** What the run's exit code tells CI; the same words appear in the summary and the HTML cover. */
const MEANINGS: Readonly<Record<number, string>> = {
  0: 'nothing required failed, apart from known deviations',
  1: 'new findings: a must or should requirement failed, or an API contract check found a fault',
  2: 'the harness or the network failed: some verdicts could not be judged',
  3: 'bad configuration: the run could not start',
};

export function exitCodeMeaning(code: number): string {
  return MEANINGS[code] ?? `unknown exit code ${code}`;
}
