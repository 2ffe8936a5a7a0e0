import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startSimulator, type StartedSimulator } from '../../index.ts';
import { startReceiver, type TestReceiver } from '../../test-support/callback-receiver.ts';

/**
 * The official `twilio` package, given only the simulator's address and the account's
 * credentials, cannot tell the simulator from Twilio: it sends, fetches and lists, its errors
 * are RestExceptions, and its own validator accepts the simulator's status callbacks.
 */
let simulator: StartedSimulator;
let receiver: TestReceiver;
let client: twilio.Twilio;

beforeAll(async () => {
  simulator = await startSimulator({ timeScale: 1000 });
  receiver = await startReceiver();
  client = clientFor(simulator.twilio.accountSid, simulator.twilio.authToken);
});

afterAll(async () => {
  await receiver.close();
  await simulator.stop();
});

/** twilio-node's documented override: each product domain's `baseUrl` is public and mutable. */
function clientFor(accountSid: string, authToken: string): twilio.Twilio {
  const made = twilio(accountSid, authToken, { autoRetry: false });
  made.api.baseUrl = simulator.baseUrl;
  return made;
}

/** Sends a text from the default sender and fetches it until it has `status`. */
async function sendUntil(to: string, body: string, status: string) {
  const sent = await client.messages.create({ to, from: simulator.twilio.from, body });
  await vi.waitFor(
    async () => expect((await client.messages(sent.sid).fetch()).status).toBe(status),
    { timeout: 10_000, interval: 10 },
  );
  return client.messages(sent.sid).fetch();
}

describe('the official twilio client, given only the base URL and the account', () => {
  test('sends a text and gets a queued Message resource', async () => {
    const message = await client.messages.create({
      to: '+447700900123',
      from: simulator.twilio.from,
      body: 'Your reference is 4X7',
    });

    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message).toMatchObject({
      accountSid: simulator.twilio.accountSid,
      to: '+447700900123',
      from: 'ASSURE',
      body: 'Your reference is 4X7',
      status: 'queued',
      numSegments: '1',
      direction: 'outbound-api',
      errorCode: null,
      apiVersion: '2010-04-01',
    });
    expect(message.dateCreated).toBeInstanceOf(Date);
    expect(Number.isNaN(message.dateCreated.getTime())).toBe(false);
  });

  test('fetches a text until it is delivered, with date sent and price', async () => {
    const fetched = await sendUntil('+447700900124', 'Reading back', 'delivered');

    expect(fetched.sid).toMatch(/^SM/);
    expect(fetched.dateSent).toBeInstanceOf(Date);
    expect(fetched.price).toBe('-0.04000');
    expect(fetched.priceUnit).toBe('GBP');
  });

  test('reports an unreachable handset as undelivered with ErrorCode 30003', async () => {
    const fetched = await sendUntil('+447700900003', 'Phone off', 'undelivered');
    expect(fetched.errorCode).toBe(30003);
    expect(fetched.errorMessage).toBe('Unreachable destination handset');
  });

  test('lists texts by To, newest first, following next_page_uri across pages', async () => {
    const to = '+447700900125';
    const sids: string[] = [];
    for (const n of [1, 2, 3]) {
      const sent = await client.messages.create({ to, from: simulator.twilio.from, body: `n${n}` });
      sids.push(sent.sid);
    }

    const listed = await client.messages.list({ to, pageSize: 2 });
    expect(listed.map((m) => m.sid)).toEqual(sids.reverse());

    const page = await client.messages.page({ to, pageSize: 2 });
    expect(page.instances).toHaveLength(2);
    const next = await page.nextPage();
    expect(next?.instances.map((m) => m.sid)).toEqual([sids[2]]);
  });

  test('an unknown sid is a RestException 20404, bad credentials 20003', async () => {
    const unknown = client.messages(`SM${'0'.repeat(32)}`).fetch();
    await expect(unknown).rejects.toMatchObject({ status: 404, code: 20404 });

    const wrong = clientFor(simulator.twilio.accountSid, 'f'.repeat(32));
    await expect(wrong.messages.list({ limit: 1 })).rejects.toMatchObject({
      status: 401,
      code: 20003,
      moreInfo: 'https://www.twilio.com/docs/errors/20003',
    });
  });

  test('a status callback passes the package’s own validateRequest', async () => {
    const sent = await client.messages.create({
      to: '+447700900126',
      from: simulator.twilio.from,
      body: 'Call me back',
      statusCallback: receiver.url,
    });

    await vi.waitFor(() => expect(callbackFor(sent.sid)).toBeDefined(), {
      timeout: 10_000,
      interval: 10,
    });
    const callback = callbackFor(sent.sid);
    const signature = String(callback?.headers['x-twilio-signature']);
    const params = callback?.body ?? {};

    expect(params).toMatchObject({ MessageStatus: 'delivered', To: '+447700900126' });
    expect(
      twilio.validateRequest(simulator.twilio.authToken, signature, receiver.url, params),
    ).toBe(true);
    const interim = receiver.received.filter(
      (r) => r.body['MessageSid'] === sent.sid && r !== callback,
    );
    expect(interim.map((r) => r.body['MessageStatus']).sort()).toEqual(['sending', 'sent']);
    for (const r of interim) {
      const header = String(r.headers['x-twilio-signature']);
      expect(twilio.validateRequest(simulator.twilio.authToken, header, receiver.url, r.body)).toBe(
        true,
      );
    }
    const tampered = { ...params, MessageStatus: 'undelivered' };
    expect(
      twilio.validateRequest(simulator.twilio.authToken, signature, receiver.url, tampered),
    ).toBe(false);
  });
});

describe('test credentials, as Twilio documents them', () => {
  const testClient = () =>
    clientFor(simulator.twilio.testAccountSid, simulator.twilio.testAuthToken);

  test.each([
    ['+15005550001', 21211],
    ['+15005550002', 21612],
    ['+15005550003', 21408],
    ['+15005550004', 21610],
    ['+15005550009', 21614],
  ])('To %s is refused with %i', async (to, code) => {
    const send = testClient().messages.create({ to, from: simulator.twilio.testFrom, body: 'x' });
    await expect(send).rejects.toMatchObject({ status: 400, code });
  });

  test.each([
    ['+15005550001', 21212],
    ['+15005550007', 21606],
    ['+15005550008', 21611],
    ['+447700900600', 21606],
  ])('From %s is refused with %i', async (from, code) => {
    const send = testClient().messages.create({ to: '+447700900123', from, body: 'x' });
    await expect(send).rejects.toMatchObject({ status: 400, code });
  });

  test('a valid test send is queued, texts no one and cannot be fetched', async () => {
    const sent = await testClient().messages.create({
      to: '+447700900127',
      from: simulator.twilio.testFrom,
      body: 'Test mode',
      statusCallback: receiver.url,
    });

    expect(sent.status).toBe('queued');
    await expect(testClient().messages(sent.sid).fetch()).rejects.toMatchObject({
      status: 403,
      code: 20008,
    });
  });
});

/** The callback carrying the final status of `sid`, once it has come. */
function callbackFor(sid: string) {
  return receiver.received.find(
    (r) => r.body['MessageSid'] === sid && r.body['MessageStatus'] === 'delivered',
  );
}
