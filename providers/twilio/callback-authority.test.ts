import twilio from 'twilio';
import { describe, expect, test } from 'vitest';
import type { IncomingCallback } from '../contract.ts';
import { TwilioCallbackAuthority } from './callback-authority.ts';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  INBOUND_WEBHOOK,
  MESSAGE_SID,
  UNDELIVERED_CALLBACK,
} from './fixtures/documented-shapes.ts';
import { twilioSignature } from './signature.ts';

const URL_GIVEN = 'http://127.0.0.1:4567/callbacks/sim-twilio';
const authority = new TwilioCallbackAuthority(
  { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
  URL_GIVEN,
);

function callback(
  params: Record<string, string>,
  headers: Record<string, string> = {},
): IncomingCallback {
  return {
    path: '/callbacks/sim-twilio',
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  };
}

function signed(params: Record<string, string>, token = AUTH_TOKEN, url = URL_GIVEN) {
  return callback(params, { 'x-twilio-signature': twilioSignature(token, url, params) });
}

describe('the signature', () => {
  test('is the one twilio-node computes, and its validateRequest accepts', () => {
    const ours = twilioSignature(AUTH_TOKEN, URL_GIVEN, UNDELIVERED_CALLBACK);

    expect(ours).toBe(
      twilio.getExpectedTwilioSignature(AUTH_TOKEN, URL_GIVEN, UNDELIVERED_CALLBACK),
    );
    expect(twilio.validateRequest(AUTH_TOKEN, ours, URL_GIVEN, UNDELIVERED_CALLBACK)).toBe(true);
  });

  test('covers repeated keys as Twilio does: distinct values, sorted', () => {
    const params = { To: '+447700900123', MediaUrl: ['b', 'a', 'b'] };
    const expected = twilio.getExpectedTwilioSignature(AUTH_TOKEN, URL_GIVEN, params);

    expect(twilioSignature(AUTH_TOKEN, URL_GIVEN, params)).toBe(expected);
  });
});

describe('authenticate', () => {
  test('accepts a callback signed with the Auth Token over the URL given', () => {
    expect(authority.authenticate(signed(UNDELIVERED_CALLBACK))).toEqual({ ok: true });
  });

  test.each([
    ['unsigned', callback(UNDELIVERED_CALLBACK), 'callback_unsigned'],
    [
      'signed with another token',
      signed(UNDELIVERED_CALLBACK, 'f'.repeat(32)),
      'callback_bad_signature',
    ],
    [
      'signed for another URL',
      signed(UNDELIVERED_CALLBACK, AUTH_TOKEN, 'http://127.0.0.1:4567/elsewhere'),
      'callback_bad_signature',
    ],
  ])('refuses a callback %s', (_, incoming, code) => {
    expect(authority.authenticate(incoming)).toMatchObject({ ok: false, code });
  });

  test('refuses a signed callback whose status was changed on the way', () => {
    const genuine = signed(UNDELIVERED_CALLBACK);
    const forged = { ...genuine, body: genuine.body.replace('undelivered', 'delivered') };

    expect(authority.authenticate(forged)).toMatchObject({ code: 'callback_bad_signature' });
  });
});

describe('parse', () => {
  test('reads the status and ErrorCode, keeping both as the provider status', () => {
    expect(authority.parse(signed(UNDELIVERED_CALLBACK))).toEqual({
      ok: true,
      receipt: {
        messageId: MESSAGE_SID,
        status: 'temporary-failure',
        providerStatus: 'undelivered (30003)',
      },
    });
  });

  test('a delivered callback without ErrorCode is delivered', () => {
    const { ErrorCode: _code, ...delivered } = {
      ...UNDELIVERED_CALLBACK,
      MessageStatus: 'delivered',
    };
    expect(authority.parse(callback(delivered))).toMatchObject({
      receipt: { status: 'delivered', providerStatus: 'delivered' },
    });
  });

  test.each([
    ['another account', { AccountSid: `AC${'0'.repeat(32)}` }, 'callback_wrong_account'],
    ['no MessageSid', { MessageSid: undefined }, 'callback_shape'],
    ['a status no outbound text has', { MessageStatus: 'received' }, 'callback_unknown_status'],
  ])('refuses a callback naming %s', (_, change, code) => {
    const params = Object.fromEntries(
      Object.entries({ ...UNDELIVERED_CALLBACK, ...change }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    expect(authority.parse(callback(params))).toMatchObject({ ok: false, code });
  });

  test('a JSON body is not Twilio’s form', () => {
    const json = { ...callback({}), body: JSON.stringify(UNDELIVERED_CALLBACK) };
    expect(authority.parse(json)).toMatchObject({ ok: false, code: 'callback_shape' });
  });
});

describe('the incoming-message webhook', () => {
  const INBOUND_URL = `${URL_GIVEN}/inbound`;
  const inbound = (params: Record<string, string>, headers: Record<string, string> = {}) => ({
    ...callback(params, headers),
    path: '/callbacks/sim-twilio/inbound',
  });
  const signedInbound = (params: Record<string, string>) =>
    inbound(params, { 'x-twilio-signature': twilioSignature(AUTH_TOKEN, INBOUND_URL, params) });

  test('a signed reply is authenticated against the inbound URL and read', () => {
    const genuine = signedInbound(INBOUND_WEBHOOK);
    const signature = genuine.headers['x-twilio-signature'] ?? '';

    expect(twilio.validateRequest(AUTH_TOKEN, signature, INBOUND_URL, INBOUND_WEBHOOK)).toBe(true);
    expect(authority.authenticate(genuine)).toEqual({ ok: true });
    expect(authority.parseInbound(genuine)).toMatchObject({
      ok: true,
      inbound: {
        id: INBOUND_WEBHOOK.MessageSid,
        from: '+447700900321',
        to: '+447700900600',
        text: 'BIN missed on Tuesday',
      },
    });
  });

  test('an unsigned reply is caught, though its form reads', () => {
    const unsigned = inbound(INBOUND_WEBHOOK);

    expect(authority.authenticate(unsigned)).toMatchObject({
      ok: false,
      code: 'callback_unsigned',
    });
    expect(authority.parseInbound(unsigned)).toMatchObject({ ok: true });
  });

  test('a reply whose text was changed on the way fails the signature', () => {
    const genuine = signedInbound(INBOUND_WEBHOOK);
    const forged = { ...genuine, body: genuine.body.replace('BIN', 'PARK') };

    expect(authority.authenticate(forged)).toMatchObject({ code: 'callback_bad_signature' });
  });

  test('with SmsMethod GET the keys come in the signed query string', () => {
    const query = new URLSearchParams(INBOUND_WEBHOOK).toString();
    const signature = twilioSignature(AUTH_TOKEN, `${INBOUND_URL}?${query}`, {});
    const get = {
      path: `/callbacks/sim-twilio/inbound?${query}`,
      method: 'GET',
      headers: { 'x-twilio-signature': signature },
      body: '',
    };

    expect(authority.authenticate(get)).toEqual({ ok: true });
    expect(authority.parseInbound(get)).toMatchObject({ inbound: { text: INBOUND_WEBHOOK.Body } });
  });

  test.each([
    ['another account', { AccountSid: `AC${'0'.repeat(32)}` }, 'callback_wrong_account'],
    ['no Body', { Body: undefined }, 'callback_shape'],
  ])('refuses a reply naming %s', (_, change, code) => {
    const params = Object.fromEntries(
      Object.entries({ ...INBOUND_WEBHOOK, ...change }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    expect(authority.parseInbound(inbound(params))).toMatchObject({ ok: false, code });
  });
});
