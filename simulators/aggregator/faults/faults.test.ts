import { afterEach, describe, expect, test, vi } from 'vitest';
import { startSimulator, type ProfileName, type StartedSimulator } from '../../index.ts';
import { startReceiver } from '../../test-support/callback-receiver.ts';
import { inboxOf } from '../../test-support/handsets.ts';
import { call, finalStatus, sendText, settled } from '../../test-support/notify-http.ts';

const HANDSET = '07700900431';
const started: StartedSimulator[] = [];

async function simulator(profile: ProfileName = 'compliant') {
  const sim = await startSimulator({ profile, timeScale: 10_000 });
  started.push(sim);
  return sim;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

const setFaults = (sim: StartedSimulator, plan: object) =>
  call(sim, 'PUT', '/_sim/faults', { body: plan });

const send = (sim: StartedSimulator) => sendText(sim, sim.notify.liveKey, HANDSET);

describe('the faults control route', () => {
  test('refuses a bad plan naming each field, and changes nothing', async () => {
    const sim = await simulator();

    const reply = await setFaults(sim, {
      outages: [{ mode: 'sideways', startMs: 10, endMs: 5 }],
      errors: [{ status: 200, rate: 2 }],
      surprise: true,
    });

    expect(reply.status).toBe(400);
    const fields = (reply.json as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['outages.0.mode', 'errors.0.status', 'errors.0.rate', '(body)']),
    );
    expect((await send(sim)).status).toBe(201);
  });

  test('shows the plan and what it did, and DELETE ends it', async () => {
    const sim = await simulator();
    await setFaults(sim, { seed: 7, errors: [{ status: 500, rate: 1 }] });

    expect((await send(sim)).status).toBe(500);
    const shown = (await call(sim, 'GET', '/_sim/faults')).json as {
      active: boolean;
      seed: number;
      events: { kind: string; path: string }[];
    };
    expect(shown).toMatchObject({ active: true, seed: 7 });
    expect(shown.events).toEqual([expect.objectContaining({ kind: 'error' })]);

    expect((await call(sim, 'DELETE', '/_sim/faults')).status).toBe(204);
    expect((await send(sim)).status).toBe(201);
  });

  test('the control API keeps answering through an outage', async () => {
    const sim = await simulator();
    await setFaults(sim, { outages: [{ mode: 'refuse' }] });

    await expect(send(sim)).rejects.toThrow();
    expect((await call(sim, 'GET', '/_sim/health')).status).toBe(200);
  });
});

describe('request faults', () => {
  test('an outage window answers 503 while open, then the API recovers', async () => {
    const sim = await simulator();
    await setFaults(sim, { outages: [{ mode: 'unavailable', startMs: 0, endMs: 150 }] });

    expect((await send(sim)).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await send(sim)).status).toBe(201);
  });

  test('throttling answers 429 with Retry-After past the limit', async () => {
    const sim = await simulator();
    await setFaults(sim, { throttle: { limit: 2, windowMs: 60_000, retryAfterSeconds: 30 } });

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await send(sim));

    expect(statuses.map((r) => r.status)).toEqual([201, 201, 429]);
    expect(statuses[2]?.headers['retry-after']).toBe('30');
    expect(statuses[2]?.json).toMatchObject({ errors: [{ error: 'RateLimitError' }] });
  });

  test('a profile that hides throttling answers 503 with no Retry-After', async () => {
    const sim = await simulator('throttling-unsignalled');
    await setFaults(sim, { throttle: { limit: 0, windowMs: 60_000, retryAfterSeconds: 30 } });

    const reply = await send(sim);

    expect(reply.status).toBe(503);
    expect(reply.headers['retry-after']).toBeUndefined();
  });

  test('the same seed fails the same requests', async () => {
    const pattern = async () => {
      const sim = await simulator();
      await setFaults(sim, { seed: 42, errors: [{ status: 502, rate: 0.5 }] });
      const statuses = [];
      for (let i = 0; i < 12; i++) statuses.push((await send(sim)).status);
      return statuses;
    };

    const first = await pattern();
    expect(await pattern()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([201, 502]));
  });

  test('a reply dropped after handling leaves the message accepted and delivered', async () => {
    const sim = await simulator();
    await setFaults(sim, { drop: { rate: 1, when: 'after-handling' } });

    await expect(send(sim)).rejects.toThrow();
    await call(sim, 'DELETE', '/_sim/faults');
    await settled(sim);

    expect((await inboxOf(sim, HANDSET)).messages).toHaveLength(1);
  });

  test('slow responses wait before answering', async () => {
    const sim = await simulator();
    await setFaults(sim, { latency: { minMs: 120, maxMs: 120 } });

    const started = performance.now();
    expect((await send(sim)).status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });
});

describe('message faults', () => {
  test('accepted then silent: no handset, and given up as a technical failure', async () => {
    const sim = await simulator();
    await setFaults(sim, { silent: { rate: 1, failsAfterMs: 60_000 } });

    const sent = await send(sim);
    const id = (sent.json as { id: string }).id;

    expect(sent.status).toBe(201);
    expect(await finalStatus(sim, sim.notify.liveKey, id)).toBe('technical-failure');
    expect((await inboxOf(sim, HANDSET)).messages).toEqual([]);
  });

  test('receipts lost, duplicated and late', async () => {
    const sim = await simulator();
    await using receiver = await startReceiver();
    await call(sim, 'PUT', '/_sim/notify/callback', {
      body: { url: receiver.url, bearerToken: 'fault-token-0123456789' },
    });

    await setFaults(sim, { receipts: { duplicated: 1 } });
    await send(sim);
    await settled(sim);
    expect(receiver.received).toHaveLength(2);

    await setFaults(sim, { receipts: { lost: 1 } });
    const lost = (await send(sim)).json as { id: string };
    await settled(sim);
    expect(receiver.received).toHaveLength(2);
    const status = await call(sim, 'GET', '/_sim/handsets/' + encodeURIComponent(HANDSET));
    const onHandset = (status.json as { messages: { id: string; status: string }[] }).messages;
    expect(onHandset.find((m) => m.id === lost.id)?.status).toBe('sending');
  });

  test('late receipts: the handset has the text while the status still says sending', async () => {
    const sim = await simulator();
    await setFaults(sim, { receipts: { lateMs: 100_000_000 } });

    const id = ((await send(sim)).json as { id: string }).id;
    const onHandset = await vi.waitFor(
      async () => {
        const messages = (await inboxOf(sim, HANDSET)).messages;
        if (messages.length === 0) throw new Error('not on the handset yet');
        return messages;
      },
      { timeout: 5_000, interval: 10 },
    );

    expect(onHandset.map((m) => [m.id, m.status])).toEqual([[id, 'sending']]);
  });

  test('reordered receipts: the callback is held back after the status is final', async () => {
    const sim = await simulator();
    await using receiver = await startReceiver();
    await call(sim, 'PUT', '/_sim/notify/callback', {
      body: { url: receiver.url, bearerToken: 'reorder-token-0123456789' },
    });
    await setFaults(sim, { seed: 3, receipts: { reordered: 1, reorderWindowMs: 100_000_000 } });

    const id = ((await send(sim)).json as { id: string }).id;

    expect(await finalStatus(sim, sim.notify.liveKey, id)).toBe('delivered');
    expect(receiver.received).toEqual([]);
    const events = ((await call(sim, 'GET', '/_sim/faults')).json as { events: unknown[] }).events;
    expect(events).toEqual([expect.objectContaining({ kind: 'receipt-reordered', messageId: id })]);
  });

  test.each([
    ['compliant', 'rerouted', 1],
    ['no-internal-failover', 'route-failed', 0],
  ] as const)('a failed route under %s: %s, %i on the handset', async (profile, kind, count) => {
    const sim = await simulator(profile);
    await setFaults(sim, { routeFailure: { rate: 1 } });

    const id = ((await send(sim)).json as { id: string }).id;
    const status = await finalStatus(sim, sim.notify.liveKey, id);

    expect(status).toBe(count === 1 ? 'delivered' : 'technical-failure');
    expect((await inboxOf(sim, HANDSET)).messages).toHaveLength(count);
    const events = ((await call(sim, 'GET', '/_sim/faults')).json as { events: unknown[] }).events;
    expect(events).toEqual([expect.objectContaining({ kind, messageId: id })]);
  });
});
