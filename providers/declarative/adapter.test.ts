import { describe, expect, test } from 'vitest';
import {
  ConfigError,
  CredentialsError,
  ProviderResponseError,
  TargetSetupError,
  TransportError,
} from '../../core/errors.ts';
import { Redactor } from '../../core/redact.ts';
import { useMockSupplier } from '../http/test-support/mock-supplier.ts';
import type { CallbackReceipt } from '../contract.ts';
import { DeclarativeAdapter } from './adapter.ts';
import type { ReceiptSource } from './receiver-receipts.ts';
import type { Description } from './description.ts';
import { CREDENTIALS, example } from './fixtures.ts';

const BASE = 'https://supplier.example.test';
const SEND = { to: '07700900123', body: 'sms-assure test 1a2b', reference: 'assure-ref-1' };
const CALLBACK = 'https://receiver.example.test/callbacks/t';

const supplier = useMockSupplier();

function adapter(
  description: Description,
  credentials: Record<string, string> = CREDENTIALS,
  receipts?: ReceiptSource,
) {
  const redactor = new Redactor().secret(CREDENTIALS.apiKey).secret(CREDENTIALS.password);
  const client = supplier.client(redactor);
  return new DeclarativeAdapter({
    description,
    baseUrl: BASE,
    credentials,
    sender: 'ACMEALERTS',
    callbackUrl: CALLBACK,
    client,
    ...(receipts ? { receipts } : {}),
  });
}

interface Seen {
  path: string;
  body: string;
  headers: Record<string, string>;
}

function answer(path: string, status: number, body: string, seen?: Seen[]) {
  supplier.agent
    .get(BASE)
    .intercept({
      path: (p) => p.startsWith(path),
      method: () => true,
    })
    .reply((options) => {
      seen?.push({
        path: options.path,
        body: String(options.body ?? ''),
        headers: options.headers as Record<string, string>,
      });
      return { statusCode: status, data: body, responseOptions: {} };
    });
}

describe('Firetext: a form post answered with JSON', () => {
  test('sends the documented fields and keeps the reference as the message id', async () => {
    const seen: Seen[] = [];
    answer('/api/sendsms/json', 200, JSON.stringify({ code: 0, description: 'queued' }), seen);

    const sent = await adapter(await example('firetext')).send(SEND);

    expect(sent).toEqual({ id: 'assure-ref-1', status: 'accepted', providerStatus: 'accepted' });
    expect(Object.fromEntries(new URLSearchParams(seen[0]?.body))).toEqual({
      apiKey: CREDENTIALS.apiKey,
      from: 'ACMEALERTS',
      to: '447700900123',
      message: SEND.body,
      reference: 'assure-ref-1',
      // The receipt credentials ride in the URL's user-info, as Notify gives them to Firetext.
      receipt: CALLBACK.replace(
        'https://',
        `https://${CREDENTIALS.receiptUser}:${CREDENTIALS.receiptPassword}@`,
      ),
    });
    expect(JSON.stringify(supplier.exchanges)).not.toContain(CREDENTIALS.apiKey);
  });

  test('a non-zero code is a refusal naming the field', async () => {
    answer('/api/sendsms/json', 200, JSON.stringify({ code: 3, description: 'bad number' }));

    await expect(adapter(await example('firetext')).send(SEND)).rejects.toMatchObject({
      code: 'request_rejected',
      path: 'code',
    });
  });

  test('an answer that is not JSON is a fault of the supplier', async () => {
    answer('/api/sendsms/json', 200, '<html>busy</html>');

    await expect(adapter(await example('firetext')).send(SEND)).rejects.toMatchObject({
      code: 'response_not_json',
    });
  });
});

describe('MMG: JSON with the key in a Basic header', () => {
  test('posts the documented body with literal and filled fields', async () => {
    const seen: Seen[] = [];
    answer('/jsonv2a/api.php', 200, JSON.stringify({ Reference: 'x' }), seen);

    await adapter(await example('mmg')).send(SEND);

    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({
      reqType: 'BULK',
      MSISDN: '447700900123',
      msg: SEND.body,
      sender: 'ACMEALERTS',
      cid: 'assure-ref-1',
      multi: true,
      delurl: CALLBACK,
    });
    expect(seen[0]?.headers['authorization']).toBe(`Basic ${CREDENTIALS.apiKey}`);
  });

  test.each([
    [401, CredentialsError],
    [502, TransportError],
    [500, ProviderResponseError],
  ])('HTTP %i is a %o', async (status, kind) => {
    answer('/jsonv2a/api.php', status, '{}');

    await expect(adapter(await example('mmg')).send(SEND)).rejects.toBeInstanceOf(kind);
  });
});

describe('Kannel: a GET with everything in the query, answered in text', () => {
  test('puts the fields and the reference-carrying dlr-url in the query', async () => {
    const seen: Seen[] = [];
    answer('/cgi-bin/sendsms', 202, '0: Accepted for delivery', seen);

    await adapter(await example('kannel')).send(SEND);

    const query = new URL(seen[0]?.path ?? '', BASE).searchParams;
    expect(query.get('to')).toBe('447700900123');
    expect(query.get('dlr-mask')).toBe('31');
    expect(query.get('dlr-url')).toBe(
      `${CALLBACK}?token=${CREDENTIALS.dlrToken}&ref=assure-ref-1&status=%d&answer=%A`,
    );
    expect(seen[0]?.body).toBe('');
  });

  test('queued for later is accepted; anything else is a refusal', async () => {
    const kannel = await example('kannel');
    answer('/cgi-bin/sendsms', 202, '3: Queued for later delivery');
    answer('/cgi-bin/sendsms', 202, 'Sender missing and no global set, rejected');

    await expect(adapter(kannel).send(SEND)).resolves.toMatchObject({ id: 'assure-ref-1' });
    await expect(adapter(kannel).send(SEND)).rejects.toMatchObject({ code: 'request_rejected' });
  });
});

test('the message id is read where the description says, and its absence is named', async () => {
  const base = await example('mmg');
  const description: Description = {
    ...base,
    send: { ...base.send, messageId: { field: 'messages.0.id' } },
  };
  answer('/jsonv2a/api.php', 200, JSON.stringify({ messages: [{ id: 'M-7' }] }));
  answer('/jsonv2a/api.php', 200, JSON.stringify({ messages: [] }));

  await expect(adapter(description).send(SEND)).resolves.toMatchObject({ id: 'M-7' });
  await expect(adapter(description).send(SEND)).rejects.toMatchObject({
    code: 'response_shape',
    path: 'messages.0.id',
  });
});

test('a credential the description needs but the target lacks is bad configuration', async () => {
  const description = await example('firetext');

  expect(() => adapter(description, { apiKey: 'k' })).toThrow(ConfigError);
});

test('status and list are set-up problems, never supplier faults', async () => {
  const made = adapter(await example('mmg'));

  await expect(made.status('R1')).rejects.toBeInstanceOf(TargetSetupError);
  await expect(made.list({})).rejects.toThrow(/receipts come only by callback/);
});

test('a state is the last final receipt heard for a message the adapter sent', async () => {
  const heard: CallbackReceipt[] = [
    { messageId: 'assure-ref-1', status: 'sending', providerStatus: '2' },
    { messageId: 'assure-ref-1', status: 'temporary-failure', providerStatus: '1 (code 102)' },
    { messageId: 'assure-ref-1', status: 'sending', providerStatus: '2' },
  ];
  answer('/api/sendsms/json', 200, JSON.stringify({ code: 0 }));
  const made = adapter(await example('firetext'), CREDENTIALS, {
    receiptsFor: () => Promise.resolve(heard),
  });

  expect(await made.status('assure-ref-1')).toBeUndefined();
  await made.send(SEND);
  expect(await made.status('assure-ref-1')).toEqual({
    id: 'assure-ref-1',
    status: 'temporary-failure',
    providerStatus: '1 (code 102)',
  });
});

test('before any receipt, a sent message is accepted, not unknown', async () => {
  answer('/api/sendsms/json', 200, JSON.stringify({ code: 0 }));
  const made = adapter(await example('firetext'), CREDENTIALS, {
    receiptsFor: () => Promise.resolve([]),
  });

  await made.send(SEND);
  expect(await made.status('assure-ref-1')).toMatchObject({ status: 'accepted' });
});
