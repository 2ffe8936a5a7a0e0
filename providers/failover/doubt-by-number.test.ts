import { expect, test } from 'vitest';
import type { Capabilities, MessageState, ProviderAdapter, SendRequest } from '../contract.ts';
import { FailoverSender } from './failover-sender.ts';
import { FAST_POLICIES } from './test-support.ts';

const HANDSET = '+447700900452';

/**
 * A supplier that keeps no reference, as Twilio does, and whose first answer is lost after it
 * took the text: the sender can find the text only by its number and its body.
 */
function forgetfulSupplier(listFilters: Capabilities['listFilters'], lostAnswer = 1) {
  const held: MessageState[] = [];
  const sends: SendRequest[] = [];
  const adapter: ProviderAdapter = {
    dialect: 'twilio',
    capabilities: {
      receipts: ['polling'],
      testMode: false,
      listing: true,
      priceData: false,
      inbound: false,
      references: false,
      ...(listFilters ? { listFilters } : {}),
    },
    send: (request) => {
      sends.push(request);
      const message = {
        id: `SM${held.length}`,
        status: 'delivered' as const,
        providerStatus: 'delivered',
      };
      held.push({ ...message, to: request.to, body: request.body });
      if (sends.length === lostAnswer)
        return Promise.reject(new Error('socket hang up after sending'));
      return Promise.resolve({ ...message, reference: request.reference });
    },
    status: (id) => Promise.resolve(held.find((m) => m.id === id)),
    list: (query) =>
      query.reference === undefined
        ? Promise.resolve({ messages: held.filter((m) => m.to === query.to) })
        : Promise.reject(new Error('no listing by reference')),
    inbound: () => Promise.resolve([]),
  };
  return { adapter, sends };
}

async function sendOnce(adapter: ProviderAdapter) {
  return (await sendAll(adapter, 1))[0];
}

/** Sends the same text `count` times, each with its own reference, and lets them settle. */
async function sendAll(adapter: ProviderAdapter, count: number) {
  const sender = new FailoverSender({
    targets: [{ name: 'forgetful', adapter }],
    policies: { ...FAST_POLICIES, retries: 0 },
    giveUpAfterMs: 1_000,
    pollIntervalMs: 10,
  }).start();
  for (let i = 1; i <= count; i++) {
    await sender.send({ to: HANDSET, body: 'failover doubt 7f3a', reference: `doubt-${i}` });
  }
  await sender.settle(3_000);
  await sender.close();
  return sender.routes();
}

test('a text in doubt at a supplier without references is found by number and text', async () => {
  const { adapter, sends } = forgetfulSupplier(['to']);

  const route = await sendOnce(adapter);

  expect(route?.attempts.map((a) => a.outcome)).toEqual(['in-doubt', 'found']);
  expect(route?.state).toBe('delivered');
  expect(sends).toHaveLength(1);
});

test('a supplier that can be asked neither way keeps it in doubt, never sent twice', async () => {
  const { adapter, sends } = forgetfulSupplier([]);

  const route = await sendOnce(adapter);

  expect(route?.state).toBe('in-doubt');
  expect(sends).toHaveLength(1);
});

test('the same text twice: the one in doubt matches the copy no other message holds', async () => {
  const { adapter, sends } = forgetfulSupplier(['to'], 2);

  const routes = await sendAll(adapter, 2);

  expect(routes.map((r) => r.holder?.id)).toEqual(['SM0', 'SM1']);
  expect(routes[1]?.attempts.map((a) => a.outcome)).toEqual(['in-doubt', 'found']);
  expect(sends).toHaveLength(2);
});
