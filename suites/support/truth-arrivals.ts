import { describeChange, type TextChange } from '../../content/text-changes.ts';
import { HarnessError } from '../../core/errors.ts';
import type { RaisedFinding } from '../../core/evidence.ts';
import type { FindingCode } from '../../core/finding-codes.ts';
import type { TruthProbe } from '../../core/truth-evidence.ts';
import type { WatchedProbe } from './truth-watch.ts';

/** A covered requirement the sample could not judge, and why. */
export interface Unjudged {
  readonly requirement: string;
  readonly reason: string;
}

// What arrived, beyond whether it did: the sender each number showed (SID-01 on a number's first
// text, SID-02 across its texts) and the text itself (CONT-01).

export function senderFindings(
  watched: readonly WatchedProbe[],
  expected: string | undefined,
  redact: (text: string) => string,
  findings: RaisedFinding[],
  unjudged: Unjudged[],
) {
  const arrived = watched.filter((w) => w.observed);
  const firsts = arrived.filter((w) => w.probe.group === 'sample');

  if (!expected || firsts.length === 0) {
    const why = expected ? 'no text arrived to show its sender' : 'no expected sender is set';
    unjudged.push({ requirement: 'SID-01', reason: why });
  } else {
    const replaced = firsts.filter((w) => !sameSender(w.observed?.from ?? '', expected));
    if (replaced.length > 0) {
      findings.push({
        code: 'sender_replaced',
        requirement: 'SID-01',
        message: `${replaced.length} of ${firsts.length} texts showed another sender on arrival`,
        expected,
        actual: redact(replaced[0]?.observed?.from ?? ''),
      });
    }
  }

  const byNumber = new Map<string, Set<string>>();
  for (const w of arrived) {
    const senders = byNumber.get(w.probe.to) ?? new Set();
    senders.add(w.observed?.from ?? '');
    byNumber.set(w.probe.to, senders);
  }
  const split = [...byNumber.values()].filter((senders) => senders.size > 1);
  if (split.length > 0) {
    findings.push({
      code: 'thread_split',
      requirement: 'SID-02',
      message: `${split.length} number(s) got texts from more than one sender, a split thread`,
      expected: '1 sender for each person',
      actual: `up to ${Math.max(...split.map((s) => s.size))} senders`,
    });
  } else if (!hasTwo(arrived)) {
    unjudged.push({ requirement: 'SID-02', reason: 'no number got two texts that arrived' });
  }
}

function hasTwo(arrived: readonly WatchedProbe[]): boolean {
  const counts = new Map<string, number>();
  for (const w of arrived) counts.set(w.probe.to, (counts.get(w.probe.to) ?? 0) + 1);
  return [...counts.values()].some((n) => n > 1);
}

export function textFindings(
  probes: readonly TruthProbe[],
  findings: RaisedFinding[],
  unjudged: Unjudged[],
) {
  const arrived = probes.filter((p) => p.handsetSaw === 'arrived');
  if (arrived.length === 0) {
    unjudged.push({
      requirement: 'CONT-01',
      reason: 'no text arrived to compare with the one sent',
    });
    return;
  }

  const counts = new Map<string, number>();
  for (const change of arrived.flatMap((p) => p.changes)) {
    counts.set(change, (counts.get(change) ?? 0) + 1);
  }
  for (const [change, count] of counts) {
    findings.push({
      code: textChangeCode(change),
      requirement: 'CONT-01',
      message: `${count} of ${arrived.length} texts arrived ${describeChange(change)}`,
      expected: 'the text as sent',
      actual: describeChange(change),
    });
  }
}

const TEXT_CHANGE_CODES: Readonly<Record<TextChange, FindingCode>> = {
  truncated: 'text_truncated',
  'text-added': 'text_text_added',
  'characters-replaced': 'text_characters_replaced',
  'links-rewritten': 'text_links_rewritten',
  're-encoded': 'text_re_encoded',
};

/** Changes come from textChanges(), so one this table lacks is the harness's own mistake. */
function textChangeCode(change: string): FindingCode {
  if (Object.hasOwn(TEXT_CHANGE_CODES, change)) return TEXT_CHANGE_CODES[change as TextChange];
  throw new HarnessError('ASSURE_UNKNOWN_TEXT_CHANGE', `no finding code for text change ${change}`);
}

/** Senders match as numbers whatever their spelling, and as texts exactly. */
function sameSender(shown: string, expected: string): boolean {
  const digits = (s: string) => s.replace(/\D/g, '').replace(/^(44|0)/, '');
  const numeric = (s: string) => /^\+?[\d\s]+$/.test(s);
  if (numeric(shown) && numeric(expected)) return digits(shown) === digits(expected);
  return shown === expected;
}
