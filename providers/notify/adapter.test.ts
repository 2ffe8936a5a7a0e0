import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, test } from 'vitest';
import { CredentialsError, ProviderResponseError, TransportError } from '../../core/errors.ts';
import { Redactor } from '../../core/redact.ts';
import { useMockSupplier } from '../http/test-support/mock-supplier.ts';
import { NotifyAdapter } from './adapter.ts';
import { parseNotifyKey } from './api-key.ts';
import {
  API_KEY,
  NOTIFICATION_ID,
  SECRET,
  SEND_CREATED,
  SERVICE_ID,
  TEMPLATE_ID,
  errorBody,
  notification,
} from './fixtures/documented-shapes.ts';

const BASE = 'https://api.notifications.service.gov.uk';
const JSON_HEADERS = { 'content-type': 'application/json' };

const supplier = useMockSupplier();

function adapter() {
  const redactor = new Redactor().secret(API_KEY).number('07700900123');
  const client = supplier.client(redactor);
  return new NotifyAdapter({
    baseUrl: BASE,
    key: parseNotifyKey(API_KEY, 'test'),
    templateId: TEMPLATE_ID,
    client,
  });
}

describe('send', () => {
  test('posts the documented body with a fresh HS256 token and reads the 201', async () => {
    let sentBody: unknown;
    let authorization = '';
    supplier.agent
      .get(BASE)
      .intercept({ path: '/v2/notifications/sms', method: 'POST' })
      .reply((options) => {
        sentBody = JSON.parse(String(options.body));
        authorization = String((options.headers as Record<string, string>)['authorization']);
        return { statusCode: 201, data: SEND_CREATED, responseOptions: { headers: JSON_HEADERS } };
      });

    const sent = await adapter().send({ to: '07700900123', body: 'hello', reference: 'r1' });

    expect(sent).toEqual({
      id: NOTIFICATION_ID,
      status: 'accepted',
      providerStatus: 'created',
      sender: 'GOVUK',
    });
    expect(sentBody).toEqual({
      phone_number: '07700900123',
      template_id: TEMPLATE_ID,
      personalisation: { body: 'hello' },
      reference: 'r1',
    });
    const token = authorization.replace(/^Bearer /, '');
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(claims.iss).toBe(SERVICE_ID);
    expect(Math.abs(Number(claims.iat) - Date.now() / 1000)).toBeLessThan(5);
  });

  test('a 400 ValidationError is the supplier refusing the request', async () => {
    supplier.agent
      .get(BASE)
      .intercept({ path: '/v2/notifications/sms', method: 'POST' })
      .reply(400, errorBody(400, 'ValidationError', 'phone_number Not a UK mobile number'), {
        headers: JSON_HEADERS,
      });

    const sending = adapter().send({ to: '07700900123', body: 'x', reference: 'r' });

    await expect(sending).rejects.toBeInstanceOf(ProviderResponseError);
    await expect(sending).rejects.toThrow(/ValidationError: phone_number Not a UK mobile number/);
  });

  test('a 403 AuthError is refused credentials, not a supplier fault', async () => {
    supplier.agent
      .get(BASE)
      .intercept({ path: '/v2/notifications/sms', method: 'POST' })
      .reply(403, errorBody(403, 'AuthError', 'Invalid token: API key not found'), {
        headers: JSON_HEADERS,
      });

    await expect(
      adapter().send({ to: '07700900123', body: 'x', reference: 'r' }),
    ).rejects.toBeInstanceOf(CredentialsError);
  });

  test('a 429 RateLimitError is reported as throttling', async () => {
    const body = errorBody(
      429,
      'RateLimitError',
      'Exceeded rate limit for key type TEST of 3000 requests per 60 seconds',
    );
    supplier.agent
      .get(BASE)
      .intercept({ path: '/v2/notifications/sms', method: 'POST' })
      .reply(429, body, { headers: JSON_HEADERS });

    await expect(
      adapter().send({ to: '07700900123', body: 'x', reference: 'r' }),
    ).rejects.toMatchObject({ code: 'throttled' });
  });

  test('a 201 whose body is not JSON is a finding with the body kept as evidence', async () => {
    supplier.agent
      .get(BASE)
      .intercept({ path: '/v2/notifications/sms', method: 'POST' })
      .reply(201, '{"id": "740e5834-', { headers: JSON_HEADERS });

    await expect(
      adapter().send({ to: '07700900123', body: 'x', reference: 'r' }),
    ).rejects.toMatchObject({ code: 'response_not_json' });
    expect(supplier.exchanges[0]?.response?.body).toBe('{"id": "740e5834-');
  });

  test('a 201 missing a documented field names the field', async () => {
    const { content: _content, ...withoutContent } = SEND_CREATED;
    supplier.agent
      .get(BASE)
      .intercept({ path: '/v2/notifications/sms', method: 'POST' })
      .reply(201, withoutContent, { headers: JSON_HEADERS });

    await expect(
      adapter().send({ to: '07700900123', body: 'x', reference: 'r' }),
    ).rejects.toMatchObject({ code: 'response_shape', path: 'content' });
  });

  test('a refused connection is a transport error', async () => {
    supplier.agent
      .get(BASE)
      .intercept({ path: '/v2/notifications/sms', method: 'POST' })
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));

    await expect(
      adapter().send({ to: '07700900123', body: 'x', reference: 'r' }),
    ).rejects.toBeInstanceOf(TransportError);
    expect(supplier.exchanges[0]?.error).toMatch(/ECONNREFUSED/);
  });
});

describe('answers about the set-up, not the supplier', () => {
  test.each([
    [400, errorBody(400, 'BadRequestError', 'Template not found'), 'TargetSetupError'],
    [
      400,
      errorBody(400, 'BadRequestError', 'Can’t send to this recipient using a team-only API key'),
      'TargetSetupError',
    ],
    [404, '<html>Not Found</html>', 'TargetSetupError'],
    [302, '', 'TargetSetupError'],
    [502, '<html>Bad gateway</html>', 'TransportError'],
    [504, '<html>Gateway timeout</html>', 'TransportError'],
  ])('HTTP %s %j is a %s, never a supplier fail', async (status, body, name) => {
    supplier.agent
      .get(BASE)
      .intercept({ path: '/v2/notifications/sms', method: 'POST' })
      .reply(status, body, { headers: { location: 'https://elsewhere.test/' } });

    await expect(
      adapter().send({ to: '07700900123', body: 'x', reference: 'r' }),
    ).rejects.toMatchObject({ name });
  });

  test('a base URL with a path prefix keeps it', async () => {
    supplier.agent
      .get(BASE)
      .intercept({ path: '/gateway/notify/v2/notifications/sms', method: 'POST' })
      .reply(201, SEND_CREATED, { headers: JSON_HEADERS });
    const client = supplier.client(new Redactor());
    const prefixed = new NotifyAdapter({
      baseUrl: `${BASE}/gateway/notify/`,
      key: parseNotifyKey(API_KEY, 'test'),
      templateId: TEMPLATE_ID,
      client,
    });

    await expect(
      prefixed.send({ to: '07700900123', body: 'x', reference: 'r' }),
    ).resolves.toMatchObject({
      id: NOTIFICATION_ID,
    });
  });
});

describe('status', () => {
  test.each([
    ['created', 'accepted'],
    ['sending', 'sending'],
    ['pending', 'sending'],
    ['sent', 'delivered'],
    ['delivered', 'delivered'],
    ['temporary-failure', 'temporary-failure'],
    ['permanent-failure', 'permanent-failure'],
    ['technical-failure', 'technical-failure'],
  ])('Notify status %s reads as %s, the original kept', async (notify, normalised) => {
    supplier.agent
      .get(BASE)
      .intercept({ path: `/v2/notifications/${NOTIFICATION_ID}`, method: 'GET' })
      .reply(200, notification(notify), { headers: JSON_HEADERS });

    const state = await adapter().status(NOTIFICATION_ID);

    expect(state).toMatchObject({ status: normalised, providerStatus: notify });
  });

  test('a 404 NoResultFound means no such message', async () => {
    supplier.agent
      .get(BASE)
      .intercept({ path: `/v2/notifications/${NOTIFICATION_ID}`, method: 'GET' })
      .reply(404, errorBody(404, 'NoResultFound', 'No result found'), { headers: JSON_HEADERS });

    expect(await adapter().status(NOTIFICATION_ID)).toBeUndefined();
  });

  test('a status outside the documented set is a finding', async () => {
    supplier.agent
      .get(BASE)
      .intercept({ path: `/v2/notifications/${NOTIFICATION_ID}`, method: 'GET' })
      .reply(200, notification('lost-in-space'), { headers: JSON_HEADERS });

    await expect(adapter().status(NOTIFICATION_ID)).rejects.toMatchObject({
      code: 'unknown_status',
    });
  });
});

describe('price', () => {
  test('is read from cost_details once Notify says the cost data is ready', async () => {
    const abroad = notification('delivered', {
      cost_details: {
        billable_sms_fragments: 2,
        international_rate_multiplier: 2,
        sms_rate: 0.024,
      },
    });
    supplier.agent
      .get(BASE)
      .intercept({ path: `/v2/notifications/${NOTIFICATION_ID}`, method: 'GET' })
      .reply(200, abroad, { headers: JSON_HEADERS });

    const state = await adapter().status(NOTIFICATION_ID);

    expect(state?.price).toEqual({ segments: 2, perSegment: 0.024, multiplier: 2, total: 0.096 });
  });

  test('is absent while the cost data is not ready', async () => {
    const pending = notification('sending', { is_cost_data_ready: false, cost_details: {} });
    supplier.agent
      .get(BASE)
      .intercept({ path: `/v2/notifications/${NOTIFICATION_ID}`, method: 'GET' })
      .reply(200, pending, { headers: JSON_HEADERS });

    expect((await adapter().status(NOTIFICATION_ID))?.price).toBeUndefined();
  });
});

describe('inbound', () => {
  test('reads received text messages in the documented shape', async () => {
    supplier.agent
      .get(BASE)
      .intercept({ path: '/v2/received-text-messages', method: 'GET' })
      .reply(
        200,
        {
          received_text_messages: [
            {
              id: NOTIFICATION_ID,
              user_number: '447700900345',
              notify_number: '07700900654',
              created_at: '2026-12-04T10:00:00.000000Z',
              service_id: SERVICE_ID,
              content: 'BIN collection missed',
            },
          ],
          links: { current: `${BASE}/v2/received-text-messages` },
        },
        { headers: JSON_HEADERS },
      );

    const texts = await adapter().inbound();

    expect(texts).toEqual([
      {
        id: NOTIFICATION_ID,
        from: '447700900345',
        to: '07700900654',
        text: 'BIN collection missed',
        receivedAt: '2026-12-04T10:00:00.000000Z',
      },
    ]);
  });
});

describe('list', () => {
  test('sends the filters and follows the next link by older_than', async () => {
    const olderThan = '0b0e5834-3a29-46b4-9a6f-16142fde533a';
    supplier.agent
      .get(BASE)
      .intercept({
        path: '/v2/notifications?template_type=sms&reference=r1&status=permanent-failure',
        method: 'GET',
      })
      .reply(
        200,
        {
          notifications: [notification('permanent-failure')],
          links: {
            current: `${BASE}/v2/notifications?reference=r1`,
            next: `/v2/notifications?reference=r1&older_than=${olderThan}`,
          },
        },
        { headers: JSON_HEADERS },
      );

    const page = await adapter().list({ reference: 'r1', status: 'permanent-failure' });

    expect(page.messages.map((m) => m.status)).toEqual(['permanent-failure']);
    expect(page.next).toBe(olderThan);
  });
});

describe('evidence', () => {
  test('records each exchange with the key, token and number redacted', async () => {
    supplier.agent
      .get(BASE)
      .intercept({ path: '/v2/notifications/sms', method: 'POST' })
      .reply(201, SEND_CREATED, { headers: JSON_HEADERS });

    await adapter().send({ to: '07700900123', body: 'hello', reference: 'r1' });
    const recorded = JSON.stringify(supplier.exchanges);

    expect(supplier.exchanges).toHaveLength(1);
    expect(recorded).not.toContain(SECRET);
    expect(recorded).not.toContain('07700900123');
    expect(recorded).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    expect(supplier.exchanges[0]?.request.headers['authorization']).toBe('Bearer [REDACTED]');
  });
});
