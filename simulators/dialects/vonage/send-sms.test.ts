import { Agent, request } from 'undici';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { vonageSignature } from '../../../providers/vonage/signature.ts';
import { startSimulator, type ProfileName, type StartedSimulator } from '../../index.ts';
import { startReceiver, type TestReceiver } from '../../test-support/callback-receiver.ts';
import { sendForm, setAccountCallback } from '../../test-support/vonage-http.ts';

let simulator: StartedSimulator | undefined;
let receiver: TestReceiver | undefined;

afterEach(async () => {
  await simulator?.stop();
  await receiver?.close();
  simulator = undefined;
  receiver = undefined;
});

async function start(profile: ProfileName = 'compliant') {
  simulator = await startSimulator({ timeScale: 1000, profile });
  receiver = await startReceiver();
  return { sim: simulator, rec: receiver };
}

/** The receipt about `messageId`, once it has come. */
async function receiptFor(rec: TestReceiver, messageId: string) {
  await vi.waitFor(
    () => expect(rec.received.some((r) => r.body['messageId'] === messageId)).toBe(true),
    { timeout: 5_000, interval: 10 },
  );
  return rec.received.find((r) => r.body['messageId'] === messageId);
}

describe('the documented form', () => {
  test('form fields with the key and secret are accepted: HTTP 200, status 0, priced', async () => {
    const { sim } = await start();

    const reply = await sendForm(sim, { to: '447700900123', 'client-ref': 'ref-1' });

    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      'message-count': '1',
      messages: [
        {
          to: '447700900123',
          'message-id': expect.stringMatching(/^[0-9A-F]{16}$/),
          status: '0',
          'remaining-balance': '99.96670000',
          'message-price': '0.03330000',
          network: '23410',
          'client-ref': 'ref-1',
        },
      ],
    });
  });

  test('a long text is one message per part, each with its own id', async () => {
    const { sim } = await start();

    const reply = await sendForm(sim, { to: '447700900123', text: 'x'.repeat(161) });

    const ids = reply.json.messages.map((m) => m['message-id']);
    expect(reply.json['message-count']).toBe('2');
    expect(new Set(ids).size).toBe(2);
    expect(reply.json.messages.map((m) => m['remaining-balance'])).toEqual([
      '99.96670000',
      '99.93340000',
    ]);
  });

  test.each([
    [{ api_secret: 'wrong' }, '4', 'Bad Credentials'],
    [{ api_key: undefined }, '2', 'Missing api_key'],
    [{ to: undefined }, '2', 'Missing to param'],
    [{ to: '447700900123', text: undefined }, '2', 'Missing text param'],
    [{ to: '44 7700' }, '3', 'Invalid to param: international digits, 7 to 15'],
    [{ to: '447700900123', type: 'binary' }, '3', expect.stringContaining('Invalid type param')],
    [{ to: '447911123456' }, '29', 'Non-Whitelisted Destination - rejected'],
    [{ to: '999999999' }, '6', expect.stringContaining('Invalid Message')],
    [{ to: '447700900123', from: 'Acme Callcentre' }, '15', 'Illegal Sender Address - rejected'],
    [{ to: '447700900123', callback: 'not a url' }, '23', 'Invalid Callback Url'],
    [{ to: '447700900123', 'client-ref': 'r'.repeat(41) }, '3', expect.any(String)],
  ])('%o is refused with HTTP 200 and status %s', async (form, status, errorText) => {
    const { sim } = await start();

    const reply = await sendForm(sim, form);

    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      'message-count': '1',
      messages: [{ status, 'error-text': errorText }],
    });
  });

  test('an account out of credit is refused with status 9', async () => {
    const { sim } = await start();
    const reply = await request(`${sim.controlUrl}/vonage/balance`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ balance: 0.01 }),
    });
    await reply.body.dump();

    const refused = await sendForm(sim, { to: '447700900123' });

    expect(refused.json.messages[0]).toEqual({
      status: '9',
      'error-text': 'Partner quota exceeded',
    });
  });
});

describe('delivery receipts', () => {
  test('a signed JSON receipt to the send’s callback, with the documented fields', async () => {
    const { sim, rec } = await start();
    const sent = await sendForm(sim, { to: '447700900123', callback: rec.url, 'client-ref': 'r1' });
    const id = sent.json.messages[0]?.['message-id'] ?? '';

    const receipt = await receiptFor(rec, id);

    expect(receipt?.headers['content-type']).toBe('application/json');
    const params = receipt?.body as Record<string, string>;
    expect(params).toEqual({
      msisdn: '447700900123',
      to: 'ASSURE',
      'network-code': '23410',
      messageId: id,
      price: '0.03330000',
      status: 'delivered',
      scts: expect.stringMatching(/^\d{10}$/),
      'err-code': '0',
      'api-key': sim.vonage.apiKey,
      'client-ref': 'r1',
      'message-timestamp': expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      timestamp: expect.stringMatching(/^\d+$/),
      nonce: expect.any(String),
      sig: expect.any(String),
    });
    const { sig, ...signed } = params;
    expect(sig).toBe(vonageSignature(signed, sim.vonage.signatureSecret, 'sha256'));
  });

  test.each([
    ['447700900002', 'failed', '3'],
    ['447700900003', 'failed', '2'],
  ])('a text to %s ends %s with err-code %s and no scts', async (to, status, errCode) => {
    const { sim, rec } = await start();
    const sent = await sendForm(sim, { to, callback: rec.url });

    const receipt = await receiptFor(rec, sent.json.messages[0]?.['message-id'] ?? '');

    expect(receipt?.body).toMatchObject({ status, 'err-code': errCode });
    expect(receipt?.body).not.toHaveProperty('scts');
  });

  test('without a callback of its own, the receipt goes to the account URL as a form', async () => {
    const { sim, rec } = await start();
    expect(await setAccountCallback(sim, rec.url, 'POST')).toBe(200);
    const sent = await sendForm(sim, { to: '447700900123' });

    const receipt = await receiptFor(rec, sent.json.messages[0]?.['message-id'] ?? '');

    expect(receipt?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(receipt?.body['status']).toBe('delivered');
  });

  test('status-report-req false asks for no receipt', async () => {
    const { sim, rec } = await start();
    await setAccountCallback(sim, rec.url);
    await sendForm(sim, { to: '447700900123', 'status-report-req': 'false' });
    const sent = await sendForm(sim, { to: '447700900124' });

    await receiptFor(rec, sent.json.messages[0]?.['message-id'] ?? '');
    expect(rec.received).toHaveLength(1);
  });

  test('under unauthenticated-callbacks a receipt carries no sig, timestamp or nonce', async () => {
    const { sim, rec } = await start('unauthenticated-callbacks');
    const sent = await sendForm(sim, { to: '447700900123', callback: rec.url });

    const receipt = await receiptFor(rec, sent.json.messages[0]?.['message-id'] ?? '');

    expect(receipt?.body).not.toHaveProperty('sig');
    expect(receipt?.body).not.toHaveProperty('timestamp');
    expect(receipt?.body).not.toHaveProperty('nonce');
  });

  test('under temporary-as-permanent an unreachable handset is err-code 3', async () => {
    const { sim, rec } = await start('temporary-as-permanent');
    const sent = await sendForm(sim, { to: '447700900003', callback: rec.url });

    const receipt = await receiptFor(rec, sent.json.messages[0]?.['message-id'] ?? '');

    expect(receipt?.body).toMatchObject({ status: 'failed', 'err-code': '3' });
  });

  test('an http:// account receipt URL is refused where the simulator serves TLS', async () => {
    simulator = await startSimulator({ timeScale: 1000, transport: 'https' });
    const reply = await request(`${simulator.controlUrl}/vonage/callback`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'http://127.0.0.1:9/dlr' }),
      dispatcher: new Agent({ connect: { ca: simulator.ca ?? '' } }),
    });

    expect(reply.statusCode).toBe(400);
    expect(await reply.body.text()).toContain('must be https');
  });
});
