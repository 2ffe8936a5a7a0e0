import { describe, expect, test } from 'vitest';
import { NotifyCallbackAuthority } from './callback-authority.ts';
import { NOTIFICATION_ID, TEMPLATE_ID } from './fixtures/documented-shapes.ts';

const TOKEN = 'a-callback-token-of-some-length';

const DELIVERED = {
  id: NOTIFICATION_ID,
  reference: 'assure-ref-1',
  to: '07700900123',
  status: 'delivered',
  created_at: '2026-12-04T10:00:00.000000Z',
  completed_at: '2026-12-04T10:00:05.000000Z',
  sent_at: '2026-12-04T10:00:01.000000Z',
  notification_type: 'sms',
  template_id: TEMPLATE_ID,
  template_version: 1,
};

function callback(headers: Record<string, string>, body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { path: '/callbacks/t', method: 'POST', headers, body: text };
}

const authority = new NotifyCallbackAuthority(TOKEN);

describe('authenticate', () => {
  test('accepts the configured bearer token', () => {
    expect(authority.authenticate(callback({ authorization: `Bearer ${TOKEN}` }, {}))).toEqual({
      ok: true,
    });
  });

  test.each([
    [{}, 'callback_unauthenticated'],
    [{ authorization: `Basic ${TOKEN}` }, 'callback_wrong_scheme'],
    [{ authorization: 'Bearer a-callback-token-of-some-lengtX' }, 'callback_wrong_token'],
    [{ authorization: 'Bearer short' }, 'callback_wrong_token'],
  ])('rejects %j with %s', (headers, code) => {
    expect(authority.authenticate(callback(headers, {}))).toMatchObject({ ok: false, code });
  });
});

describe('parse', () => {
  test('reads a documented delivery receipt', () => {
    expect(authority.parse(callback({}, DELIVERED))).toEqual({
      ok: true,
      receipt: {
        messageId: NOTIFICATION_ID,
        reference: 'assure-ref-1',
        status: 'delivered',
        providerStatus: 'delivered',
      },
    });
  });

  test.each([
    ['{"id": ', 'callback_not_json'],
    [{ ...DELIVERED, id: 'not-a-uuid' }, 'callback_shape'],
    [{ ...DELIVERED, notification_type: 'email' }, 'callback_shape'],
    [{ ...DELIVERED, status: 'exploded' }, 'callback_unknown_status'],
    [[], 'callback_shape'],
    ['null', 'callback_shape'],
  ])('never throws on malformed input: %j gives %s', (body, code) => {
    expect(authority.parse(callback({}, body))).toMatchObject({ ok: false, code });
  });
});

describe('parseInbound', () => {
  const RECEIVED = {
    id: NOTIFICATION_ID,
    source_number: '447700900345',
    destination_number: '07700900654',
    message: 'BIN collection missed',
    date_received: '2026-12-04T10:00:00.000000Z',
  };

  test("reads Notify's received-text callback", () => {
    expect(authority.parseInbound(callback({}, RECEIVED))).toEqual({
      ok: true,
      inbound: {
        id: NOTIFICATION_ID,
        from: '447700900345',
        to: '07700900654',
        text: 'BIN collection missed',
        receivedAt: '2026-12-04T10:00:00.000000Z',
      },
    });
  });

  test.each([
    ['{', 'callback_not_json'],
    [{ ...RECEIVED, message: 7 }, 'callback_shape'],
    [{ id: NOTIFICATION_ID }, 'callback_shape'],
  ])('never throws on malformed input: %j gives %s', (body, code) => {
    expect(authority.parseInbound(callback({}, body))).toMatchObject({ ok: false, code });
  });
});
