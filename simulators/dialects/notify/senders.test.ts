import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotifyClient } from 'notifications-node-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type SmsSender, type StartedSimulator } from '../../index.ts';
import { inboxOf, sendersShown } from '../../test-support/handsets.ts';
import { call, finalStatus, sendText, settled } from '../../test-support/notify-http.ts';

let simulator: StartedSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ timeScale: 10_000 });
});

afterAll(async () => {
  await simulator.stop();
});

function senderOf(kind: SmsSender['kind']): SmsSender {
  const sender = simulator.notify.senders.find((s) => s.kind === kind);
  if (!sender) throw new Error(`no ${kind} sender`);
  return sender;
}

async function register(text: string) {
  return call(simulator, 'POST', '/_sim/notify/senders', { body: { text } });
}

describe('the service senders', () => {
  test('are ASSURE by default, an inbound UK mobile and a shortcode', () => {
    expect(simulator.notify.senders).toEqual([
      {
        id: simulator.notify.senderId,
        text: 'ASSURE',
        kind: 'alphanumeric',
        isDefault: true,
        inbound: false,
      },
      {
        id: expect.any(String),
        text: '07700900500',
        kind: 'uk-mobile',
        isDefault: false,
        inbound: true,
      },
      {
        id: expect.any(String),
        text: '60000',
        kind: 'shortcode',
        isDefault: false,
        inbound: false,
      },
    ]);
    expect(new Set(simulator.notify.senders.map((s) => s.id)).size).toBe(3);
  });

  test('are listed by the control API', async () => {
    const reply = await call(simulator, 'GET', '/_sim/notify/senders');
    expect(reply.json).toMatchObject({ senders: simulator.notify.senders });
  });
});

describe('sms_sender_id', () => {
  test('round trip with the official client: the handset shows the sender chosen', async () => {
    const client = new NotifyClient(simulator.baseUrl, simulator.notify.liveKey);
    const shortcode = senderOf('shortcode');
    const inbound = senderOf('uk-mobile');

    const viaShortcode = await client.sendSms(simulator.notify.templateId, '07700900301', {
      personalisation: { body: 'From the shortcode' },
      smsSenderId: shortcode.id,
    });
    const viaMobile = await client.sendSms(simulator.notify.templateId, '07700900301', {
      personalisation: { body: 'From the mobile' },
      smsSenderId: inbound.id,
    });
    await settled(simulator);

    expect(viaShortcode.data.content.from_number).toBe('60000');
    expect(viaMobile.data.content.from_number).toBe('07700900500');
    expect(await sendersShown(simulator, '07700900301')).toEqual(['60000', '07700900500']);
  });

  test('a sender registered through the control API can be used at once', async () => {
    const registered = await register('  Council ');
    const { id } = registered.json as { id: string; text: string };

    const sent = await sendText(simulator, simulator.notify.liveKey, '07700900302', {
      sms_sender_id: id,
    });
    await finalStatus(simulator, simulator.notify.liveKey, (sent.json as { id: string }).id);

    expect(registered.status).toBe(201);
    expect(registered.json).toEqual({ id: expect.any(String), text: 'Council' });
    expect((await inboxOf(simulator, '07700900302')).messages).toMatchObject([{ from: 'Council' }]);
    const listed = await call(simulator, 'GET', '/_sim/notify/senders');
    expect((listed.json as { senders: SmsSender[] }).senders).toContainEqual({
      id,
      text: 'Council',
      kind: 'alphanumeric',
      isDefault: false,
      inbound: false,
    });
  });
});

describe('registering a sender', () => {
  test.each([
    ['ASSURE-COUNCIL', ['Notify allows at most 11 characters.']],
    ['Verify', ['Notify does not allow Alert, Info or Verify, which spammers use.']],
    [
      '00447700',
      [
        'Notify does not allow a sender ID that starts with 00.',
        'Notify needs a numeric sender ID to be a UK mobile (07 and 9 digits) or a shortcode.',
      ],
    ],
    [
      "O'Brien",
      ['Notify allows only letters, digits, spaces and & . - _ (apostrophes break some networks).'],
    ],
  ])('refuses %s with Notify’s reasons', async (text, messages) => {
    const reply = await register(text);

    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      errors: messages.map((message) => ({ error: 'ValidationError', message })),
    });
  });

  test('names the field when the body has no text', async () => {
    const reply = await call(simulator, 'POST', '/_sim/notify/senders', { body: { name: 'x' } });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      errors: [{ error: 'ValidationError', message: 'text: expected a string' }],
    });
  });

  test.each([
    ['07700900777', 'uk-mobile'],
    ['70085', 'shortcode'],
    ['NHS & Co', 'alphanumeric'],
  ])('accepts %s as %s', async (text, kind) => {
    const { id } = (await register(text)).json as { id: string };
    const listed = await call(simulator, 'GET', '/_sim/notify/senders');
    const sender = (listed.json as { senders: SmsSender[] }).senders.find((s) => s.id === id);
    expect(sender).toMatchObject({ text, kind, inbound: false });
  });
});

describe('senders across a restart', () => {
  test('keep their ids, and registered ones stay registered', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sms-assure-senders-'));
    try {
      const first = await startSimulator({ dataDir });
      const added = await call(first, 'POST', '/_sim/notify/senders', { body: { text: 'Parish' } });
      await first.stop();

      await using second = await startSimulator({ dataDir });
      expect(second.notify.senders).toEqual([
        ...first.notify.senders,
        { ...(added.json as object), kind: 'alphanumeric', isDefault: false, inbound: false },
      ]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
