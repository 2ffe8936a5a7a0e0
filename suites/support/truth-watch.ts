import { setTimeout as sleep } from 'node:timers/promises';
import type { TruthPlan } from '../../core/truth-plan.ts';
import {
  FINAL_STATUSES,
  type MessageState,
  type ProviderAdapter,
} from '../../providers/contract.ts';
import type { ObservedText, Observer } from '../../providers/observers/observer.ts';
import type { SentProbe } from './truth-probes.ts';

export interface WatchedProbe {
  readonly probe: SentProbe;
  /** The supplier's final status, when one came. */
  readonly final?: MessageState;
  /** When the harness first read that final status (epoch ms). */
  readonly finalAt?: number;
  readonly observed?: ObservedText | undefined;
  /** Whether a look at the observer began a full grace period after the final status. */
  readonly graceRanOut: boolean;
}

interface Timing {
  readonly receiptDeadlineMs: number;
  readonly pollIntervalMs: number;
}

/**
 * Polls the supplier's status API and the observer together until every probe has arrived, or
 * has a final status and a full grace period has passed since it without the text showing, or
 * the deadline passes. Every wait is bounded; what was still unseen is reported as such.
 */
export async function watchProbes(
  adapter: ProviderAdapter,
  observer: Observer,
  probes: readonly SentProbe[],
  plan: TruthPlan,
  timing: Timing,
): Promise<WatchedProbe[]> {
  const state = new Map<string, Mutable>(probes.map((p) => [p.token, { probe: p }]));
  // Each probe has its own receipt deadline from when it was sent; the last one sets the end.
  const lastSent = Math.max(...probes.map((p) => p.sentAt));
  const deadline = lastSent + timing.receiptDeadlineMs + plan.arrivalGraceMs;

  for (;;) {
    await readStatuses(
      adapter,
      [...state.values()].filter((s) => !s.final),
    );

    const lookStarted = Date.now();
    const unseen = [...state.values()].filter((s) => !s.observed);
    const seen = unseen.length > 0 ? await observer.look(unseen.map((s) => s.probe)) : new Map();
    for (const s of unseen) {
      s.observed = seen.get(s.probe.token);
      if (s.finalAt !== undefined && lookStarted >= s.finalAt + plan.arrivalGraceMs) {
        s.graceRanOut = true;
      }
    }

    const open = [...state.values()].filter((s) => !s.final || (!s.observed && !s.graceRanOut));
    // Stops only after a look that began once the last grace period had run out: on a loaded
    // machine a look can outlast the end it began before, and its texts would go unjudged.
    if (open.length === 0 || lookStarted > endOf(open, deadline, plan)) break;
    await sleep(timing.pollIntervalMs);
  }
  return [...state.values()].map((s) => ({ ...s, graceRanOut: s.graceRanOut ?? false }));
}

/**
 * When watching stops. A text whose final status came in before the deadline still gets its
 * full grace period and one look after it: on a slow machine the status can be read late, and
 * a text given no grace can only be "not seen yet", never judged. Still bounded: no status is
 * read after the deadline, so the end is at most a grace period and a poll beyond it.
 */
function endOf(open: readonly Mutable[], deadline: number, plan: TruthPlan): number {
  const finals = open.flatMap((s) => (s.finalAt === undefined ? [] : [s.finalAt]));
  const graceEnd = finals.length > 0 ? Math.max(...finals) + plan.arrivalGraceMs : 0;
  return Math.max(deadline, Math.min(graceEnd, deadline + plan.arrivalGraceMs));
}

interface Mutable {
  probe: SentProbe;
  final?: MessageState;
  finalAt?: number;
  observed?: ObservedText | undefined;
  graceRanOut?: boolean;
}

async function readStatuses(adapter: ProviderAdapter, pending: readonly Mutable[]) {
  for (const s of pending) {
    const state = await adapter.status(s.probe.messageId);
    if (state && FINAL_STATUSES.has(state.status)) {
      s.final = state;
      s.finalAt = Date.now();
    }
  }
}
