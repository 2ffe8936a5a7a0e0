import { afterAll, beforeAll, expect, test } from 'vitest';
import { Agent, request } from 'undici';
import { HarnessError, TargetSetupError, TransportError } from '../../core/errors.ts';
import { Redactor } from '../../core/redact.ts';
import { useMockSupplier } from '../http/test-support/mock-supplier.ts';
import { VonageAdapter } from './adapter.ts';
import { startCallbackReceiver, type StartedReceiver } from '../callback-receiver.ts';
import { VonageCallbackAuthority } from './callback-authority.ts';
import {
  API_KEY,
  API_SECRET,
  DELIVERED_RECEIPT,
  SIGNATURE_SECRET,
} from './fixtures/documented-shapes.ts';
import { ReceiptLedger } from './receipt-ledger.ts';
import { vonageSignature } from './signature.ts';

let receiver: StartedReceiver;
let ledger: ReceiptLedger;

beforeAll(async () => {
  receiver = await startCallbackReceiver();
  receiver.register(
    'vonage',
    new VonageCallbackAuthority({ signatureSecret: SIGNATURE_SECRET, signatureMethod: 'sha256' }),
  );
  ledger = new ReceiptLedger(inspection(receiver.inspectToken));
});

afterAll(async () => {
  await receiver.stop();
});

function inspection(inspectToken: string) {
  return {
    inspectUrl: `${receiver.baseUrl}/inspect/vonage`,
    inspectToken,
    trustedCa: [receiver.ca],
  };
}

/** Posts a receipt to the receiver as Vonage would, signed unless told otherwise. */
async function post(params: Record<string, string>, sign = true) {
  const stamped = {
    ...params,
    timestamp: String(Math.floor(Date.now() / 1000)),
    nonce: `${Math.random()}`,
  };
  const body = sign
    ? { ...stamped, sig: vonageSignature(stamped, SIGNATURE_SECRET, 'sha256') }
    : params;
  const reply = await request(`${receiver.baseUrl}/callbacks/vonage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    dispatcher: new Agent({ connect: { ca: receiver.ca } }),
  });
  await reply.body.dump();
  return reply.statusCode;
}

test('a message’s status is its newest final receipt, with Vonage’s words kept', async () => {
  const messageId = '0A00000000000A01';
  await post({ ...DELIVERED_RECEIPT, messageId, status: 'failed', 'err-code': '2' });
  await post({ ...DELIVERED_RECEIPT, messageId, status: 'accepted', 'err-code': '0' });

  expect(await ledger.stateOf(messageId)).toEqual({
    id: messageId,
    status: 'temporary-failure',
    providerStatus: 'failed (err-code 2)',
    reference: 'assure-ref-1',
    price: { segments: 1, perSegment: 0.0333, multiplier: 1, total: 0.0333 },
  });
});

test('unknown before any receipt; sending after an interim one', async () => {
  const messageId = '0A00000000000B01';
  expect(await ledger.stateOf(messageId)).toBeUndefined();

  await post({ ...DELIVERED_RECEIPT, messageId, status: 'buffered', 'err-code': '0' });

  expect(await ledger.stateOf(messageId)).toMatchObject({ status: 'sending' });
});

test('an unsigned receipt is refused, yet still says what Vonage reported', async () => {
  const messageId = '0A00000000000C01';

  expect(await post({ ...DELIVERED_RECEIPT, messageId }, false)).toBe(401);
  expect(await ledger.stateOf(messageId)).toMatchObject({ status: 'delivered' });
  const judged = receiver.received('vonage').find((r) => r.receipt?.messageId === messageId);
  expect(judged).toMatchObject({
    authenticated: false,
    rejection: { code: 'callback_unauthenticated' },
  });
});

test('an unreadable receiver is the harness’s failure, not the supplier’s', async () => {
  const blind = new ReceiptLedger(inspection('not-the-token'));

  await expect(blind.stateOf('0A00000000000D01')).rejects.toBeInstanceOf(HarnessError);
});

const supplier = useMockSupplier('https://rest.nexmo.com');

test('a broken-off send is settled by receipts echoing its client-ref, in time', async () => {
  const adapter = new VonageAdapter({
    baseUrl: 'https://rest.nexmo.com',
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    from: 'ACMEALERTS',
    receipts: ledger,
    receiptWaitMs: 300,
    client: supplier.client(new Redactor()),
  });
  supplier.agent
    .get('https://rest.nexmo.com')
    .intercept({ path: '/sms/json', method: 'POST' })
    .replyWithError(new Error('socket hang up'));
  const reference = 'assure-run-20261204T154003Z-3fa9-0123456789ab';
  const send = { to: '07700900123', body: 'in doubt', reference };

  await expect(adapter.send(send)).rejects.toBeInstanceOf(TransportError);
  await expect(adapter.list({ reference })).rejects.toBeInstanceOf(TargetSetupError);
  await new Promise((resolve) => setTimeout(resolve, 350));
  expect(await adapter.list({ reference })).toEqual({ messages: [] });

  const messageId = '0A00000000000E01';
  await post({ ...DELIVERED_RECEIPT, messageId, 'client-ref': reference.slice(-40) });
  expect(await adapter.list({ reference })).toEqual({
    messages: [expect.objectContaining({ id: messageId, status: 'delivered', reference })],
  });
  await expect(adapter.list({ status: 'delivered' })).rejects.toThrow(/no message lookup/);
});
