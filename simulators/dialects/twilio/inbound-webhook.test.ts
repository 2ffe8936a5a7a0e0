import twilio from 'twilio';
import { request } from 'undici';
import { describe, expect, test, vi } from 'vitest';
import { startSimulator, type ProfileName, type StartedSimulator } from '../../index.ts';
import { startReceiver } from '../../test-support/callback-receiver.ts';
import { messagesPath, twilioCall } from '../../test-support/twilio-http.ts';

/**
 * A handset's text to the account's own number, as Twilio hands it on: the number's SmsUrl is set
 * through the IncomingPhoneNumbers resource with the official client, the webhook is a form
 * its validator accepts, and the text is listed among the account's Messages as inbound.
 */
const HANDSET = '+447700900321';

function start(profile: ProfileName = 'compliant') {
  return startSimulator({ timeScale: 1000, profile });
}

/** The official client, pointed at the simulator by its documented `baseUrl` override. */
function clientOf(sim: StartedSimulator): twilio.Twilio {
  const client = twilio(sim.twilio.accountSid, sim.twilio.authToken, { autoRetry: false });
  client.api.baseUrl = sim.baseUrl;
  return client;
}

/** Points the owned number's SmsUrl at `url` the way an account does, by its phone number. */
async function pointNumberAt(client: twilio.Twilio, number: string, url: string) {
  const [owned] = await client.incomingPhoneNumbers.list({ phoneNumber: number });
  if (!owned) throw new Error(`the simulator does not list ${number}`);
  return client.incomingPhoneNumbers(owned.sid).update({ smsUrl: url, smsMethod: 'POST' });
}

async function reply(sim: StartedSimulator, text: string, to = sim.twilio.ownedNumber) {
  const sent = await request(`${sim.controlUrl}/handsets/${encodeURIComponent(HANDSET)}/reply`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to, text }),
  });
  await sent.body.dump();
  expect(sent.statusCode).toBe(201);
}

describe('the incoming-message webhook', () => {
  test('the official client finds the owned number and sets its SmsUrl', async () => {
    await using receiver = await startReceiver();
    await using sim = await start();
    const client = clientOf(sim);
    const updated = await pointNumberAt(client, sim.twilio.ownedNumber, receiver.url);

    expect(updated).toMatchObject({
      phoneNumber: sim.twilio.ownedNumber,
      smsUrl: receiver.url,
      smsMethod: 'POST',
      capabilities: { sms: true },
    });
    expect(updated.sid).toMatch(/^PN[0-9a-f]{32}$/);
    const fetched = await client.incomingPhoneNumbers(updated.sid).fetch();
    expect(fetched.smsUrl).toBe(receiver.url);
  });

  test('a reply is posted as a form the package’s validateRequest accepts', async () => {
    await using receiver = await startReceiver();
    await using sim = await start();
    const client = clientOf(sim);
    const url = `${receiver.url}?tenant=a`;
    await pointNumberAt(client, sim.twilio.ownedNumber, url);
    await reply(sim, 'BIN it was not collected');

    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 5_000 });
    const [webhook] = receiver.received;
    const params = webhook?.body as Record<string, string>;
    expect(webhook?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(params).toMatchObject({
      AccountSid: sim.twilio.accountSid,
      ApiVersion: '2010-04-01',
      Body: 'BIN it was not collected',
      From: HANDSET,
      FromCountry: 'GB',
      NumMedia: '0',
      NumSegments: '1',
      SmsStatus: 'received',
      To: sim.twilio.ownedNumber,
      ToCountry: 'GB',
    });
    expect(params['MessageSid']).toMatch(/^SM[0-9a-f]{32}$/);
    expect(params['SmsSid']).toBe(params['MessageSid']);
    const signature = String(webhook?.headers['x-twilio-signature']);
    expect(twilio.validateRequest(sim.twilio.authToken, signature, url, params)).toBe(true);
    const forged = { ...params, Body: 'PARK' };
    expect(twilio.validateRequest(sim.twilio.authToken, signature, url, forged)).toBe(false);
  });

  test('with SmsMethod GET the keys come in a signed query string', async () => {
    await using receiver = await startReceiver();
    await using sim = await start();
    const [owned] = await clientOf(sim).incomingPhoneNumbers.list({ limit: 1 });
    await clientOf(sim)
      .incomingPhoneNumbers(owned?.sid ?? '')
      .update({ smsUrl: receiver.url, smsMethod: 'GET' });
    await reply(sim, 'by GET');

    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 5_000 });
    const [webhook] = receiver.received;
    expect(webhook?.raw).toBe('');
    expect(webhook?.body).toMatchObject({ Body: 'by GET', From: HANDSET, SmsStatus: 'received' });
    const calledUrl = `http://127.0.0.1:${new URL(receiver.url).port}${webhook?.path}`;
    const signature = String(webhook?.headers['x-twilio-signature']);
    expect(twilio.validateRequest(sim.twilio.authToken, signature, calledUrl, {})).toBe(true);
  });

  test('the reply is an inbound Message, listed and fetched by its SID', async () => {
    await using receiver = await startReceiver();
    await using sim = await start();
    const client = clientOf(sim);
    await pointNumberAt(client, sim.twilio.ownedNumber, receiver.url);
    await reply(sim, 'Thanks, got it');
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 5_000 });
    const sid = String(receiver.received[0]?.body['MessageSid']);

    const listed = await client.messages.list({ to: sim.twilio.ownedNumber });
    expect(listed.map((m) => [m.sid, m.direction, m.status, m.from, m.body])).toEqual([
      [sid, 'inbound', 'received', HANDSET, 'Thanks, got it'],
    ]);
    const fetched = await client.messages(sid).fetch();
    expect(fetched).toMatchObject({ direction: 'inbound', to: sim.twilio.ownedNumber });
    expect(fetched.dateSent).toBeInstanceOf(Date);
  });

  test('sent and received texts share one list, paged newest first', async () => {
    await using sim = await start();
    const path = `${messagesPath(sim)}.json`;
    const form = { To: HANDSET, From: sim.twilio.ownedNumber, Body: 'Your bin day moved' };
    await twilioCall(sim, 'POST', path, { form });
    await reply(sim, 'first');
    await twilioCall(sim, 'POST', path, { form });
    await reply(sim, 'second');

    const seen: string[] = [];
    let next: string | null = `${path}?PageSize=1`;
    while (next) {
      const page = await twilioCall(sim, 'GET', next);
      const [message] = page.json['messages'] as { direction: string; body: string }[];
      seen.push(`${message?.direction} ${message?.body}`);
      next = page.json['next_page_uri'] as string | null;
    }
    expect(seen).toEqual([
      'inbound second',
      'outbound-api Your bin day moved',
      'inbound first',
      'outbound-api Your bin day moved',
    ]);
  });

  test('without an SmsUrl the text is still logged, and nothing is posted', async () => {
    await using receiver = await startReceiver();
    await using sim = await start();
    const client = clientOf(sim);
    await reply(sim, 'no webhook yet');

    const listed = await client.messages.list({ to: sim.twilio.ownedNumber });
    expect(listed.map((m) => m.body)).toEqual(['no webhook yet']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toEqual([]);
  });

  test('unauthenticated-callbacks: the webhook comes without its signature', async () => {
    await using receiver = await startReceiver();
    await using sim = await start('unauthenticated-callbacks');
    const client = clientOf(sim);
    await pointNumberAt(client, sim.twilio.ownedNumber, receiver.url);
    await reply(sim, 'unsigned');

    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 5_000 });
    expect(receiver.received[0]?.body['Body']).toBe('unsigned');
    expect(receiver.received[0]?.headers['x-twilio-signature']).toBeUndefined();
  });

  test('replies-dropped: the handset sent it, and the account never hears of it', async () => {
    await using receiver = await startReceiver();
    await using sim = await start('replies-dropped');
    const client = clientOf(sim);
    await pointNumberAt(client, sim.twilio.ownedNumber, receiver.url);
    await reply(sim, 'lost');

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toEqual([]);
    expect(await client.messages.list({ to: sim.twilio.ownedNumber })).toEqual([]);
  });

  test('an SmsUrl that is not a web address is refused in Twilio’s error shape', async () => {
    await using sim = await start();
    const { sid } = (await twilioCall(sim, 'GET', numbersPath(sim)).then(
      (r) => (r.json['incoming_phone_numbers'] as { sid: string }[])[0],
    )) ?? { sid: '' };
    const refused = await twilioCall(sim, 'POST', `${numbersPath(sim, sid)}`, {
      form: { SmsUrl: 'file:///etc/passwd' },
    });

    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ code: 21502, status: 400 });
  });
});

function numbersPath(sim: StartedSimulator, sid?: string) {
  const base = `/2010-04-01/Accounts/${sim.twilio.accountSid}/IncomingPhoneNumbers`;
  return sid === undefined ? `${base}.json` : `${base}/${sid}.json`;
}
