import { request } from 'undici';
import { describe, expect, test, vi } from 'vitest';
import { describeProfile, PROFILES, startSimulator } from '../index.ts';
import { startReceiver } from '../test-support/callback-receiver.ts';
import {
  call,
  callAs,
  finalStatus,
  notifyToken,
  sendText,
  settled,
} from '../test-support/notify-http.ts';

const TOKEN = 'profile-token-0123456789';

describe('profiles', () => {
  test('each has a one-sentence description', () => {
    for (const name of PROFILES) expect(describeProfile(name)).toMatch(/^[A-Z].*\.$/);
  });

  test('the health check names the running profile', async () => {
    await using simulator = await startSimulator({ profile: 'no-receipts', timeScale: 1000 });
    const reply = await call(simulator, 'GET', '/_sim/health');
    expect(reply.json).toMatchObject({ ok: true, profile: 'no-receipts', timeScale: 1000 });
  });

  test('an unknown profile is refused at start', async () => {
    const options = { profile: 'flaky' } as unknown as Parameters<typeof startSimulator>[0];
    await expect(startSimulator(options)).rejects.toThrow(/profile: 'flaky'/);
  });
});

describe('no-receipts', () => {
  test('messages stay sending for ever and no callback is sent', async () => {
    await using simulator = await startSimulator({ profile: 'no-receipts', timeScale: 10_000 });
    await using receiver = await startReceiver();
    await call(simulator, 'PUT', '/_sim/notify/callback', {
      body: { url: receiver.url, bearerToken: TOKEN },
    });

    const sent = await sendText(simulator, simulator.notify.testKey, '07700900490');
    const id = (sent.json as { id: string }).id;
    await settled(simulator);

    const read = await callAs(
      simulator,
      simulator.notify.testKey,
      'GET',
      `/v2/notifications/${id}`,
    );
    expect(read.json).toMatchObject({ status: 'sending', completed_at: null });
    expect(receiver.received).toEqual([]);
  });
});

describe.each([
  ['temporary-as-permanent', '07700900003', 'permanent-failure'],
  ['permanent-as-temporary', '07700900002', 'temporary-failure'],
] as const)('%s', (profile, number, reported) => {
  test(`reports ${number} as ${reported} in the API and in the callback`, async () => {
    await using simulator = await startSimulator({ profile, timeScale: 10_000 });
    await using receiver = await startReceiver();
    await call(simulator, 'PUT', '/_sim/notify/callback', {
      body: { url: receiver.url, bearerToken: TOKEN },
    });

    const sent = await sendText(simulator, simulator.notify.testKey, number);
    const id = (sent.json as { id: string }).id;

    expect(await finalStatus(simulator, simulator.notify.testKey, id)).toBe(reported);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000 });
    expect(receiver.received[0]?.body.status).toBe(reported);
  });
});

describe('unauthenticated-callbacks', () => {
  test('callbacks arrive without the Authorization header', async () => {
    await using simulator = await startSimulator({
      profile: 'unauthenticated-callbacks',
      timeScale: 10_000,
    });
    await using receiver = await startReceiver();
    await call(simulator, 'PUT', '/_sim/notify/callback', {
      body: { url: receiver.url, bearerToken: TOKEN },
    });

    await sendText(simulator, simulator.notify.testKey, '07700900491');
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000 });

    expect(receiver.received[0]?.headers.authorization).toBeUndefined();
    expect(receiver.received[0]?.body.status).toBe('delivered');
  });
});

describe('malformed-json', () => {
  test('a send is answered 201 as JSON that does not parse, and still delivered', async () => {
    await using simulator = await startSimulator({ profile: 'malformed-json', timeScale: 10_000 });

    const reply = await request(`${simulator.baseUrl}/v2/notifications/sms`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await notifyToken(simulator.notify.testKey)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        phone_number: '07700900492',
        template_id: simulator.notify.templateId,
        personalisation: { body: 'Half of this reply is missing' },
        reference: 'malformed',
      }),
    });
    const text = await reply.body.text();

    expect(reply.statusCode).toBe(201);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);

    await settled(simulator);
    const listed = await callAs(
      simulator,
      simulator.notify.testKey,
      'GET',
      '/v2/notifications?reference=malformed',
    );
    expect(listed.json).toMatchObject({ notifications: [{ status: 'delivered' }] });
  });
});

describe('test-mode-leaks', () => {
  test('test-key messages reach the handset, while test numbers keep their outcomes', async () => {
    await using simulator = await startSimulator({ profile: 'test-mode-leaks', timeScale: 10_000 });
    const key = simulator.notify.testKey;

    const sent = await sendText(simulator, key, '07700900123', {
      personalisation: { body: 'This should never reach a phone' },
    });
    const temporary = await sendText(simulator, key, '07700900003');
    const id = (sent.json as { id: string }).id;

    expect(await finalStatus(simulator, key, id)).toBe('delivered');
    expect(await finalStatus(simulator, key, (temporary.json as { id: string }).id)).toBe(
      'temporary-failure',
    );
    const inbox = await call(simulator, 'GET', '/_sim/handsets/07700900123');
    expect(inbox.json).toMatchObject({
      number: '+447700900123',
      messages: [{ id, from: 'ASSURE', body: 'This should never reach a phone' }],
    });
  });
});
