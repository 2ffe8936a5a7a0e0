import { NotifyClient } from 'notifications-node-client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startSimulator, type StartedSimulator } from '../../index.ts';
import { startReceiver, type TestReceiver } from '../../test-support/callback-receiver.ts';
import { inboxOf, replyFrom } from '../../test-support/handsets.ts';
import { call, callAs, settled } from '../../test-support/notify-http.ts';

const TOKEN = 'inbound-token-0123456789';
const INBOUND = '07700900500';
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

let simulator: StartedSimulator;

beforeEach(async () => {
  simulator = await startSimulator({ timeScale: 10_000 });
});

afterEach(async () => {
  await simulator.stop();
});

async function useInboundReceiver(receiver: TestReceiver): Promise<void> {
  const reply = await call(simulator, 'PUT', '/_sim/notify/inbound-callback', {
    body: { url: receiver.url, bearerToken: TOKEN },
  });
  expect(reply.status).toBe(200);
}

async function receivedTexts(query = '') {
  const reply = await callAs(
    simulator,
    simulator.notify.testKey,
    'GET',
    `/v2/received-text-messages${query}`,
  );
  return reply.json as { received_text_messages: { id: string; content: string }[]; links: object };
}

describe('a reply from a handset', () => {
  test('is answered 201 with what the handset sent', async () => {
    const reply = await replyFrom(simulator, '07700900345', INBOUND, 'STOP');

    expect(reply.status).toBe(201);
    expect(reply.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      from: '+447700900345',
      to: INBOUND,
      text: 'STOP',
      sentAt: expect.stringMatching(/Z$/),
    });
  });

  test('is listed at /v2/received-text-messages in Notify’s documented shape', async () => {
    const sent = await replyFrom(simulator, '+447700900345', '+44 7700 900500', 'Yes please');
    const { id } = sent.json as { id: string };

    const page = await receivedTexts();
    expect(page).toEqual({
      received_text_messages: [
        {
          id,
          user_number: '447700900345',
          notify_number: INBOUND,
          created_at: expect.stringMatching(TIMESTAMP),
          service_id: simulator.notify.serviceId,
          content: 'Yes please',
        },
      ],
      links: {
        current: `${simulator.baseUrl}/v2/received-text-messages`,
        next: `${simulator.baseUrl}/v2/received-text-messages?older_than=${id}`,
      },
    });
  });

  test('is read by the official client’s getReceivedTexts, newest first, paged', async () => {
    for (const text of ['one', 'two', 'three']) {
      await replyFrom(simulator, '07700900346', INBOUND, text);
    }
    const client = new NotifyClient(simulator.baseUrl, simulator.notify.liveKey);

    const all = (await client.getReceivedTexts()).data.received_text_messages;
    const [, second] = all;
    const older = (await client.getReceivedTexts(second?.id)).data.received_text_messages;

    expect(all.map((t: { content: string }) => t.content)).toEqual(['three', 'two', 'one']);
    expect(older.map((t: { content: string }) => t.content)).toEqual(['one']);
  });

  test('is posted to the inbound callback with the bearer token', async () => {
    await using receiver = await startReceiver();
    await useInboundReceiver(receiver);

    const sent = await replyFrom(simulator, '07700900347', INBOUND, 'Can I change my slot?');
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000 });

    expect(receiver.received[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(receiver.received[0]?.body).toEqual({
      id: (sent.json as { id: string }).id,
      source_number: '447700900347',
      destination_number: INBOUND,
      message: 'Can I change my slot?',
      date_received: expect.stringMatching(TIMESTAMP),
    });
  });

  test('callbacks are retried as delivery callbacks are, and logged by kind', async () => {
    await using receiver = await startReceiver([503, 200]);
    await useInboundReceiver(receiver);

    const sent = await replyFrom(simulator, '07700900348', INBOUND, 'Retry me');
    await settled(simulator);

    const id = (sent.json as { id: string }).id;
    const log = await call(simulator, 'GET', `/_sim/callbacks?messageId=${id}`);
    expect(receiver.received).toHaveLength(2);
    expect(log.json).toMatchObject({
      attempts: [
        { kind: 'received-text', messageId: id, attempt: 1, status: 503 },
        { kind: 'received-text', messageId: id, attempt: 2, status: 200 },
      ],
    });
  });

  test('no callback once the inbound callback is removed; the text is still listed', async () => {
    await using receiver = await startReceiver();
    await useInboundReceiver(receiver);
    expect((await call(simulator, 'DELETE', '/_sim/notify/inbound-callback')).status).toBe(204);

    await replyFrom(simulator, '07700900349', INBOUND, 'Quiet');
    await settled(simulator);

    expect(receiver.received).toEqual([]);
    expect((await receivedTexts()).received_text_messages).toHaveLength(1);
  });

  test('shows on the handset; a reset empties the handset but not the service', async () => {
    await replyFrom(simulator, '07700900350', INBOUND, 'Kept by the service');

    expect((await inboxOf(simulator, '07700900350')).replies).toEqual([
      {
        id: expect.any(String),
        to: INBOUND,
        body: 'Kept by the service',
        sentAt: expect.any(String),
      },
    ]);
    expect((await call(simulator, 'DELETE', '/_sim/handsets')).status).toBe(204);

    expect((await inboxOf(simulator, '07700900350')).replies).toEqual([]);
    expect((await receivedTexts()).received_text_messages).toHaveLength(1);
  });

  test.each(['ASSURE', '60000', '07700900501'])(
    'to %s, which is no inbound number, is refused 404',
    async (to) => {
      const reply = await replyFrom(simulator, '07700900351', to, 'Hello?');

      expect(reply.status).toBe(404);
      expect(reply.json).toEqual({ error: `no service receives texts at ${to}` });
      expect((await receivedTexts()).received_text_messages).toEqual([]);
    },
  );

  test('only comes from fictional handsets, with a text', async () => {
    // No UK number starts 0 after +44: it cannot belong to anyone.
    const notFiction = await replyFrom(simulator, '+440000000000', INBOUND, 'Hi');
    const empty = await replyFrom(simulator, '07700900352', INBOUND, '');

    expect(notFiction.status).toBe(400);
    expect(empty.status).toBe(400);
  });
});

describe('GET /v2/received-text-messages', () => {
  test('needs a valid token', async () => {
    const reply = await call(simulator, 'GET', '/v2/received-text-messages');
    expect(reply.status).toBe(401);
  });

  test('validates its query as Notify does', async () => {
    const reply = await callAs(
      simulator,
      simulator.notify.testKey,
      'GET',
      '/v2/received-text-messages?older_than=yesterday&page=2',
    );

    expect(reply.json).toEqual({
      status_code: 400,
      errors: [
        { error: 'ValidationError', message: 'older_than is not a valid UUID' },
        {
          error: 'ValidationError',
          message: 'Additional properties are not allowed (page was unexpected)',
        },
      ],
    });
  });

  test('older_than an unknown id gives an empty page, with no next link', async () => {
    await replyFrom(simulator, '07700900353', INBOUND, 'Only one');
    const unknown = await receivedTexts('?older_than=00000000-0000-4000-8000-000000000000');

    expect(unknown).toEqual({
      received_text_messages: [],
      links: { current: `${simulator.baseUrl}/v2/received-text-messages` },
    });
  });
});
