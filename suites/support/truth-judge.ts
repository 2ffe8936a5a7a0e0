import { textChanges } from '../../content/text-changes.ts';
import type { RaisedFinding } from '../../core/evidence.ts';
import { maskNumber } from '../../core/redact.ts';
import { sampleSizeToDetect } from '../../core/statistics/detection.ts';
import { wilsonInterval } from '../../core/statistics/wilson.ts';
import type { TruthEvidence, TruthProbe } from '../../core/truth-evidence.ts';
import { senderFindings, textFindings, type Unjudged } from './truth-arrivals.ts';
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
  readonly findings: RaisedFinding[];
  readonly unjudged: Unjudged[];
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
  const findings: RaisedFinding[] = [];
  const unjudged: Unjudged[] = [];

  const fakeReceipts = fakeShare(probes);
  receiptFindings(probes, fakeReceipts, context, findings, unjudged);
  senderFindings(watched, context.senderExpected, context.redact, findings, unjudged);
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
  const faked = new Set<string>();
  let spared = 0;
  for (const probe of probes) {
    if (probe.handsetSaw === 'arrived' && faked.has(probe.to)) spared += 1;
    if (probe.verdict === 'fake-receipt') faked.add(probe.to);
  }
  if (spared === 0) return [];
  return [
    `${spared} later text(s) arrived at numbers whose earlier text was faked: the route ` +
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
  findings: RaisedFinding[],
  unjudged: Unjudged[],
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

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
