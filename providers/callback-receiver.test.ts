import { request } from 'undici';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { startCallbackReceiver, type StartedReceiver } from './callback-receiver.ts';
import { trusting } from './http/trusted-agent.ts';
import { NotifyCallbackAuthority } from './notify/callback-authority.ts';
import { DeclarativeCallbackAuthority } from './declarative/callback-authority.ts';
import { CREDENTIALS, example } from './declarative/fixtures.ts';
import { NOTIFICATION_ID } from './notify/fixtures/documented-shapes.ts';
import { VonageCallbackAuthority } from './vonage/callback-authority.ts';
import { DELIVERED_RECEIPT } from './vonage/fixtures/documented-shapes.ts';
import { vonageSignature } from './vonage/signature.ts';

const TOKEN = 'receiver-test-token';
const BODY = JSON.stringify({
  id: NOTIFICATION_ID,
  reference: null,
  to: '07700900123',
  status: 'permanent-failure',
  created_at: '2026-12-04T10:00:00.000000Z',
  completed_at: '2026-12-04T10:00:05.000000Z',
  sent_at: '2026-12-04T10:00:01.000000Z',
  notification_type: 'sms',
});

let receiver: StartedReceiver;

beforeEach(async () => {
  receiver = await startCallbackReceiver();
  receiver.register('sim', new NotifyCallbackAuthority(TOKEN));
});

afterEach(() => receiver.stop());

async function post(body: string, headers: Record<string, string>) {
  const reply = await request(`${receiver.baseUrl}/callbacks/sim`, {
    ...trusting([receiver.ca]),
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  await reply.body.dump();
  return reply.statusCode;
}

test('answers 200 to an authenticated receipt, twice for a duplicate', async () => {
  expect(await post(BODY, { authorization: `Bearer ${TOKEN}` })).toBe(200);
  expect(await post(BODY, { authorization: `Bearer ${TOKEN}` })).toBe(200);

  const received = receiver.received('sim');
  expect(received).toHaveLength(2);
  expect(received[0]).toMatchObject({
    authenticated: true,
    receipt: { messageId: NOTIFICATION_ID, status: 'permanent-failure' },
  });
});

test('answers 401 without the token but still records what the receipt said', async () => {
  expect(await post(BODY, {})).toBe(401);

  expect(receiver.received('sim')[0]).toMatchObject({
    authenticated: false,
    rejection: { code: 'callback_unauthenticated' },
    receipt: { status: 'permanent-failure' },
  });
});

test('answers 400 to an unreadable body and 404 to an unknown target', async () => {
  expect(await post('{not json', { authorization: `Bearer ${TOKEN}` })).toBe(400);

  const reply = await request(`${receiver.baseUrl}/callbacks/nobody`, {
    ...trusting([receiver.ca]),
    method: 'POST',
    body: '',
  });
  await reply.body.dump();
  expect(reply.statusCode).toBe(404);
});

test('lets a worker read verdicts only with the inspect token, without raw bodies', async () => {
  await post(BODY, { authorization: `Bearer ${TOKEN}` });
  const url = `${receiver.baseUrl}/inspect/sim?messageId=${NOTIFICATION_ID}`;

  const refused = await request(url, trusting([receiver.ca]));
  await refused.body.dump();
  const allowed = await request(url, {
    ...trusting([receiver.ca]),
    headers: { 'x-inspect-token': receiver.inspectToken },
  });
  const { callbacks } = (await allowed.body.json()) as { callbacks: object[] };

  expect(refused.statusCode).toBe(403);
  expect(callbacks).toHaveLength(1);
  expect(callbacks[0]).not.toHaveProperty('body');
  expect(callbacks[0]).not.toHaveProperty('headers');
});

test('acks a receipt for a text nobody sent, so the supplier stops resending (BR-24)', async () => {
  const unknown = BODY.replace(NOTIFICATION_ID, '00000000-0000-4000-8000-000000000000');

  expect(await post(unknown, { authorization: `Bearer ${TOKEN}` })).toBe(200);
});

test('acks a replayed signed callback but marks it, so nothing counts it twice', async () => {
  const secret = 'receiver-test-signature-secret';
  receiver.register('vonage', new VonageCallbackAuthority({ signatureSecret: secret }));
  const params = { ...DELIVERED_RECEIPT, timestamp: String(Math.floor(Date.now() / 1000)) };
  const stamped = { ...params, nonce: 'receiver-nonce-1' };
  const body = JSON.stringify({ ...stamped, sig: vonageSignature(stamped, secret, 'md5hash') });
  const send = async () => {
    const reply = await request(`${receiver.baseUrl}/callbacks/vonage`, {
      ...trusting([receiver.ca]),
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await reply.body.dump();
    return reply.statusCode;
  };

  expect([await send(), await send()]).toEqual([200, 200]);
  expect(receiver.received('vonage').map((r) => r.replayed ?? false)).toEqual([false, true]);
});

test('takes a receipt delivered as GET with a query string, as Kannel sends them', async () => {
  const authority = new DeclarativeCallbackAuthority(await example('kannel'), CREDENTIALS);
  receiver.register('kannel', authority);

  const url = `${receiver.baseUrl}/callbacks/kannel?ref=R1&status=1`;
  const bare = await request(url, trusting([receiver.ca]));
  await bare.body.dump();
  const tokened = await request(`${url}&token=${CREDENTIALS.dlrToken}`, trusting([receiver.ca]));
  await tokened.body.dump();

  expect([bare.statusCode, tokened.statusCode]).toEqual([401, 200]);
  expect(receiver.received('kannel')).toMatchObject([
    { authenticated: false, receipt: { messageId: 'R1', status: 'delivered' } },
    { authenticated: true, receipt: { messageId: 'R1', status: 'delivered' } },
  ]);
});
test('records whether a callback came over TLS; the plain listener catches the rest', async () => {
  const plain = await request(`${receiver.plainBaseUrl}/callbacks/sim`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: BODY,
  });
  await plain.body.dump();
  await post(BODY, { authorization: `Bearer ${TOKEN}` });

  expect(plain.statusCode).toBe(200);
  expect(receiver.received('sim').map((r) => r.overTls)).toEqual([false, true]);
});

test('serves HTTPS that a client trusting only the system authorities refuses', async () => {
  expect(receiver.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  await expect(request(`${receiver.baseUrl}/callbacks/sim`)).rejects.toMatchObject({
    code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  });
});

test('never shows what arrived to a reader over plain HTTP', async () => {
  const reply = await request(`${receiver.plainBaseUrl}/inspect/sim`, {
    headers: { 'x-inspect-token': receiver.inspectToken },
  });
  await reply.body.dump();
  expect(reply.statusCode).toBe(404);
});
