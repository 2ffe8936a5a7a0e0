import type { FailoverEvidence } from '../../../core/evidence.ts';
import type { CheckContext } from '../check.ts';

/** The verdict follows the figures: a message lost or sent twice, or no switch, fails AGG-03. */
export function judgeScenario(
  c: Pick<CheckContext, 'note' | 'finding'>,
  evidence: FailoverEvidence,
): void {
  const { figures, scenario } = evidence;
  const where = evidence.countedAt === 'handsets' ? '(at the handsets)' : '(by the supplier)';
  if (!evidence.secondary) {
    c.note('the failover sender has no secondary: messages can only wait for the primary');
  }
  if (figures.timeToSwitchMs === null) {
    c.finding({
      code: 'no_failover',
      requirement: 'AGG-03',
      message: `during ${scenario}, no message went to a second aggregator`,
      expected: 'messages accepted by the secondary',
      actual: evidence.secondary ? 'none' : 'no secondary configured',
    });
  }
  if (figures.lost > 0) {
    c.finding({
      code: 'messages_lost',
      requirement: 'AGG-03',
      message: `${figures.lost} of ${figures.sent} messages never arrived ${where}`,
      expected: '0',
      actual: String(figures.lost),
    });
  }
  if (figures.duplicated > 0) {
    c.finding({
      code: 'messages_duplicated',
      requirement: 'AGG-03',
      message: `${figures.duplicated} of ${figures.sent} messages arrived more than once ${where}`,
      expected: '0',
      actual: String(figures.duplicated),
    });
  }
  if (figures.timeToRecoverMs === null) {
    c.note('traffic did not return to the primary within the scenario after the fault ended');
  }
}
