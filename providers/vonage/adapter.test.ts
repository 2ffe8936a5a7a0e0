import { describe, expect, test } from 'vitest';
import {
  CredentialsError,
  ProviderResponseError,
  TargetSetupError,
  TransportError,
} from '../../core/errors.ts';
import { Redactor } from '../../core/redact.ts';
import { useMockSupplier } from '../http/test-support/mock-supplier.ts';
import { VonageAdapter } from './adapter.ts';
import {
  API_KEY,
  API_SECRET,
  MESSAGE_ID,
  SENT_ONE_PART,
  SENT_TWO_PARTS,
  refused,
} from './fixtures/documented-shapes.ts';

const BASE = 'https://rest.nexmo.com';
const JSON_HEADERS = { 'content-type': 'application/json' };
const SEND = { to: '07700900123', body: 'sms-assure test 1a2b', reference: 'assure-ref-1' };

const supplier = useMockSupplier();

function adapter(callbackUrl?: string) {
  const redactor = new Redactor().secret(API_SECRET).number('07700900123');
  const client = supplier.client(redactor);
  return new VonageAdapter({
    baseUrl: BASE,
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    from: 'ACMEALERTS',
    ...(callbackUrl ? { callbackUrl } : {}),
    client,
  });
}

function replyToSend(status: number, body: unknown) {
  supplier.agent
    .get(BASE)
    .intercept({ path: '/sms/json', method: 'POST' })
    .reply(status, JSON.stringify(body), { headers: JSON_HEADERS });
}

/** Answers the next send with `reply` and keeps the JSON body it carried. */
function captureSend(reply: object) {
  const seen = { body: {} as Record<string, unknown> };
  supplier.agent
    .get(BASE)
    .intercept({ path: '/sms/json', method: 'POST' })
    .reply((options) => {
      seen.body = JSON.parse(String(options.body)) as Record<string, unknown>;
      return { statusCode: 200, data: JSON.stringify(reply), responseOptions: {} };
    });
  return seen;
}

describe('send', () => {
  test('posts kebab-case JSON with basic auth, as the SDK does, and reads the id', async () => {
    let body: Record<string, unknown> = {};
    let authorization = '';
    supplier.agent
      .get(BASE)
      .intercept({ path: '/sms/json', method: 'POST' })
      .reply((options) => {
        body = JSON.parse(String(options.body)) as Record<string, unknown>;
        authorization = String((options.headers as Record<string, string>)['authorization']);
        return { statusCode: 200, data: JSON.stringify(SENT_ONE_PART), responseOptions: {} };
      });

    const sent = await adapter('https://hooks.example.com/dlr').send(SEND);

    expect(sent).toEqual({ id: MESSAGE_ID, status: 'accepted', providerStatus: 'status 0' });
    expect(body).toEqual({
      from: 'ACMEALERTS',
      to: '447700900123',
      text: SEND.body,
      type: 'text',
      'client-ref': 'assure-ref-1',
      'status-report-req': true,
      callback: 'https://hooks.example.com/dlr',
    });
    expect(authorization).toBe(
      `Basic ${Buffer.from(`${API_KEY}:${API_SECRET}`).toString('base64')}`,
    );
  });

  test('asks for unicode beyond GSM-7, and takes the first part of a long text', async () => {
    const seen = captureSend(SENT_TWO_PARTS);

    const sent = await adapter().send({ ...SEND, body: 'Diolch yn fawr – ŵ ŷ' });

    expect(seen.body['type']).toBe('unicode');
    expect(sent.id).toBe(MESSAGE_ID);
  });

  test('a reference longer than client-ref’s 40 characters is sent as its last 40', async () => {
    const seen = captureSend(SENT_ONE_PART);
    const reference = 'assure-run-20261204T154003Z-3fa9-a1b2c3d4e5f6';

    await adapter().send({ ...SEND, reference });

    expect(seen.body['client-ref']).toBe(reference.slice(-40));
    expect(String(seen.body['client-ref']).endsWith('a1b2c3d4e5f6')).toBe(true);
  });

  test('keeps the secret out of the recorded exchange', async () => {
    replyToSend(200, SENT_ONE_PART);

    await adapter().send(SEND);

    const recorded = JSON.stringify(supplier.exchanges);
    expect(recorded).not.toContain(API_SECRET);
    expect(recorded).not.toContain(Buffer.from(`${API_KEY}:${API_SECRET}`).toString('base64'));
  });

  test.each([
    ['4', 'Bad Credentials', CredentialsError],
    ['14', 'Invalid Signature', CredentialsError],
    ['9', 'Partner quota violation', TargetSetupError],
    ['29', 'Non-Whitelisted Destination', TargetSetupError],
    ['3', 'Invalid Message', ProviderResponseError],
    ['1', 'Throughput Rate Exceeded', ProviderResponseError],
  ])('a refusal with HTTP 200 and status %s (%s) is a %o', async (status, text, kind) => {
    replyToSend(200, refused(status, text));

    await expect(adapter().send(SEND)).rejects.toBeInstanceOf(kind);
  });

  test('status 0 without a message-id is a fault of the supplier naming the field', async () => {
    replyToSend(200, { 'message-count': '1', messages: [{ status: '0' }] });

    await expect(adapter().send(SEND)).rejects.toMatchObject({
      code: 'response_shape',
      path: 'messages.0.message-id',
    });
  });

  test('a body that is not the documented shape is a supplier fault with the path', async () => {
    replyToSend(200, { messages: [] });

    await expect(adapter().send(SEND)).rejects.toMatchObject({ code: 'response_shape' });
  });

  test('a refused connection is a transport error, not a supplier fault', async () => {
    supplier.agent
      .get(BASE)
      .intercept({ path: '/sms/json', method: 'POST' })
      .replyWithError(new Error('connect ECONNREFUSED'));

    await expect(adapter().send(SEND)).rejects.toBeInstanceOf(TransportError);
  });
});

test('status and list say there is no lookup: a set-up problem, not a supplier fault', async () => {
  await expect(adapter().status(MESSAGE_ID)).rejects.toBeInstanceOf(TargetSetupError);
  await expect(adapter().list({})).rejects.toThrow(/receipts come only by webhook/);
  expect(await adapter().inbound()).toEqual([]);
});
