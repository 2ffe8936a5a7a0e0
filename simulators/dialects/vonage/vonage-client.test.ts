import { MessageSendPartialFailure, SMS, TypeEnum } from '@vonage/sms';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { startSimulator, type StartedSimulator } from '../../index.ts';
import { startReceiver, type TestReceiver } from '../../test-support/callback-receiver.ts';

/**
 * Vonage's official SMS client (@vonage/sms 1.21.0, the last release that declares Node 20)
 * against the simulator, given only its address and the account's key and secret: it sends
 * JSON with basic auth, reads the per-message statuses, and its own signature check accepts
 * the simulator's signed receipts.
 */

let simulator: StartedSimulator;
let receiver: TestReceiver;
let sms: SMS;

beforeAll(async () => {
  simulator = await startSimulator({ timeScale: 1000 });
  receiver = await startReceiver();
  const { apiKey, apiSecret } = simulator.vonage;
  sms = new SMS({ apiKey, apiSecret }, { restHost: simulator.baseUrl });
});

afterAll(async () => {
  await simulator.stop();
  await receiver.close();
});

test('the client sends and reads the accepted message, its id, price and reference', async () => {
  const sent = await sms.send({
    to: '447700900123',
    from: simulator.vonage.from,
    text: 'sms-assure client test',
    clientRef: 'client-ref-1',
  });

  expect(sent.messages).toHaveLength(1);
  expect(sent.messages[0]).toMatchObject({
    status: '0',
    messageId: expect.stringMatching(/^[0-9A-F]{16}$/),
    messagePrice: '0.03330000',
    clientRef: 'client-ref-1',
  });
});

test('a long unicode text comes back as its parts', async () => {
  const sent = await sms.send({
    to: '447700900123',
    from: simulator.vonage.from,
    text: 'Diolch – ŵ ŷ '.repeat(8),
    type: TypeEnum.UNICODE,
  });

  expect(sent.messages.map((m) => m.status)).toEqual(['0', '0']);
});

test('a refusal with HTTP 200 is thrown by the client with the status and error-text', async () => {
  const wrong = new SMS(
    { apiKey: simulator.vonage.apiKey, apiSecret: 'not-the-secret' },
    {
      restHost: simulator.baseUrl,
    },
  );

  const refused = wrong.send({ to: '447700900123', from: 'ASSURE', text: 'x' });

  await expect(refused).rejects.toBeInstanceOf(MessageSendPartialFailure);
  await expect(refused).rejects.toMatchObject({
    response: { messages: [{ status: '4', errorText: 'Bad Credentials' }] },
  });
});

test('the client’s own check takes the signed receipt and refuses it altered', async () => {
  const sent = await sms.send({
    to: '447700900123',
    from: simulator.vonage.from,
    text: 'receipt please',
    callback: receiver.url,
  });
  const id = sent.messages[0]?.messageId;

  await vi.waitFor(
    () => expect(receiver.received.some((r) => r.body['messageId'] === id)).toBe(true),
    { timeout: 5_000, interval: 10 },
  );
  const params = receiver.received.find((r) => r.body['messageId'] === id)?.body as Record<
    string,
    string
  >;
  const { signatureSecret } = simulator.vonage;
  const sig = params['sig'] ?? '';
  // @vonage/auth's AlgorithmTypes.sha256hmac; that package comes only through @vonage/sms.
  const sha256 = 'SHA256HMAC' as Parameters<SMS['verifySignature']>[3];

  expect(sms.verifySignature(sig, params, signatureSecret, sha256)).toBe(true);
  const altered = { ...params, status: 'failed' };
  expect(sms.verifySignature(sig, altered, signatureSecret, sha256)).toBe(false);
});
