import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type StartedSimulator } from '../../index.ts';
import { callAs, finalStatus, sendText } from '../../test-support/notify-http.ts';

let simulator: StartedSimulator;

interface Page {
  notifications: { id: string; status: string; reference: string | null }[];
  links: { current: string; next?: string };
}

beforeAll(async () => {
  simulator = await startSimulator({ timeScale: 1000 });
});

afterAll(async () => {
  await simulator.stop();
});

async function list(apiKey: string, query: string): Promise<Page> {
  const reply = await callAs(simulator, apiKey, 'GET', `/v2/notifications${query}`);
  expect(reply.status).toBe(200);
  return reply.json as Page;
}

async function sendAndSettle(apiKey: string, number: string, reference: string): Promise<string> {
  const sent = await sendText(simulator, apiKey, number, { reference });
  const id = (sent.json as { id: string }).id;
  await finalStatus(simulator, apiKey, id);
  return id;
}

describe('GET /v2/notifications/{id}', () => {
  test('a malformed id is a validation error', async () => {
    const reply = await callAs(simulator, simulator.notify.testKey, 'GET', '/v2/notifications/abc');
    expect(reply.json).toEqual({
      status_code: 400,
      errors: [{ error: 'ValidationError', message: 'notification_id is not a valid UUID' }],
    });
  });

  test('an unknown id is not found', async () => {
    const id = '7d8b4c8e-39bb-4d2b-9f84-2a0c5e0f3a11';
    const reply = await callAs(
      simulator,
      simulator.notify.testKey,
      'GET',
      `/v2/notifications/${id}`,
    );
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual({
      status_code: 404,
      errors: [{ error: 'NoResultFound', message: 'No result found' }],
    });
  });

  test('a queued message has no sent_at, completed_at or cost yet', async () => {
    // A clock a thousand times slower than real time keeps the message queued for the test.
    await using slow = await startSimulator({ timeScale: 0.001 });
    const sent = await sendText(slow, slow.notify.liveKey, '07700900470');
    const id = (sent.json as { id: string }).id;

    const read = await callAs(slow, slow.notify.liveKey, 'GET', `/v2/notifications/${id}`);
    expect(read.json).toMatchObject({
      status: 'created',
      sent_at: null,
      completed_at: null,
      is_cost_data_ready: false,
      cost_in_pounds: null,
      cost_details: {},
    });
  });
});

describe('GET /v2/notifications', () => {
  test('failed stands for every failure status', async () => {
    const temporary = await sendAndSettle(simulator.notify.testKey, '07700900003', 'failed-family');
    const permanent = await sendAndSettle(simulator.notify.testKey, '07700900002', 'failed-family');
    await sendAndSettle(simulator.notify.testKey, '07700900471', 'failed-family');

    const page = await list(simulator.notify.testKey, '?reference=failed-family&status=failed');
    expect(page.notifications.map((n) => n.id)).toEqual([permanent, temporary]);
  });

  test('the status filter can repeat', async () => {
    const delivered = await sendAndSettle(simulator.notify.testKey, '07700900472', 'repeat');
    const temporary = await sendAndSettle(simulator.notify.testKey, '07700900003', 'repeat');

    const page = await list(
      simulator.notify.testKey,
      '?reference=repeat&status=delivered&status=temporary-failure',
    );
    expect(page.notifications.map((n) => n.id)).toEqual([temporary, delivered]);
  });

  test('each key type sees only the messages sent with that type of key', async () => {
    const live = await sendAndSettle(simulator.notify.liveKey, '07700900473', 'key-types');
    const test = await sendAndSettle(simulator.notify.testKey, '07700900473', 'key-types');

    const asLive = await list(simulator.notify.liveKey, '?reference=key-types');
    const asTest = await list(simulator.notify.testKey, '?reference=key-types');
    expect(asLive.notifications.map((n) => n.id)).toEqual([live]);
    expect(asTest.notifications.map((n) => n.id)).toEqual([test]);
  });

  test('older_than pages back from a message, and links.next points at the next page', async () => {
    const ids: string[] = [];
    for (const n of [474, 475, 476]) {
      ids.push(await sendAndSettle(simulator.notify.testKey, `07700900${n}`, 'paging'));
    }

    const page = await list(simulator.notify.testKey, `?reference=paging&older_than=${ids[2]}`);
    expect(page.notifications.map((n) => n.id)).toEqual([ids[1], ids[0]]);
    expect(page.links.next).toBe(
      `${simulator.baseUrl}/v2/notifications?reference=paging&older_than=${ids[0]}`,
    );

    const last = await list(simulator.notify.testKey, `?reference=paging&older_than=${ids[0]}`);
    expect(last).toEqual({
      notifications: [],
      links: {
        current: `${simulator.baseUrl}/v2/notifications?reference=paging&older_than=${ids[0]}`,
      },
    });
  });

  test('other template types match nothing', async () => {
    await sendAndSettle(simulator.notify.testKey, '07700900477', 'types');
    const page = await list(simulator.notify.testKey, '?reference=types&template_type=email');
    expect(page.notifications).toEqual([]);
  });

  test('bad filters are validation errors, in Notify words', async () => {
    const reply = await callAs(
      simulator,
      simulator.notify.testKey,
      'GET',
      '/v2/notifications?status=elephant&template_type=Apple&older_than=x&colour=red',
    );

    expect(reply.json).toEqual({
      status_code: 400,
      errors: [
        {
          error: 'ValidationError',
          message:
            'status elephant is not one of [cancelled, created, sending, sent, delivered, ' +
            'pending, failed, technical-failure, temporary-failure, permanent-failure, ' +
            'pending-virus-check, validation-failed, virus-scan-failed, returned-letter, ' +
            'accepted, received]',
        },
        {
          error: 'ValidationError',
          message: 'template_type Apple is not one of [sms, email, letter]',
        },
        { error: 'ValidationError', message: 'older_than is not a valid UUID' },
        {
          error: 'ValidationError',
          message: 'Additional properties are not allowed (colour was unexpected)',
        },
      ],
    });
  });
});
