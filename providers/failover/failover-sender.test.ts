import { afterEach, describe, expect, test } from 'vitest';
import type { StartedSimulator } from '../../simulators/index.ts';
import { inboxOf } from '../../simulators/test-support/handsets.ts';
import { call } from '../../simulators/test-support/notify-http.ts';
import { ClientFaults } from './client-faults.ts';
import { FailoverSender, type FailoverTarget } from './failover-sender.ts';
import { FAST_POLICIES, simulatedSupplier } from './test-support.ts';

const HANDSET = '07700900452';

const POLICIES = FAST_POLICIES;

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((stop) => stop()));
});

/** Two suppliers: started simulators, and targets whose adapters reach them. */
async function suppliers(faults?: ClientFaults) {
  const primary = await simulatedSupplier('primary', cleanup, faults);
  const secondary = await simulatedSupplier('secondary', cleanup);
  return { sims: [primary.simulator, secondary.simulator], primary, secondary };
}

function sender(...targets: FailoverTarget[]): FailoverSender {
  return senderWith(POLICIES, ...targets);
}

function senderWith(policies: typeof POLICIES, ...targets: FailoverTarget[]): FailoverSender {
  const made = new FailoverSender({
    targets,
    policies,
    giveUpAfterMs: 1_500,
    pollIntervalMs: 10,
  }).start();
  cleanup.push(() => made.close());
  return made;
}

async function sendMany(failover: FailoverSender, count: number, tag: string) {
  for (let i = 0; i < count; i++) {
    await failover.send({ to: HANDSET, body: `failover ${tag} ${i}`, reference: `${tag}-${i}` });
  }
}

/** How many times each message reached the handset, over every simulator: counted at the phone. */
async function handsetCounts(sims: readonly StartedSimulator[], failover: FailoverSender) {
  const bodies = (await Promise.all(sims.map((s) => inboxOf(s, HANDSET)))).flatMap((inbox) =>
    inbox.messages.map((m) => m.body),
  );
  return failover.routes().map((r) => bodies.filter((b) => b === r.body).length);
}

/** Waits, a tick at a time, for the sender to reach a state. */
async function until(reached: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!reached()) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const holders = (failover: FailoverSender) => failover.routes().map((r) => r.holder?.target);

describe('a failover sender with one target', () => {
  test('a demoted target still takes what can go nowhere else, so none is given up', async () => {
    const primary = await simulatedSupplier('primary', cleanup);
    const failover = sender(primary.target);
    // Three real seconds late at the simulator's clock, past the two-second threshold.
    await call(primary.simulator, 'PUT', '/_sim/faults', {
      body: { slowDelivery: { rate: 1, extraMs: 3_000_000 } },
    });

    await sendMany(failover, 2, 'slow');
    await until(() => failover.timeline().some((c) => c.state === 'demoted'));
    await sendMany(failover, 2, 'after-demotion');

    expect(await failover.settle(15_000)).toBe(true);
    expect(failover.routes().map((r) => r.state)).toEqual(Array(4).fill('delivered'));
    expect(failover.routes()[3]?.attempts.map((a) => a.outcome)).toEqual(['skipped', 'accepted']);
    expect(await handsetCounts([primary.simulator], failover)).toEqual([1, 1, 1, 1]);
  });
});

describe('a failover sender with a primary and a secondary', () => {
  test('while the primary is healthy, everything goes through it, once', async () => {
    const { sims, primary, secondary } = await suppliers();
    const failover = sender(primary.target, secondary.target);

    await sendMany(failover, 5, 'healthy');

    expect(await failover.settle(5_000)).toBe(true);
    expect(holders(failover)).toEqual(Array(5).fill('primary'));
    expect(await handsetCounts(sims, failover)).toEqual([1, 1, 1, 1, 1]);
    expect(failover.timeline().map((c) => c.state)).toEqual(['closed', 'closed']);
  });

  test('a primary outage opens its breaker, traffic moves, then returns on recovery', async () => {
    const { sims, primary, secondary } = await suppliers();
    const failover = sender(primary.target, secondary.target);
    await call(primary.simulator, 'PUT', '/_sim/faults', {
      body: { outages: [{ mode: 'unavailable' }] },
    });

    await sendMany(failover, 4, 'outage');
    await call(primary.simulator, 'DELETE', '/_sim/faults');
    await new Promise((resolve) => setTimeout(resolve, POLICIES.halfOpenAfterMs + 20));
    await sendMany(failover, 2, 'recovered');

    expect(await failover.settle(5_000)).toBe(true);
    expect(holders(failover)).toEqual([
      'secondary',
      'secondary',
      'secondary',
      'secondary',
      'primary',
      'primary',
    ]);
    expect(await handsetCounts(sims, failover)).toEqual([1, 1, 1, 1, 1, 1]);
    const primaryStates = failover.timeline().filter((c) => c.target === 'primary');
    expect(primaryStates.map((c) => c.state)).toEqual(['closed', 'open', 'half-open', 'closed']);
  });

  test('accepted then silent: resent only once the primary gives up, never twice', async () => {
    const { sims, primary, secondary } = await suppliers();
    const failover = sender(primary.target, secondary.target);
    await call(primary.simulator, 'PUT', '/_sim/faults', {
      body: { silent: { rate: 1, failsAfterMs: 100_000 } },
    });

    await sendMany(failover, 4, 'silent');

    expect(await failover.settle(5_000)).toBe(true);
    expect(failover.routes().every((r) => r.state === 'delivered')).toBe(true);
    expect(await handsetCounts(sims, failover)).toEqual([1, 1, 1, 1]);
    expect(failover.routes()[0]?.attempts.map((a) => `${a.target}:${a.outcome}`)).toEqual([
      'primary:accepted',
      'primary:gave-up',
      'secondary:accepted',
    ]);
    expect(failover.timeline().some((c) => c.state === 'demoted')).toBe(true);
  });

  test('a reply lost after the primary took it: found by reference, not resent', async () => {
    const { sims, primary, secondary } = await suppliers();
    const failover = sender(primary.target, secondary.target);
    await call(primary.simulator, 'PUT', '/_sim/faults', {
      body: { drop: { rate: 1, when: 'after-handling' } },
    });

    await failover.send({ to: HANDSET, body: 'failover dropped 0', reference: 'dropped-0' });

    await call(primary.simulator, 'DELETE', '/_sim/faults');
    expect(await failover.settle(5_000)).toBe(true);
    expect(failover.routes()[0]?.attempts.map((a) => `${a.target}:${a.outcome}`)).toEqual([
      'primary:in-doubt',
      'primary:found',
    ]);
    expect(await handsetCounts(sims, failover)).toEqual([1]);
  });
});

describe('a primary demoted for slow delivery', () => {
  test('loses its traffic to the secondary, and has it back once the demotion ends', async () => {
    const { sims, primary, secondary } = await suppliers();
    const demotedForMs = 3_000;
    const failover = senderWith({ ...POLICIES, demotedForMs }, primary.target, secondary.target);
    await call(primary.simulator, 'PUT', '/_sim/faults', {
      body: { slowDelivery: { rate: 1, extraMs: 3_000_000 } },
    });

    await sendMany(failover, 2, 'slow');
    await until(() => failover.timeline().some((c) => c.state === 'demoted'));
    await call(primary.simulator, 'DELETE', '/_sim/faults');
    await sendMany(failover, 1, 'while-demoted');
    await new Promise((resolve) => setTimeout(resolve, demotedForMs + 100));
    await sendMany(failover, 1, 'after-demotion');

    expect(await failover.settle(15_000)).toBe(true);
    expect(holders(failover)).toEqual(['primary', 'primary', 'secondary', 'primary']);
    expect(await handsetCounts(sims, failover)).toEqual([1, 1, 1, 1]);
    const primaryStates = failover.timeline().filter((c) => c.target === 'primary');
    expect(primaryStates.map((c) => c.state)).toEqual(['closed', 'demoted', 'closed']);
  });
});

describe('without a secondary', () => {
  test('an outage of the only target leaves messages abandoned', async () => {
    const primary = await simulatedSupplier('primary', cleanup);
    const failover = sender(primary.target);
    await call(primary.simulator, 'PUT', '/_sim/faults', {
      body: { outages: [{ mode: 'unavailable' }] },
    });

    await sendMany(failover, 3, 'alone');

    expect(await failover.settle(5_000)).toBe(true);
    expect(failover.routes().map((r) => r.state)).toEqual(['abandoned', 'abandoned', 'abandoned']);
    expect(await handsetCounts([primary.simulator], failover)).toEqual([0, 0, 0]);
  });
});

describe('client-side faults, for targets that cannot be told to fail', () => {
  test('dropped before sending: the next target is used at once', async () => {
    const faults = new ClientFaults();
    cleanup.push(() => faults.close());
    const { sims, primary, secondary } = await suppliers(faults);
    const failover = sender(primary.target, secondary.target);
    faults.set({ drop: { rate: 1, when: 'before-sending' } });

    await sendMany(failover, 2, 'client-drop');

    expect(await failover.settle(5_000)).toBe(true);
    expect(holders(failover)).toEqual(['secondary', 'secondary']);
    expect(await handsetCounts(sims, failover)).toEqual([1, 1]);
  });

  test('reply lost after sending: the message is in doubt and found at the primary', async () => {
    const faults = new ClientFaults();
    cleanup.push(() => faults.close());
    const { sims, primary, secondary } = await suppliers(faults);
    const failover = sender(primary.target, secondary.target);
    faults.set({ drop: { rate: 1, when: 'after-sending' } });

    await failover.send({ to: HANDSET, body: 'failover reply-lost', reference: 'reply-lost' });
    faults.clear();

    expect(await failover.settle(5_000)).toBe(true);
    expect(holders(failover)).toEqual(['primary']);
    expect(await handsetCounts(sims, failover)).toEqual([1]);
  });

  test('delayed requests past the attempt timeout are in doubt, then found', async () => {
    const faults = new ClientFaults();
    cleanup.push(() => faults.close());
    const { sims, primary, secondary } = await suppliers(faults);
    const failover = sender(primary.target, secondary.target);
    const pastTimeout = POLICIES.attemptTimeoutMs + 200;
    faults.set({ delayMs: { min: pastTimeout, max: pastTimeout } });

    await failover.send({ to: HANDSET, body: 'failover delayed', reference: 'delayed' });
    faults.clear();

    expect(await failover.settle(5_000)).toBe(true);
    expect(await handsetCounts(sims, failover)).toEqual([1]);
    expect(failover.routes()[0]?.attempts[0]?.outcome).toBe('in-doubt');
  });
});
