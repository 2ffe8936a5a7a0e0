import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import type { TruthPlan } from '../../core/truth-plan.ts';
import type { ProviderAdapter } from '../../providers/contract.ts';
import type { Observer } from '../../providers/observers/observer.ts';
import type { SentProbe } from './truth-probes.ts';
import { watchProbes } from './truth-watch.ts';

const GRACE_MS = 40;
const PLAN: TruthPlan = {
  sampleSize: 3,
  arrivalGraceMs: GRACE_MS,
  observer: { kind: 'handsets', controlUrl: 'https://127.0.0.1:9/_sim' },
};

/** A route that says "delivered" at once for texts that never arrive. */
const faking = {
  status: (id: string) => Promise.resolve({ id, status: 'delivered', providerStatus: 'delivered' }),
} as unknown as ProviderAdapter;

/** An observer that sees nothing, and takes `lookMs` to say so: a loaded machine. */
function slowObserver(lookMs: number): Observer {
  return {
    kind: 'handsets',
    description: 'slow handsets',
    freshNumbers: true,
    destinations: () => [],
    look: async () => {
      await sleep(lookMs);
      return new Map();
    },
  };
}

function probes(count: number): SentProbe[] {
  const sentAt = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    to: `+44770090010${i}`,
    group: 'sample',
    token: `token${i}`,
    body: `probe ${i}`,
    messageId: `id-${i}`,
    sentAt,
  }));
}

test('a look that outlasts the end still leaves every faked text judged', async () => {
  // Each look takes longer than the whole grace period, so the look under way when the grace
  // period runs out ends after it: the watch must look once more rather than stop there.
  const timing = { receiptDeadlineMs: 10, pollIntervalMs: 1 };
  const watched = await watchProbes(faking, slowObserver(GRACE_MS * 3), probes(3), PLAN, timing);

  expect(watched.map((w) => [w.final?.status, w.observed, w.graceRanOut])).toEqual([
    ['delivered', undefined, true],
    ['delivered', undefined, true],
    ['delivered', undefined, true],
  ]);
});

test('a text that arrives is judged by what was seen, with no grace period to wait', async () => {
  const arrived: Observer = {
    ...slowObserver(0),
    look: (sent) =>
      Promise.resolve(
        new Map(sent.map((p) => [p.token, { from: 'ASSURE', text: p.token, arrivedAt: 0 }])),
      ),
  };
  const timing = { receiptDeadlineMs: 10, pollIntervalMs: 1 };

  const watched = await watchProbes(faking, arrived, probes(2), PLAN, timing);

  expect(watched.map((w) => [w.final?.status, w.observed?.text, w.graceRanOut])).toEqual([
    ['delivered', 'token0', false],
    ['delivered', 'token1', false],
  ]);
});
