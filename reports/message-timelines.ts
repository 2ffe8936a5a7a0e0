import type { CheckRecord } from '../core/check-record.ts';
import type { Exchange } from '../core/evidence.ts';
import type { TimelineSeries } from './charts/timeline-chart.ts';

/** Past this many, the chart would be taller than a page; the rest stay in the evidence. */
export const MAX_TIMELINES = 30;

interface Sighting {
  readonly atMs: number;
  readonly status: string;
}

/**
 * Each message a check sent, from its send to its final status: the send opens the lane, every
 * status the supplier reported (a poll's `status` field) starts an interval, and the receipt
 * closes it with an event. A message with no receipt ends at its last sighting. Every lane is
 * measured from its own send, so that messages sent at different times compare at a glance.
 */
export function messageTimelines(checks: readonly CheckRecord[]): TimelineSeries[] {
  return checks.flatMap((check) => {
    const exchanges = check.evidence.filter((e): e is Exchange => e.kind === 'exchange');
    const receipts = check.evidence.flatMap((e) => (e.kind === 'receipt' ? [e] : []));

    return exchanges.flatMap((send) => {
      const id = send.label === 'send' ? fieldOf(send, 'id') : undefined;
      if (id === undefined) return [];

      const sentAt = Date.parse(send.at);
      const receipt = receipts.find((r) => r.messageId === id);
      const finalAt = receipt && sentAt + receipt.latencyMs;
      const sightings = exchanges
        .filter((e) => e.label === 'status' && e.request.url.endsWith(`/${id}`))
        .map((e) => ({ atMs: Date.parse(e.at), status: fieldOf(e, 'status') ?? 'not found' }))
        .filter((s) => !Number.isNaN(s.atMs) && (finalAt === undefined || s.atMs < finalAt));
      // The poll that saw the final status is the receipt itself, drawn as its event.
      while (receipt && sightings.at(-1)?.status === receipt.providerStatus) sightings.pop();

      return [
        {
          label: `${check.id} · ${id.slice(-8)}`,
          intervals: intervals(sentAt, sightings, finalAt).map((i) => ({
            ...i,
            startMs: i.startMs - sentAt,
            endMs: i.endMs - sentAt,
          })),
          events: receipt
            ? [{ label: `${receipt.status} (${receipt.via})`, atMs: receipt.latencyMs }]
            : [],
        },
      ];
    });
  });
}

function intervals(sentAt: number, sightings: readonly Sighting[], finalAt?: number) {
  const states = [{ atMs: sentAt, status: 'sent' }, ...merged(sightings)];
  const end = finalAt ?? states[states.length - 1]!.atMs;

  return states.map((state, index) => ({
    state: state.status,
    startMs: state.atMs,
    endMs: Math.max(state.atMs, states[index + 1]?.atMs ?? end),
  }));
}

/** Polls that saw the same status as the one before extend it rather than start a new one. */
function merged(sightings: readonly Sighting[]): Sighting[] {
  return sightings.filter((s, i) => i === 0 || sightings[i - 1]!.status !== s.status);
}

/** A string field of the response's JSON body; absent when the body is not JSON or lacks it. */
function fieldOf(exchange: Exchange, field: string): string | undefined {
  const status = exchange.response?.status ?? 0;
  if (status < 200 || status > 299 || !exchange.response?.body) return undefined;

  try {
    const value = (JSON.parse(exchange.response.body) as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
