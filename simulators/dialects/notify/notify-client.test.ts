import { Agent } from 'node:https';
import axios from 'axios';
import { NotifyClient } from 'notifications-node-client';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startSimulator, type StartedSimulator } from '../../index.ts';

let simulator: StartedSimulator;
let client: NotifyClient;

beforeAll(async () => {
  simulator = await startSimulator({ timeScale: 1000, transport: 'https' });
  client = new NotifyClient(simulator.baseUrl, simulator.notify.testKey);
  // Over HTTPS, as a service reaches Notify: the client trusts the simulator's own authority.
  // (axios ships one declaration for ESM and one for CJS; the client names the CJS one.)
  const trusting = axios.create({ httpsAgent: new Agent({ ca: simulator.ca }) });
  client.setClient(trusting as unknown as Parameters<NotifyClient['setClient']>[0]);
});

afterAll(async () => {
  await simulator.stop();
});

async function statusOf(id: string): Promise<string> {
  const reply = await client.getNotificationById(id);
  return (reply.data as { status: string }).status;
}

describe('the official notifications-node-client, given only the base URL and a test key', () => {
  test('sends a text and gets the 201 body Notify documents', async () => {
    const reply = await client.sendSms(simulator.notify.templateId, '07700900123', {
      personalisation: { body: 'Your reference is 4X7' },
      reference: 'client-send-1',
    });

    const services = `${simulator.baseUrl}/services`;
    expect(reply.status).toBe(201);
    expect(reply.data).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reference: 'client-send-1',
      content: { body: 'Your reference is 4X7', from_number: 'ASSURE' },
      uri: `${simulator.baseUrl}/v2/notifications/${reply.data.id}`,
      template: {
        id: simulator.notify.templateId,
        version: 1,
        uri: `${services}/${simulator.notify.serviceId}/templates/${simulator.notify.templateId}`,
      },
      scheduled_for: null,
    });
  });

  test('reads a message back until it is delivered, with the documented fields', async () => {
    const sent = await client.sendSms(simulator.notify.templateId, '+447700900124', {
      personalisation: { body: 'Reading back' },
      reference: 'client-read-1',
    });

    await vi.waitFor(async () => expect(await statusOf(sent.data.id)).toBe('delivered'), {
      timeout: 10_000,
      interval: 10,
    });
    const { data } = await client.getNotificationById(sent.data.id);

    expect(data).toMatchObject({
      id: sent.data.id,
      reference: 'client-read-1',
      phone_number: '+447700900124',
      type: 'sms',
      status: 'delivered',
      body: 'Reading back',
      template: { id: simulator.notify.templateId, version: 1 },
      email_address: null,
      created_by_name: null,
      scheduled_for: null,
      is_cost_data_ready: true,
      cost_in_pounds: 0,
      cost_details: {
        billable_sms_fragments: 0,
        international_rate_multiplier: 1,
        sms_rate: 0.024,
      },
    });
    const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
    expect(data.created_at).toMatch(timestamp);
    expect(data.sent_at).toMatch(timestamp);
    expect(data.completed_at).toMatch(timestamp);
  });

  test('lists messages newest first, filtered by status and reference', async () => {
    const first = await client.sendSms(simulator.notify.templateId, '07700900125', {
      personalisation: { body: 'one' },
      reference: 'client-list',
    });
    const second = await client.sendSms(simulator.notify.templateId, '07700900126', {
      personalisation: { body: 'two' },
      reference: 'client-list',
    });
    await vi.waitFor(async () => expect(await statusOf(second.data.id)).toBe('delivered'), {
      timeout: 10_000,
      interval: 10,
    });
    await vi.waitFor(async () => expect(await statusOf(first.data.id)).toBe('delivered'), {
      timeout: 10_000,
      interval: 10,
    });

    const { data } = await client.getNotifications('sms', 'delivered', 'client-list');

    expect(data.notifications.map((n: { id: string }) => n.id)).toEqual([
      second.data.id,
      first.data.id,
    ]);
    expect(data.links.current).toBe(
      `${simulator.baseUrl}/v2/notifications?` +
        'template_type=sms&status=delivered&reference=client-list',
    );
    expect(data.links.next).toBe(`${data.links.current}&older_than=${first.data.id}`);
  });

  test('surfaces Notify error bodies through the client', async () => {
    const failure = await client
      .sendSms(simulator.notify.templateId, '07700 900 12', { personalisation: { body: 'x' } })
      .catch((error: { response: { status: number; data: unknown } }) => error.response);

    expect(failure.status).toBe(400);
    expect(failure.data).toEqual({
      status_code: 400,
      errors: [{ error: 'ValidationError', message: 'phone_number Not enough digits' }],
    });
  });
});
