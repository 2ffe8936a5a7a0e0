import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { IncomingCallback } from '../contract.ts';
import { DeclarativeCallbackAuthority } from './callback-authority.ts';
import { DescriptionSchema } from './description.ts';
import { CREDENTIALS, example } from './fixtures.ts';

const BASIC = `Basic ${Buffer.from('receipts:made-up-receipt-password').toString('base64')}`;

function form(params: Record<string, string>, headers = { authorization: BASIC }) {
  return {
    path: '/callbacks/firetext',
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  };
}

function json(body: unknown, headers: Record<string, string> = { authorization: BASIC }) {
  return {
    path: '/callbacks/mmg',
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

function statusesOf(authority: DeclarativeCallbackAuthority, callbacks: IncomingCallback[]) {
  return callbacks.map((callback) => {
    const verdict = authority.parse(callback);
    return verdict.ok ? verdict.receipt.status : verdict.code;
  });
}

describe('Firetext: a bare failure means different things before and after pending (BR-19)', () => {
  const receipt = (reference: string, status: string, code?: string) =>
    form({ reference, status, ...(code ? { code } : {}), mobile: '447700900123' });

  test.each([
    ['pending then code 101', ['2', '1:101'], 'permanent-failure'],
    ['pending then code 102', ['2', '1:102'], 'temporary-failure'],
    ['pending then no code', ['2', '1'], 'temporary-failure'],
    ['pending then code 000', ['2', '1:000'], 'temporary-failure'],
    ['no code, never pending', ['1'], 'permanent-failure'],
    ['delivered', ['0'], 'delivered'],
  ])('%s is %s', async (_case, sequence, expected) => {
    const authority = new DeclarativeCallbackAuthority(await example('firetext'), CREDENTIALS);
    const callbacks = sequence.map((step) => {
      const [status = '', code] = step.split(':');
      return receipt('R1', status, code);
    });

    expect(statusesOf(authority, callbacks).at(-1)).toBe(expected);
  });

  test('the pending memory is per message', async () => {
    const authority = new DeclarativeCallbackAuthority(await example('firetext'), CREDENTIALS);

    const statuses = statusesOf(authority, [receipt('R1', '2'), receipt('R2', '1')]);

    expect(statuses).toEqual(['sending', 'permanent-failure']);
  });

  test('keeps the raw status and code as the provider status', async () => {
    const authority = new DeclarativeCallbackAuthority(await example('firetext'), CREDENTIALS);

    expect(authority.parse(receipt('R1', '1', '201'))).toEqual({
      ok: true,
      receipt: {
        messageId: 'R1',
        reference: 'R1',
        status: 'permanent-failure',
        providerStatus: '1 (code 201)',
      },
    });
  });
});

describe('MMG: status is the kind, substatus the detail (BR-19)', () => {
  test.each([
    [{ status: '4', CID: 'R2', substatus: '6' }, 'temporary-failure'],
    [{ status: '3', CID: 'R3', substatus: '5' }, 'delivered'],
    [{ status: '2', CID: 'R4', substatus: '1' }, 'permanent-failure'],
    [{ status: '9', CID: 'R5' }, 'callback_unknown_status'],
    [{ status: '3' }, 'callback_shape'],
  ])('%j is %s', async (body, expected) => {
    const authority = new DeclarativeCallbackAuthority(await example('mmg'), CREDENTIALS);

    expect(statusesOf(authority, [json(body)])).toEqual([expected]);
  });

  test('a body that is not JSON is refused with its reason', async () => {
    const authority = new DeclarativeCallbackAuthority(await example('mmg'), CREDENTIALS);

    expect(authority.parse({ ...json({}), body: '{"status":' })).toMatchObject({
      ok: false,
      code: 'callback_not_json',
    });
  });
});

test('Kannel: the receipt type, reference and token come in the query string', async () => {
  const authority = new DeclarativeCallbackAuthority(await example('kannel'), CREDENTIALS);
  const get = (query: string) => ({
    path: `/callbacks/k?token=${CREDENTIALS.dlrToken}&${query}`,
    method: 'GET',
    headers: {},
    body: '',
  });
  const answer = (stat: string, err: string) =>
    `answer=${encodeURIComponent(`id:3E9 sub:001 dlvrd:000 stat:${stat} err:${err} text:hi`)}`;

  expect(
    statusesOf(authority, [
      get('ref=R1&status=8&answer=ACK%2F'),
      get('ref=R1&status=1'),
      get(`ref=R2&status=2&${answer('UNDELIV', '027')}`),
      get(`ref=R3&status=2&${answer('UNDELIV', '001')}`),
      get(`ref=R4&status=2&${answer('UNKNOWN', '034')}`),
      get('ref=R5&status=16&answer=NACK%2F0x00000045'),
    ]),
  ).toEqual([
    'sending',
    'delivered',
    'temporary-failure',
    'permanent-failure',
    'technical-failure',
    'technical-failure',
  ]);
  expect(authority.authenticate(get('ref=R1&status=1'))).toEqual({ ok: true });
  expect(
    authority.authenticate({ ...get(''), path: '/callbacks/k?ref=R1&status=1' }),
  ).toMatchObject({ ok: false, code: 'callback_unauthenticated', reason: 'no token parameter' });
  expect(
    authority.authenticate({ ...get(''), path: '/callbacks/k?token=guess&ref=R1' }),
  ).toMatchObject({ ok: false, code: 'callback_wrong_token' });
});

describe('authentication', () => {
  test('basic credentials from the target are required and compared exactly', async () => {
    const authority = new DeclarativeCallbackAuthority(await example('firetext'), CREDENTIALS);
    const wrong = `Basic ${Buffer.from('receipts:guess').toString('base64')}`;

    expect(authority.authenticate(form({}))).toEqual({ ok: true });
    expect(authority.authenticate(form({}, { authorization: wrong }))).toMatchObject({
      code: 'callback_wrong_token',
    });
    expect(authority.authenticate({ ...form({}), headers: {} })).toMatchObject({
      code: 'callback_unauthenticated',
    });
  });

  test('an HMAC of the body is checked with the secret the target supplies', async () => {
    const description = DescriptionSchema.parse({
      ...(await example('mmg')),
      receipts: {
        ...(await example('mmg')).receipts,
        auth: {
          scheme: 'hmac',
          header: 'X-Signature',
          algorithm: 'sha256',
          digest: 'base64',
          secret: '{{credentials.apiKey}}',
        },
      },
    });
    const authority = new DeclarativeCallbackAuthority(description, CREDENTIALS);
    const body = JSON.stringify({ status: '3', CID: 'R1' });
    const sign = (text: string) =>
      createHmac('sha256', CREDENTIALS.apiKey).update(text).digest('base64');
    const signed = { ...json({}), body, headers: { 'x-signature': sign(body) } };

    expect(authority.authenticate(signed)).toEqual({ ok: true });
    expect(authority.authenticate({ ...signed, body: body.replace('3', '2') })).toMatchObject({
      code: 'callback_bad_signature',
    });
  });

  test('a credential the target does not supply stops the run before it starts', async () => {
    const description = await example('firetext');

    expect(() => new DeclarativeCallbackAuthority(description, { apiKey: 'k' })).toThrow(
      /receiptUser.*has no value/,
    );
  });
});

test('inbound texts are not described, and say so', async () => {
  const authority = new DeclarativeCallbackAuthority(await example('mmg'), CREDENTIALS);

  expect(authority.parseInbound()).toMatchObject({ ok: false, code: 'callback_not_described' });
});
