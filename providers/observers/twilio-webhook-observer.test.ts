import { request } from 'undici';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { startCallbackReceiver, type StartedReceiver } from '../callback-receiver.ts';
import { trusting } from '../http/trusted-agent.ts';
import { TwilioCallbackAuthority } from '../twilio/callback-authority.ts';
import { twilioSignature } from '../twilio/signature.ts';
import { TwilioWebhookObserver } from './twilio-webhook-observer.ts';

const ACCOUNT = { accountSid: `AC${'a1'.repeat(16)}`, authToken: 'observer-auth-token' };
const KEY = 'council.truth';
const NUMBER = '+447700900600';

let receiver: StartedReceiver;

beforeEach(async () => {
  receiver = await startCallbackReceiver();
  receiver.register(KEY, new TwilioCallbackAuthority(ACCOUNT, webhookUrl()));
});

afterEach(() => receiver.stop());

function webhookUrl(): string {
  return `${receiver.baseUrl}/callbacks/${KEY}/inbound`;
}

function form(body: string, fields: Record<string, string> = {}): Record<string, string> {
  const sid = `SM${'b2'.repeat(16)}`;
  const base = { AccountSid: ACCOUNT.accountSid, MessageSid: sid, From: 'ExampleCncl' };
  return { ...base, To: NUMBER, Body: body, ...fields };
}

/** Posts the webhook as Twilio would, signed under `token` (none: unsigned). */
async function post(params: Record<string, string>, token?: string): Promise<number> {
  const signature = token
    ? { 'x-twilio-signature': twilioSignature(token, webhookUrl(), params) }
    : {};
  const reply = await request(webhookUrl(), {
    ...trusting([receiver.ca]),
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...signature },
    body: new URLSearchParams(params).toString(),
  });
  await reply.body.dump();
  return reply.statusCode;
}

function observer(): TwilioWebhookObserver {
  return new TwilioWebhookObserver({
    number: NUMBER,
    inspectUrl: `${receiver.baseUrl}/inspect/${KEY}`,
    inspectToken: receiver.inspectToken,
    ca: [receiver.ca],
  });
}

const probe = (token: string) => [{ token, to: NUMBER }];

test('a webhook signed with the Auth Token is an arrival, with its sender and number', async () => {
  expect(await post(form('a1b2c3 Example Council: bin day'), ACCOUNT.authToken)).toBe(200);

  const seen = await observer().look(probe('a1b2c3'));
  expect(seen.get('a1b2c3')).toMatchObject({
    from: 'ExampleCncl',
    to: NUMBER,
    text: 'a1b2c3 Example Council: bin day',
  });
});

test('an unsigned webhook is refused and is no arrival', async () => {
  expect(await post(form('a1b2c3 unsigned'))).toBe(401);
  expect((await observer().look(probe('a1b2c3'))).size).toBe(0);
});

test('a webhook signed under another token is refused and is no arrival', async () => {
  expect(await post(form('a1b2c3 forged'), 'a-guessed-token')).toBe(401);
  expect((await observer().look(probe('a1b2c3'))).size).toBe(0);
});

test('a signed webhook for another account is refused and is no arrival', async () => {
  const other = form('a1b2c3 elsewhere', { AccountSid: `AC${'0'.repeat(32)}` });
  expect(await post(other, ACCOUNT.authToken)).toBe(400);
  expect((await observer().look(probe('a1b2c3'))).size).toBe(0);
});

test('texts go to the observed number only', () => {
  expect(new Set(observer().destinations(5))).toEqual(new Set([NUMBER]));
});
