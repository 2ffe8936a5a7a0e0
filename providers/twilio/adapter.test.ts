import { describe, expect, test } from 'vitest';
import {
  CredentialsError,
  HarnessError,
  ProviderResponseError,
  TargetSetupError,
} from '../../core/errors.ts';
import { Redactor } from '../../core/redact.ts';
import { useMockSupplier } from '../http/test-support/mock-supplier.ts';
import { TwilioAdapter } from './adapter.ts';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  FROM,
  MESSAGE_SID,
  TO,
  errorBody,
  message,
  messagePage,
} from './fixtures/documented-shapes.ts';

const BASE = 'https://api.twilio.com';
const MESSAGES = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages`;
const JSON_HEADERS = { 'content-type': 'application/json' };
const CALLBACK = 'http://127.0.0.1:9/callbacks/twilio';

const supplier = useMockSupplier(BASE);
const replyTo = supplier.reply;

function adapter() {
  return new TwilioAdapter({
    baseUrl: BASE,
    auth: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
    from: FROM,
    statusCallback: CALLBACK,
    client: supplier.client(new Redactor().secret(AUTH_TOKEN).number(TO)),
  });
}

describe('send', () => {
  test('posts To, From, Body and StatusCallback as a form under Basic auth', async () => {
    let form = new URLSearchParams();
    let headers: Record<string, string> = {};
    supplier.agent
      .get(BASE)
      .intercept({ path: `${MESSAGES}.json`, method: 'POST' })
      .reply((options) => {
        form = new URLSearchParams(String(options.body));
        headers = options.headers as Record<string, string>;
        return {
          statusCode: 201,
          data: message('queued'),
          responseOptions: { headers: JSON_HEADERS },
        };
      });

    const sent = await adapter().send({ to: TO, body: 'hello', reference: 'r1' });

    expect(sent).toEqual({
      id: MESSAGE_SID,
      status: 'accepted',
      providerStatus: 'queued',
      sender: FROM,
    });
    expect(Object.fromEntries(form)).toEqual({
      To: TO,
      From: FROM,
      Body: 'hello',
      StatusCallback: CALLBACK,
    });
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    const basic = Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64');
    expect(headers['authorization']).toBe(`Basic ${basic}`);
    expect(JSON.stringify(supplier.exchanges)).not.toContain(AUTH_TOKEN);
  });

  test('a 400 with code 21211 is the supplier refusing the request, code kept', async () => {
    replyTo(
      'POST',
      `${MESSAGES}.json`,
      400,
      errorBody(400, 21211, "The 'To' number is not valid."),
    );

    const sending = adapter().send({ to: TO, body: 'x', reference: 'r' });

    await expect(sending).rejects.toBeInstanceOf(ProviderResponseError);
    await expect(sending).rejects.toThrow(/Twilio error 21211: The 'To' number is not valid/);
  });

  test('a From the account may not use (21606) is set-up, not the supplier', async () => {
    const body = errorBody(400, 21606, 'The From phone number is not a valid, SMS-capable number');
    replyTo('POST', `${MESSAGES}.json`, 400, body);

    await expect(adapter().send({ to: TO, body: 'x', reference: 'r' })).rejects.toBeInstanceOf(
      TargetSetupError,
    );
  });

  test('a 401 with code 20003 is refused credentials', async () => {
    replyTo('POST', `${MESSAGES}.json`, 401, errorBody(401, 20003, 'Authenticate'));

    await expect(adapter().send({ to: TO, body: 'x', reference: 'r' })).rejects.toBeInstanceOf(
      CredentialsError,
    );
  });

  test('a 429 with code 20429 is throttling', async () => {
    replyTo('POST', `${MESSAGES}.json`, 429, errorBody(429, 20429, 'Too Many Requests'));

    await expect(adapter().send({ to: TO, body: 'x', reference: 'r' })).rejects.toMatchObject({
      code: 'throttled',
    });
  });

  test('a 201 whose body is cut short is a finding with the body kept', async () => {
    replyTo('POST', `${MESSAGES}.json`, 201, '{"sid": "SMb2');

    await expect(adapter().send({ to: TO, body: 'x', reference: 'r' })).rejects.toMatchObject({
      code: 'response_not_json',
    });
    expect(supplier.exchanges[0]?.response?.body).toBe('{"sid": "SMb2');
  });
});

describe('status', () => {
  test.each([
    ['delivered', null, 'delivered', 'delivered'],
    ['undelivered', 30003, 'temporary-failure', 'undelivered (30003)'],
    ['undelivered', 30005, 'permanent-failure', 'undelivered (30005)'],
    ['failed', 30008, 'technical-failure', 'failed (30008)'],
    ['sent', null, 'sending', 'sent'],
  ])('%s with ErrorCode %s is %s, kept as "%s"', async (status, code, normalised, kept) => {
    replyTo('GET', `${MESSAGES}/${MESSAGE_SID}.json`, 200, message(status, { error_code: code }));

    const state = await adapter().status(MESSAGE_SID);

    expect(state).toMatchObject({ id: MESSAGE_SID, status: normalised, providerStatus: kept });
  });

  test('the price is the whole text’s, so a segment costs its share', async () => {
    const body = message('delivered', { num_segments: '2', price: '-0.08000' });
    replyTo('GET', `${MESSAGES}/${MESSAGE_SID}.json`, 200, body);

    const state = await adapter().status(MESSAGE_SID);

    expect(state?.price).toEqual({ segments: 2, perSegment: 0.04, multiplier: 1, total: 0.08 });
  });

  test('Twilio’s own 404 (20404) means no such message', async () => {
    const path = `${MESSAGES}/${MESSAGE_SID}.json`;
    replyTo(
      'GET',
      path,
      404,
      errorBody(404, 20404, `The requested resource ${path} was not found`),
    );

    await expect(adapter().status(MESSAGE_SID)).resolves.toBeUndefined();
  });

  test('a 404 without Twilio’s error body points at the base URL', async () => {
    replyTo('GET', `${MESSAGES}/${MESSAGE_SID}.json`, 404, '<html>Not Found</html>');

    await expect(adapter().status(MESSAGE_SID)).rejects.toBeInstanceOf(TargetSetupError);
  });

  test('a status Twilio never gives an outbound text is a finding', async () => {
    replyTo('GET', `${MESSAGES}/${MESSAGE_SID}.json`, 200, message('received'));

    await expect(adapter().status(MESSAGE_SID)).rejects.toMatchObject({ code: 'unknown_status' });
  });

  test('a resource missing a documented field is a finding naming the field', async () => {
    const { status: _status, ...withoutStatus } = message('sent');
    replyTo('GET', `${MESSAGES}/${MESSAGE_SID}.json`, 200, withoutStatus);

    await expect(adapter().status(MESSAGE_SID)).rejects.toMatchObject({
      code: 'response_shape',
      path: 'status',
    });
  });
});

describe('list', () => {
  test('filters by To and follows next_page_uri', async () => {
    const next =
      `${MESSAGES}.json?To=%2B447700900123&PageSize=50&Page=1` + `&PageToken=PA${MESSAGE_SID}`;
    replyTo(
      'GET',
      `${MESSAGES}.json?To=%2B447700900123`,
      200,
      messagePage([message('delivered')], next),
    );
    replyTo('GET', next, 200, messagePage([], null));

    const first = await adapter().list({ to: TO });
    expect(first.messages.map((m) => m.id)).toEqual([MESSAGE_SID]);
    expect(first.next).toBe(next);

    const second = await adapter().list({ olderThan: next });
    expect(second).toEqual({ messages: [] });
  });

  test('a filter Twilio lacks (reference, status) is refused before any request', async () => {
    await expect(adapter().list({ reference: 'r1' })).rejects.toBeInstanceOf(HarnessError);
    await expect(adapter().list({ status: 'permanent-failure' })).rejects.toBeInstanceOf(
      HarnessError,
    );
    expect(supplier.exchanges).toEqual([]);
  });
});

describe('inbound', () => {
  const received = message('received', {
    direction: 'inbound',
    from: '+447700900321',
    to: '+447700900600',
    body: 'BIN missed',
    price: null,
  });

  test('lists the reply number’s received texts, leaving out what was sent', async () => {
    const withReplies = new TwilioAdapter({
      baseUrl: BASE,
      auth: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
      from: FROM,
      inboundNumber: '07700900600',
      client: supplier.client(new Redactor().secret(AUTH_TOKEN)),
    });
    replyTo(
      'GET',
      `${MESSAGES}.json?To=%2B447700900600`,
      200,
      messagePage([received, message('delivered')], null),
    );

    expect(await withReplies.inbound()).toEqual([
      {
        id: MESSAGE_SID,
        from: '+447700900321',
        to: '+447700900600',
        text: 'BIN missed',
        receivedAt: '2026-12-04T10:00:01.000Z',
      },
    ]);
  });

  test('the message list keeps to sent texts, whose statuses it can judge', async () => {
    replyTo('GET', `${MESSAGES}.json?`, 200, messagePage([received, message('sent')], null));

    const page = await adapter().list({});
    expect(page.messages.map((m) => m.providerStatus)).toEqual(['sent']);
  });
});
