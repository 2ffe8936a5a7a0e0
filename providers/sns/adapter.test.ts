import { describe, expect, test } from 'vitest';
import {
  ConfigError,
  CredentialsError,
  ProviderResponseError,
  TargetSetupError,
} from '../../core/errors.ts';
import { Redactor } from '../../core/redact.ts';
import { verifySignature } from '../../simulators/dialects/sns/sigv4.ts';
import { useMockSupplier } from '../http/test-support/mock-supplier.ts';
import { SnsAdapter } from './adapter.ts';
import { readSnsAuth } from './credentials.ts';
import {
  ACCESS_KEY_ID,
  MESSAGE_ID,
  PUBLISH_RESPONSE,
  REGION,
  SECRET_ACCESS_KEY,
  TO,
  errorResponse,
} from './fixtures/documented-shapes.ts';

const BASE = `https://sns.${REGION}.amazonaws.com`;
const XML = { 'content-type': 'text/xml' };

const supplier = useMockSupplier(BASE);

function adapter(senderId?: string) {
  return new SnsAdapter({
    baseUrl: BASE,
    region: REGION,
    auth: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
    ...(senderId ? { senderId } : {}),
    client: supplier.client(new Redactor().secret(SECRET_ACCESS_KEY).number(TO)),
  });
}

function replyXml(status: number, xml: string) {
  supplier.agent
    .get(BASE)
    .intercept({ path: '/', method: 'POST' })
    .reply(status, xml, { headers: XML });
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => new Error('expected a failure'),
    (error: unknown) => error as Error,
  );
}

describe('send', () => {
  test('publishes the Query form, with SigV4 an independent check accepts', async () => {
    let form = new URLSearchParams();
    let verified: { region: string } | undefined;
    supplier.agent
      .get(BASE)
      .intercept({ path: '/', method: 'POST' })
      .reply((options) => {
        const body = Buffer.from(String(options.body));
        form = new URLSearchParams(body.toString('utf8'));
        const headers = Object.fromEntries(
          Object.entries(options.headers as Record<string, string>).map(([k, v]) => [
            k.toLowerCase(),
            v,
          ]),
        );
        verified = verifySignature(
          {
            accountId: '123456789012',
            accessKeyId: ACCESS_KEY_ID,
            secretAccessKey: SECRET_ACCESS_KEY,
          },
          {
            method: 'POST',
            path: '/',
            query: new URLSearchParams(),
            params: {},
            headers,
            body,
            remoteAddress: undefined,
          },
          Date.now(),
        );
        return { statusCode: 200, data: PUBLISH_RESPONSE, responseOptions: { headers: XML } };
      });

    const sent = await adapter('GOVUK').send({
      to: '07700 900123',
      body: 'hello',
      reference: 'r1',
    });

    expect(sent).toEqual({
      id: MESSAGE_ID,
      status: 'accepted',
      providerStatus: 'published',
      sender: 'GOVUK',
    });
    expect(verified).toEqual({ region: REGION });
    expect(Object.fromEntries(form)).toEqual({
      Action: 'Publish',
      Version: '2010-03-31',
      PhoneNumber: TO,
      Message: 'hello',
      'MessageAttributes.entry.1.Name': 'AWS.SNS.SMS.SMSType',
      'MessageAttributes.entry.1.Value.DataType': 'String',
      'MessageAttributes.entry.1.Value.StringValue': 'Transactional',
      'MessageAttributes.entry.2.Name': 'AWS.SNS.SMS.SenderID',
      'MessageAttributes.entry.2.Value.DataType': 'String',
      'MessageAttributes.entry.2.Value.StringValue': 'GOVUK',
    });
  });

  test('keeps the exchange as evidence, the number masked and the secret nowhere', async () => {
    replyXml(200, PUBLISH_RESPONSE);
    await adapter('GOVUK').send({ to: TO, body: 'hello', reference: 'r1' });

    const recorded = JSON.stringify(supplier.exchanges);
    expect(supplier.exchanges).toHaveLength(1);
    expect(recorded).not.toContain(SECRET_ACCESS_KEY);
    expect(recorded).not.toContain('447700900123');
    expect(recorded).toContain(MESSAGE_ID);
  });

  test('a text without a sender ID names none, leaving the account default to SNS', async () => {
    let form = new URLSearchParams();
    supplier.agent
      .get(BASE)
      .intercept({ path: '/', method: 'POST' })
      .reply((options) => {
        form = new URLSearchParams(String(options.body));
        return { statusCode: 200, data: PUBLISH_RESPONSE, responseOptions: { headers: XML } };
      });

    const sent = await adapter().send({ to: TO, body: 'hello', reference: 'r1' });
    expect(sent.sender).toBeUndefined();
    expect([...form.values()]).not.toContain('AWS.SNS.SMS.SenderID');
  });

  test('a 200 whose body is not a whole PublishResponse is the supplier’s fault', async () => {
    replyXml(200, PUBLISH_RESPONSE.slice(0, 120));
    const error = await failureOf(adapter().send({ to: TO, body: 'x', reference: 'r' }));
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect((error as ProviderResponseError).code).toBe('malformed_response');
  });
});

describe('errors as the SNS reference documents them', () => {
  test.each([
    [
      400,
      'Sender',
      'InvalidParameter',
      'Invalid parameter: PhoneNumber Reason: +4477 is not valid to publish to',
      ProviderResponseError,
      'request_rejected',
    ],
    [400, 'Sender', 'Throttled', 'Rate exceeded', ProviderResponseError, 'throttled'],
    [500, 'Receiver', 'InternalError', 'Internal Error', ProviderResponseError, 'server_error'],
    [
      403,
      'Sender',
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match',
      CredentialsError,
      'ASSURE_CREDENTIALS_REJECTED',
    ],
    [
      403,
      'Sender',
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
      CredentialsError,
      'ASSURE_CREDENTIALS_REJECTED',
    ],
    [
      403,
      'Sender',
      'AuthorizationError',
      'User is not authorized to perform: SNS:Publish',
      CredentialsError,
      'ASSURE_CREDENTIALS_REJECTED',
    ],
    [
      403,
      'Sender',
      'OptInRequired',
      'The AWS Access Key Id needs a subscription for the service',
      TargetSetupError,
      'ASSURE_TARGET_SETUP',
    ],
  ] as const)('HTTP %i %s %s', async (status, type, code, message, kind, errorCode) => {
    replyXml(status, errorResponse(type, code, message));
    const error = await failureOf(adapter().send({ to: TO, body: 'x', reference: 'r' }));

    expect(error).toBeInstanceOf(kind);
    expect((error as ProviderResponseError).code).toBe(errorCode);
    // The original code, type and message stay in what is reported.
    expect(error.message).toContain(`SNS ${type} error ${code} (HTTP ${status}): ${message}`);
  });

  test('a 404 without an SNS error body points at baseUrl', async () => {
    replyXml(404, '<html>Not Found</html>');
    const error = await failureOf(adapter().send({ to: TO, body: 'x', reference: 'r' }));
    expect(error).toBeInstanceOf(TargetSetupError);
    expect(error.message).toContain('check baseUrl');
  });
});

describe('what SNS cannot tell', () => {
  test('declares no receipts, listing, read-back, prices or replies, and says why', () => {
    const { capabilities } = adapter();
    expect(capabilities).toMatchObject({
      receipts: [],
      testMode: false,
      listing: false,
      priceData: false,
      inbound: false,
      readBack: false,
    });
    expect(capabilities.receiptsNote).toContain('CloudWatch Logs');
  });

  test('a published text stays accepted; an id it never published is unknown', async () => {
    replyXml(200, PUBLISH_RESPONSE);
    const sns = adapter();
    const sent = await sns.send({ to: TO, body: 'x', reference: 'r' });

    expect(await sns.status(sent.id)).toEqual({
      id: MESSAGE_ID,
      status: 'accepted',
      providerStatus: 'published',
    });
    expect(await sns.status('00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });
});

describe('credentials', () => {
  test('the access key id, secret and, for temporary keys, a session token are required', () => {
    expect(readSnsAuth({ apiKey: ACCESS_KEY_ID, secretAccessKey: 's' }, 'here')).toEqual({
      accessKeyId: ACCESS_KEY_ID,
      secretAccessKey: 's',
    });
    expect(() => readSnsAuth({ apiKey: 'nope' }, 'sms-assure.yaml')).toThrow(ConfigError);
    expect(() =>
      readSnsAuth({ apiKey: 'ASIAEXAMPLE0SNS0TEST', secretAccessKey: 's' }, 'sms-assure.yaml'),
    ).toThrow(/credentials.sessionToken/);
  });
});
