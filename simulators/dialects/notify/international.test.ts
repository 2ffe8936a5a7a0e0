import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type PriceTable, type StartedSimulator } from '../../index.ts';
import { inboxOf } from '../../test-support/handsets.ts';
import { call, callAs, sendText, settled } from '../../test-support/notify-http.ts';

/** Fiction numbers: NANP 555-01xx in New York, and one of ACMA's listed Australian mobiles. */
const US = '+1 212 555 0142';
const AU = '+61 491 570 156';

let simulator: StartedSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ timeScale: 10_000 });
});

afterAll(async () => {
  await simulator.stop();
});

async function settledMessage(number: string, body: string) {
  const sent = await sendText(simulator, simulator.notify.liveKey, number, {
    personalisation: { body },
  });
  expect(sent.status).toBe(201);
  await settled(simulator);

  const id = (sent.json as { id: string }).id;
  return (await callAs(simulator, simulator.notify.liveKey, 'GET', `/v2/notifications/${id}`))
    .json as Record<string, unknown>;
}

describe('texts abroad, with the international permission (on by default)', () => {
  test('to a NANP fiction number: sent, which is final where no receipts come back', async () => {
    const message = await settledMessage(US, 'x'.repeat(161));

    expect(message).toMatchObject({
      phone_number: US,
      status: 'sent',
      is_cost_data_ready: true,
      cost_details: {
        billable_sms_fragments: 2,
        international_rate_multiplier: 1,
        sms_rate: 0.024,
      },
    });
    expect(message.cost_in_pounds).toBeCloseTo(2 * 0.024, 10);
    expect(message.completed_at).toBe(message.sent_at);
  });

  test('to an Australian fiction number: delivered, with its receipt', async () => {
    const message = await settledMessage(AU, 'Your visa appointment is confirmed');

    expect(message).toMatchObject({
      phone_number: AU,
      status: 'delivered',
      cost_details: {
        billable_sms_fragments: 1,
        international_rate_multiplier: 1,
        sms_rate: 0.024,
      },
      cost_in_pounds: 0.024,
    });
  });

  test('fragments are Notify’s own count: an emoji is one GSM character', async () => {
    const message = await settledMessage(AU, `${'a'.repeat(159)}😀`);
    expect(message.cost_details).toMatchObject({ billable_sms_fragments: 1 });
  });

  test('sent is a status the list can filter on', async () => {
    const sent = await sendText(simulator, simulator.notify.liveKey, '+1 416 555 0117', {
      reference: 'toronto',
    });
    await settled(simulator);

    const listed = await callAs(
      simulator,
      simulator.notify.liveKey,
      'GET',
      '/v2/notifications?status=sent&reference=toronto',
    );
    expect((listed.json as { notifications: { id: string }[] }).notifications).toMatchObject([
      { id: (sent.json as { id: string }).id, status: 'sent' },
    ]);
  });

  test('the handset abroad gets the text, with the status the API reports', async () => {
    await settledMessage('+1 202 555 0199', 'Hello from London');

    expect((await inboxOf(simulator, '+12025550199')).messages).toMatchObject([
      { from: 'ASSURE', body: 'Hello from London', status: 'sent' },
    ]);
  });

  test('numbers abroad outside the fiction ranges we know are refused', async () => {
    // 555-01xx is fiction in every NANP area code, but 876 is Jamaica, where we have no network.
    const reply = await sendText(simulator, simulator.notify.liveKey, '+1 876 555 0123');

    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({
      errors: [{ error: 'BadRequestError', message: expect.stringContaining('fiction') }],
    });
  });

  test('GET /_sim/prices: 1 everywhere, as the Service Manual promises', async () => {
    const reply = await call(simulator, 'GET', '/_sim/prices');
    const table = reply.json as PriceTable;

    expect(table).toMatchObject({ currency: 'GBP', smsRate: 0.024 });
    expect(table.rates.map((r) => [r.country, r.internationalRateMultiplier])).toEqual([
      ['GB', 1],
      ['US', 1],
      ['CA', 1],
      ['AU', 1],
    ]);
  });
});
