import { describeChange, textChanges } from '../../content/text-changes.ts';
import type { Finding } from '../../core/evidence.ts';
import { maskNumber } from '../../core/redact.ts';
import { sampleSizeToDetect } from '../../core/statistics/detection.ts';
import { wilsonInterval } from '../../core/statistics/wilson.ts';
import type { TruthEvidence, TruthProbe } from '../../core/truth-evidence.ts';
import type { WatchedProbe } from './truth-watch.ts';

/** The route the default sample is sized to catch, and how surely. */
export const DETECT_SHARE = 0.05;
export const DETECT_CONFIDENCE = 0.95;

export interface TruthContext {
  readonly observer: string;
  readonly freshNumbers: boolean;
  readonly senderExpected?: string | undefined;
  readonly arrivalGraceMs: number;
  /** Redacts what a phone showed before it goes into evidence. */
  readonly redact: (text: string) => string;
}

export interface TruthJudgement {
  readonly evidence: TruthEvidence;
  readonly findings: Finding[];
  readonly unjudged: { readonly requirement: string; readonly reason: string }[];
  readonly notes: string[];
}

/**
 * Judges what the supplier said against what the observer saw: fake receipts and false failures
 * (RCPT-01), the sender on each number's first text (SID-01) and one sender per number (SID-02),
 * and whether each text arrived as sent (CONT-01: the person must get the clear, cheap text the
 * service wrote, links included).
 */
export function judgeTruth(
  watched: readonly WatchedProbe[],
  context: TruthContext,
): TruthJudgement {
  const probes = watched.map((w) => probeRecord(w, context));
  const findings: Finding[] = [];
  const unjudged: TruthJudgement['unjudged'] = [];

  const fakeReceipts = fakeShare(probes);
  receiptFindings(probes, fakeReceipts, context, findings, unjudged);
  senderFindings(watched, context, findings, unjudged);
  textFindings(probes, findings, unjudged);
  const notes = sparedKnownNumbers(probes);

  const sent = probes.filter((p) => p.group === 'sample').length;
  const evidence: TruthEvidence = {
    kind: 'truth',
    observer: context.observer,
    freshNumbers: context.freshNumbers,
    ...(context.senderExpected ? { senderExpected: context.senderExpected } : {}),
    arrivalGraceMs: context.arrivalGraceMs,
    probes,
    fakeReceipts,
    detection: {
      share: DETECT_SHARE,
      confidence: DETECT_CONFIDENCE,
      needed: sampleSizeToDetect(DETECT_SHARE, DETECT_CONFIDENCE),
      sent,
    },
  };
  return { evidence, findings, unjudged, notes };
}

/**
 * A second text arriving where the first to the same number was faked is the mark of a route
 * that whitelists numbers once it has seen them: the reason each run draws new ones.
 */
function sparedKnownNumbers(probes: readonly TruthProbe[]): string[] {
  const fakedFirst = new Set(
    probes.filter((p) => p.group === 'sample' && p.verdict === 'fake-receipt').map((p) => p.to),
  );
  const spared = probes.filter(
    (p) => p.group === 'follow-up' && p.handsetSaw === 'arrived' && fakedFirst.has(p.to),
  );
  if (spared.length === 0) return [];
  return [
    `${spared.length} second text(s) arrived at numbers whose first text was faked: the route ` +
      'delivers to numbers once it has seen them, so only numbers new to it show the fakes',
  ];
}

function probeRecord(w: WatchedProbe, context: TruthContext): TruthProbe {
  const { probe, final, observed } = w;
  const changes = observed ? textChanges(probe.body, observed.text, observed.encoding) : [];
  return {
    messageId: probe.messageId,
    to: maskNumber(probe.to),
    group: probe.group,
    supplierSaid: final?.providerStatus ?? 'no final status',
    handsetSaw: observed ? 'arrived' : w.graceRanOut ? 'not-seen' : 'not-seen-yet',
    ...(observed ? { senderShown: context.redact(observed.from) } : {}),
    ...(observed ? { textIntact: changes.length === 0 } : {}),
    changes,
    ...receiptDelay(w),
    ...(observed ? { arrivalDelayMs: observed.arrivedAt - probe.sentAt } : {}),
    verdict: verdictOf(w),
  };
}

/** By the supplier's own completion time where it gives one; else when the harness read it. */
function receiptDelay({ probe, final, finalAt }: WatchedProbe): { receiptDelayMs?: number } {
  const completed = final?.completedAt ? Date.parse(final.completedAt) : Number.NaN;
  if (!Number.isNaN(completed)) return { receiptDelayMs: completed - probe.sentAt };
  return finalAt === undefined ? {} : { receiptDelayMs: finalAt - probe.sentAt };
}

function verdictOf(w: WatchedProbe): TruthProbe['verdict'] {
  if (!w.final) return 'no-receipt';

  const delivered = w.final.status === 'delivered';
  if (w.observed) return delivered ? 'true' : 'false-failure';
  if (!w.graceRanOut) return 'not-seen-yet';
  return delivered ? 'fake-receipt' : 'true';
}

/** Among sample texts reported delivered whose arrival could be judged, the share never seen. */
function fakeShare(probes: readonly TruthProbe[]): TruthEvidence['fakeReceipts'] {
  const judged = probes.filter(
    (p) => p.group === 'sample' && (p.verdict === 'fake-receipt' || isTrueDelivery(p)),
  );
  const fakes = judged.filter((p) => p.verdict === 'fake-receipt').length;
  const interval =
    judged.length > 0 ? wilsonInterval(fakes, judged.length) : { lower: 0, upper: 1 };
  return {
    fakes,
    judged: judged.length,
    share: judged.length > 0 ? fakes / judged.length : 0,
    ...interval,
    confidence: DETECT_CONFIDENCE,
    method: 'wilson',
  };
}

function isTrueDelivery(p: TruthProbe): boolean {
  return p.verdict === 'true' && p.handsetSaw === 'arrived';
}

function receiptFindings(
  probes: readonly TruthProbe[],
  share: TruthEvidence['fakeReceipts'],
  context: TruthContext,
  findings: Finding[],
  unjudged: TruthJudgement['unjudged'],
) {
  const fakes = probes.filter((p) => p.verdict === 'fake-receipt');
  const falseFailures = probes.filter((p) => p.verdict === 'false-failure');
  const grace = `${context.arrivalGraceMs} ms`;

  if (fakes.length > 0) {
    findings.push({
      code: 'fake_receipt',
      requirement: 'RCPT-01',
      message:
        `${fakes.length} text(s) reported delivered never reached the observer within ${grace} ` +
        `of the receipt: ${percent(share.share)} of the sample, 95% interval ` +
        `${percent(share.lower)} to ${percent(share.upper)}`,
      expected: 'every text reported delivered arrives',
      actual: `${share.fakes} of ${share.judged} sample texts missing`,
    });
  }
  if (falseFailures.length > 0) {
    findings.push({
      code: 'false_failure',
      requirement: 'RCPT-01',
      message: `${falseFailures.length} text(s) reported as failed arrived all the same`,
      expected: 'a failed text never arrives',
      actual: [...new Set(falseFailures.map((p) => p.supplierSaid))].join(', '),
    });
  }
  if (share.judged === 0 && falseFailures.length === 0) {
    unjudged.push({
      requirement: 'RCPT-01',
      reason: 'no text reported delivered could be checked against the observer',
    });
  }
}

function senderFindings(
  watched: readonly WatchedProbe[],
  context: TruthContext,
  findings: Finding[],
  unjudged: TruthJudgement['unjudged'],
) {
  const arrived = watched.filter((w) => w.observed);
  const expected = context.senderExpected;
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
        actual: context.redact(replaced[0]?.observed?.from ?? ''),
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
      message: `${split.length} number(s) got texts from more than one sender, splitting the thread`,
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

function textFindings(
  probes: readonly TruthProbe[],
  findings: Finding[],
  unjudged: TruthJudgement['unjudged'],
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
      code: `text_${change.replaceAll('-', '_')}`,
      requirement: 'CONT-01',
      message: `${count} of ${arrived.length} texts arrived ${describeChange(change)}`,
      expected: 'the text as sent',
      actual: describeChange(change),
    });
  }
}

/** Senders match as numbers whatever their spelling, and as texts exactly. */
function sameSender(shown: string, expected: string): boolean {
  const digits = (s: string) => s.replace(/\D/g, '').replace(/^(44|0)/, '');
  const numeric = (s: string) => /^\+?[\d\s]+$/.test(s);
  if (numeric(shown) && numeric(expected)) return digits(shown) === digits(expected);
  return shown === expected;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
