import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startSimulator, type StartedSimulator } from '../../index.ts';
import { startReceiver, type TestReceiver } from '../../test-support/callback-receiver.ts';
import { call, finalStatus, sendText, settled } from '../../test-support/notify-http.ts';

const TOKEN = 'receiver-token-0123456789';

let simulator: StartedSimulator;

beforeEach(async () => {
  // Ten thousand times real time: the five-minute retry interval takes 30 ms.
  simulator = await startSimulator({ timeScale: 10_000 });
});

afterEach(async () => {
  await simulator.stop();
});

async function useReceiver(receiver: TestReceiver): Promise<void> {
  const reply = await call(simulator, 'PUT', '/_sim/notify/callback', {
    body: { url: receiver.url, bearerToken: TOKEN },
  });
  expect(reply.status).toBe(200);
}

async function attempts(): Promise<{ attempt: number; status?: number; error?: string }[]> {
  const reply = await call(simulator, 'GET', '/_sim/callbacks');
  return (reply.json as { attempts: { attempt: number; status?: number; error?: string }[] })
    .attempts;
}

describe('delivery-status callbacks', () => {
  test('post the documented fields with the bearer token', async () => {
    await using receiver = await startReceiver();
    await useReceiver(receiver);

    const sent = await sendText(simulator, simulator.notify.testKey, '07700 900 480', {
      reference: 'cb-1',
    });
    const id = (sent.json as { id: string }).id;
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000 });

    const [callback] = receiver.received;
    expect(callback?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(callback?.headers['content-type']).toBe('application/json');
    expect(callback?.body).toEqual({
      id,
      reference: 'cb-1',
      to: '07700 900 480',
      status: 'delivered',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
      completed_at: expect.stringMatching(/\.\d{6}Z$/),
      sent_at: expect.stringMatching(/\.\d{6}Z$/),
      notification_type: 'sms',
      template_id: simulator.notify.templateId,
      template_version: 1,
    });
  });

  test.each([
    ['07700900002', 'permanent-failure'],
    ['07700900003', 'temporary-failure'],
    ['07700900004', 'technical-failure'],
  ])('are sent for failures too: %s gives %s', async (number, status) => {
    await using receiver = await startReceiver();
    await useReceiver(receiver);

    await sendText(simulator, simulator.notify.liveKey, number);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000 });

    expect(receiver.received[0]?.body.status).toBe(status);
  });

  test('are retried after a 500, and stop once answered 200', async () => {
    await using receiver = await startReceiver([500, 200]);
    await useReceiver(receiver);

    await sendText(simulator, simulator.notify.testKey, '07700900481');
    await settled(simulator);

    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]?.body).toEqual(receiver.received[0]?.body);
    expect(await attempts()).toMatchObject([
      { attempt: 1, status: 500 },
      { attempt: 2, status: 200 },
    ]);
  });

  test('are retried after a 429', async () => {
    await using receiver = await startReceiver([429, 200]);
    await useReceiver(receiver);

    await sendText(simulator, simulator.notify.testKey, '07700900482');
    await settled(simulator);

    expect(receiver.received).toHaveLength(2);
  });

  test('are not retried after a 400', async () => {
    await using receiver = await startReceiver([400, 200]);
    await useReceiver(receiver);

    await sendText(simulator, simulator.notify.testKey, '07700900483');
    await settled(simulator);

    expect(receiver.received).toHaveLength(1);
    expect(await attempts()).toMatchObject([{ attempt: 1, status: 400 }]);
  });

  test('give up after five retries when the receiver cannot be reached', async () => {
    const receiver = await startReceiver();
    await useReceiver(receiver);
    await receiver.close();

    await sendText(simulator, simulator.notify.testKey, '07700900484');
    await settled(simulator);

    const log = await attempts();
    expect(log.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(log.every((a) => a.error !== undefined && a.status === undefined)).toBe(true);
  });

  test('are never sent for smoke-test numbers', async () => {
    await using receiver = await startReceiver();
    await useReceiver(receiver);

    await sendText(simulator, simulator.notify.testKey, '07700900111');
    await settled(simulator);

    expect(receiver.received).toEqual([]);
  });

  test('stop once the callback is removed', async () => {
    await using receiver = await startReceiver();
    await useReceiver(receiver);
    expect((await call(simulator, 'DELETE', '/_sim/notify/callback')).status).toBe(204);

    const sent = await sendText(simulator, simulator.notify.testKey, '07700900485');
    await finalStatus(simulator, simulator.notify.testKey, (sent.json as { id: string }).id);
    await settled(simulator);

    expect(receiver.received).toEqual([]);
  });

  test('settings need an http(s) URL and a token of 10 characters or more', async () => {
    const reply = await call(simulator, 'PUT', '/_sim/notify/callback', {
      body: { url: 'ftp://127.0.0.1/x', bearerToken: 'short' },
    });

    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ error: expect.stringContaining('bearerToken') });
  });
});
