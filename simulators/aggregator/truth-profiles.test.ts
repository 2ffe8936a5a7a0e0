import { describe, expect, test } from 'vitest';
import { startSimulator, type ProfileName } from '../index.ts';
import { inboxOf } from '../test-support/handsets.ts';
import { callAs, finalStatus, sendText, settled } from '../test-support/notify-http.ts';
import { ReceiptFaker } from './receipt-faking.ts';
import type { SimulatorStore } from './store.ts';
import { alterText, TRACKER } from './text-alteration.ts';

async function simulatorWith(profile: ProfileName) {
  return startSimulator({ profile, timeScale: 10_000 });
}

/** Sends one text and returns its final status and what the handset shows. */
async function sendAndLook(profile: ProfileName, numbers: readonly string[], body = 'hello') {
  await using simulator = await simulatorWith(profile);
  const outcomes = [];
  for (const number of numbers) {
    const sent = await sendText(simulator, simulator.notify.liveKey, number, {
      personalisation: { body },
    });
    const id = (sent.json as { id: string }).id;
    const status = await finalStatus(simulator, simulator.notify.liveKey, id);
    await settled(simulator);
    const shown = (await inboxOf(simulator, number)).messages.filter((m) => m.id === id);
    outcomes.push({ status, shown: shown.map((m) => m.body) });
  }
  return outcomes;
}

describe('faked receipts', () => {
  test('compliant: delivered means on the handset', async () => {
    const [outcome] = await sendAndLook('compliant', ['07700900611']);
    expect(outcome).toEqual({ status: 'delivered', shown: ['hello'] });
  });

  test('fake-receipts-all: delivered, and nothing on the handset', async () => {
    const outcomes = await sendAndLook('fake-receipts-all', ['07700900612', '07700900612']);
    expect(outcomes).toEqual([
      { status: 'delivered', shown: [] },
      { status: 'delivered', shown: [] },
    ]);
  });

  test('fake-receipts-unless-known: a new number is faked, one seen before is not', async () => {
    const outcomes = await sendAndLook('fake-receipts-unless-known', [
      '07700900613',
      '07700900613',
      '07700900123',
    ]);
    expect(outcomes).toEqual([
      { status: 'delivered', shown: [] },
      { status: 'delivered', shown: ['hello'] },
      { status: 'delivered', shown: ['hello'] },
    ]);
  });

  test('failures keep their status: only deliverable texts are faked', async () => {
    const [outcome] = await sendAndLook('fake-receipts-all', ['07700900002']);
    expect(outcome?.status).toBe('permanent-failure');
  });

  test('fake-receipts-share drops about 5%, the same texts for the same seed', () => {
    const store = { countHandsetMessages: () => 0 } as unknown as SimulatorStore;
    const draws = (seed: number) => {
      const faker = new ReceiptFaker('share', store, { seed });
      return Array.from({ length: 10_000 }, () => faker.drops('+447700900614'));
    };

    const first = draws(7);
    const dropped = first.filter(Boolean).length;
    expect(dropped).toBeGreaterThan(400);
    expect(dropped).toBeLessThan(600);
    expect(draws(7)).toEqual(first);
    expect(draws(8)).not.toEqual(first);
  });
});

describe('text-altered', () => {
  test('replaces characters outside ASCII and rewrites links', () => {
    expect(alterText('Pay £5 at https://www.gov.uk/pay, café')).toBe(
      `Pay ?5 at ${TRACKER}0000 caf?`,
    );
  });

  test('cuts a text of several parts to its first part', () => {
    const long = `${'a'.repeat(150)} ${'b'.repeat(100)}`;
    expect(alterText(long)).toBe(long.slice(0, 153));
    expect(alterText('short')).toBe('short');
  });

  test('the API keeps the text sent; the handset shows the altered one', async () => {
    await using simulator = await simulatorWith('text-altered');
    const sent = await sendText(simulator, simulator.notify.liveKey, '07700900615', {
      personalisation: { body: 'Fee £5: https://www.gov.uk/pay' },
    });
    const id = (sent.json as { id: string }).id;
    await finalStatus(simulator, simulator.notify.liveKey, id);

    const read = await callAs(
      simulator,
      simulator.notify.liveKey,
      'GET',
      `/v2/notifications/${id}`,
    );
    const inbox = await inboxOf(simulator, '07700900615');
    expect((read.json as { body: string }).body).toBe('Fee £5: https://www.gov.uk/pay');
    expect(inbox.messages.map((m) => m.body)).toEqual([`Fee ?5: ${TRACKER}0000`]);
  });
});

describe('a text sent to the inbound number', () => {
  test('arrives in received texts once delivered, from the sender shown', async () => {
    await using simulator = await simulatorWith('compliant');
    const key = simulator.notify.liveKey;
    const sent = await sendText(simulator, key, '07700900500', {
      personalisation: { body: 'token-7f3a to the inbound number' },
    });
    const id = (sent.json as { id: string }).id;
    await finalStatus(simulator, key, id);

    const received = await callAs(simulator, key, 'GET', '/v2/received-text-messages');
    const texts = (received.json as { received_text_messages: object[] }).received_text_messages;
    expect(texts).toEqual([
      expect.objectContaining({
        content: 'token-7f3a to the inbound number',
        user_number: 'ASSURE',
        notify_number: '07700900500',
      }),
    ]);
  });

  test('and never arrives when the receipt was faked', async () => {
    await using simulator = await simulatorWith('fake-receipts-all');
    const key = simulator.notify.liveKey;
    const sent = await sendText(simulator, key, '07700900500');
    await finalStatus(simulator, key, (sent.json as { id: string }).id);

    const received = await callAs(simulator, key, 'GET', '/v2/received-text-messages');
    expect(received.json).toMatchObject({ received_text_messages: [] });
  });
});
