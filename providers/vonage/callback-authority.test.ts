import { describe, expect, test } from 'vitest';
import type { IncomingCallback } from '../contract.ts';
import { VonageCallbackAuthority } from './callback-authority.ts';
import {
  DELIVERED_RECEIPT,
  FAILED_RECEIPT_WITHOUT_SCTS,
  INBOUND_TEXT,
  SIGNATURE_SECRET,
} from './fixtures/documented-shapes.ts';
import { vonageSignature } from './signature.ts';

const NOW = Date.parse('2026-12-04T10:15:30Z');
const TIMESTAMP = String(NOW / 1000);

function authority() {
  return new VonageCallbackAuthority({
    signatureSecret: SIGNATURE_SECRET,
    signatureMethod: 'sha256',
    now: () => NOW,
  });
}

function signed(params: Record<string, string>, nonce = 'nonce-1'): Record<string, string> {
  const withStamp = { ...params, timestamp: TIMESTAMP, nonce };
  return { ...withStamp, sig: vonageSignature(withStamp, SIGNATURE_SECRET, 'sha256') };
}

const asJson = (params: object): IncomingCallback => ({
  path: '/callbacks/vonage',
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(params),
});

const asForm = (params: Record<string, string>): IncomingCallback => ({
  path: '/callbacks/vonage',
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(params).toString(),
});

const asQuery = (params: Record<string, string>): IncomingCallback => ({
  path: `/callbacks/vonage?${new URLSearchParams(params).toString()}`,
  method: 'GET',
  headers: {},
  body: '',
});

describe('authentication', () => {
  test.each([
    ['JSON', asJson],
    ['form', asForm],
    ['query string', asQuery],
  ])('accepts a correctly signed receipt sent as %s', (_format, as) => {
    expect(authority().authenticate(as(signed(DELIVERED_RECEIPT)))).toEqual({ ok: true });
  });

  test('refuses a receipt whose status was changed after signing', () => {
    const forged = { ...signed(DELIVERED_RECEIPT), status: 'failed' };

    expect(authority().authenticate(asJson(forged))).toMatchObject({
      ok: false,
      code: 'callback_bad_signature',
    });
  });

  test('refuses an unsigned receipt, and every receipt when no secret is configured', () => {
    expect(authority().authenticate(asJson(DELIVERED_RECEIPT))).toMatchObject({
      code: 'callback_unauthenticated',
    });
    const blind = new VonageCallbackAuthority();
    expect(blind.authenticate(asJson(signed(DELIVERED_RECEIPT)))).toMatchObject({
      code: 'callback_unsigned',
    });
  });

  test('refuses a signature made more than five minutes away from now', () => {
    const late = new VonageCallbackAuthority({
      signatureSecret: SIGNATURE_SECRET,
      signatureMethod: 'sha256',
      now: () => NOW + 5 * 60_000 + 1000,
    });

    expect(late.authenticate(asJson(signed(DELIVERED_RECEIPT)))).toMatchObject({
      code: 'callback_stale',
    });
  });

  test('marks a second callback with the same nonce as a replay, without refusing it', () => {
    const judge = authority();
    const callback = asJson(signed(DELIVERED_RECEIPT));

    expect(judge.authenticate(callback)).toEqual({ ok: true });
    expect(judge.authenticate(callback)).toEqual({ ok: true, replayed: true });
    expect(judge.authenticate(asJson(signed(DELIVERED_RECEIPT, 'nonce-2')))).toEqual({ ok: true });
  });
});

describe('receipts', () => {
  test('reads a delivered receipt with its client-ref as the reference', () => {
    expect(authority().parse(asJson(DELIVERED_RECEIPT))).toEqual({
      ok: true,
      receipt: {
        messageId: DELIVERED_RECEIPT.messageId,
        status: 'delivered',
        providerStatus: 'delivered (err-code 0)',
        reference: 'assure-ref-1',
        price: { segments: 1, perSegment: 0.0333, multiplier: 1, total: 0.0333 },
      },
    });
  });

  test('reads a failed receipt that has no scts (BR-20) as a final failure', () => {
    const verdict = authority().parse(asJson(FAILED_RECEIPT_WITHOUT_SCTS));

    expect(verdict).toMatchObject({
      ok: true,
      receipt: { messageId: '0B00000000000001', providerStatus: 'failed (err-code 12)' },
    });
    expect(verdict.ok && verdict.receipt.status).not.toBe('delivered');
    expect(verdict.ok && verdict.receipt.status).toMatch(/failure$/);
  });

  test('names the field at fault in a receipt without a messageId', () => {
    const { messageId: _dropped, ...partial } = DELIVERED_RECEIPT;

    expect(authority().parse(asJson(partial))).toMatchObject({
      ok: false,
      code: 'callback_shape',
      reason: expect.stringContaining('messageId'),
    });
  });

  test('refuses a body that is neither JSON nor an object', () => {
    const broken = { ...asJson({}), body: '[1, 2' };

    expect(authority().parse(broken)).toMatchObject({ ok: false, code: 'callback_unreadable' });
    expect(authority().parse({ ...broken, body: '[1]' })).toMatchObject({ ok: false });
  });

  test('does not guess at a status Vonage never sends', () => {
    const odd = { ...DELIVERED_RECEIPT, status: 'DELIVRD' };

    expect(authority().parse(asJson(odd))).toMatchObject({ code: 'callback_unknown_status' });
  });
});

test('reads an inbound text: msisdn is the handset, to is the service number', () => {
  expect(authority().parseInbound(asForm(INBOUND_TEXT))).toEqual({
    ok: true,
    inbound: {
      id: INBOUND_TEXT.messageId,
      from: '447700900123',
      to: '447700900500',
      text: 'STOP',
      receivedAt: '2026-12-04 10:20:00',
    },
  });
});
