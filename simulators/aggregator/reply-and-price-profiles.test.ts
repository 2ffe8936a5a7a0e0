import { describe, expect, test } from 'vitest';
import { startSimulator, type PriceTable, type ProfileName } from '../index.ts';
import { startReceiver } from '../test-support/callback-receiver.ts';
import { inboxOf, replyFrom } from '../test-support/handsets.ts';
import { call, callAs, sendText, settled } from '../test-support/notify-http.ts';

async function simulatorWith(profile: ProfileName) {
  return startSimulator({ profile, timeScale: 10_000 });
}

describe('replies-dropped', () => {
  test.each([
    ['compliant', true],
    ['replies-dropped', false],
  ] as const)('%s: the service hears of a reply: %s', async (profile, heard) => {
    await using simulator = await simulatorWith(profile);
    await using receiver = await startReceiver();
    await call(simulator, 'PUT', '/_sim/notify/inbound-callback', {
      body: { url: receiver.url, bearerToken: 'dropped-token-0123456789' },
    });

    const reply = await replyFrom(simulator, '07700900621', '07700900500', 'Please call me');
    await settled(simulator);
    const listed = await callAs(
      simulator,
      simulator.notify.testKey,
      'GET',
      '/v2/received-text-messages',
    );

    // The handset cannot tell: it sent the text either way.
    expect(reply.status).toBe(201);
    expect((await inboxOf(simulator, '07700900621')).replies).toHaveLength(1);
    expect(
      (listed.json as { received_text_messages: unknown[] }).received_text_messages,
    ).toHaveLength(heard ? 1 : 0);
    expect(receiver.received).toHaveLength(heard ? 1 : 0);
  });
});

describe('overseas-surcharge', () => {
  test.each([
    ['compliant', { GB: 1, US: 1, CA: 1, AU: 1 }],
    ['overseas-surcharge', { GB: 1, US: 2, CA: 2, AU: 2 }],
  ] as const)('%s: multipliers %j', async (profile, multipliers) => {
    await using simulator = await simulatorWith(profile);

    const table = (await call(simulator, 'GET', '/_sim/prices')).json as PriceTable;

    const byCountry = Object.fromEntries(
      table.rates.map((r) => [r.country, r.internationalRateMultiplier]),
    );
    expect(byCountry).toEqual(multipliers);
  });

  test.each([
    ['compliant', '+61 491 571 266', 1],
    ['overseas-surcharge', '+61 491 571 266', 2],
    ['overseas-surcharge', '+1 312 555 0177', 2],
    ['overseas-surcharge', '07700900622', 1],
  ] as const)('%s: a text to %s costs %i times the home rate', async (profile, number, times) => {
    await using simulator = await simulatorWith(profile);

    const sent = await sendText(simulator, simulator.notify.liveKey, number);
    await settled(simulator);
    const id = (sent.json as { id: string }).id;
    const read = await callAs(
      simulator,
      simulator.notify.liveKey,
      'GET',
      `/v2/notifications/${id}`,
    );

    expect(read.json).toMatchObject({
      cost_details: {
        billable_sms_fragments: 1,
        international_rate_multiplier: times,
        sms_rate: 0.024,
      },
    });
    expect((read.json as { cost_in_pounds: number }).cost_in_pounds).toBeCloseTo(times * 0.024, 10);
  });
});
