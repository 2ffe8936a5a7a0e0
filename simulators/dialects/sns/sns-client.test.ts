import {
  GetSMSAttributesCommand,
  PublishCommand,
  SetSMSAttributesCommand,
  SNSClient,
  SNSServiceException,
} from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startSimulator, type StartedSimulator } from '../../index.ts';
import { inboxOf } from '../../test-support/handsets.ts';

/**
 * The official @aws-sdk/client-sns, given only the simulator's address, a region and the
 * account's access key, cannot tell the simulator from SNS: it publishes to a number, sets and
 * reads the account's SMS attributes, and its errors are SNS service exceptions. What it
 * published reads back from the LocalStack-style endpoint.
 */
let simulator: StartedSimulator;
let client: SNSClient;

beforeAll(async () => {
  simulator = await startSimulator({ timeScale: 1000 });
  client = clientWith(simulator.sns.accessKeyId, simulator.sns.secretAccessKey);
});

afterAll(async () => {
  client.destroy();
  await simulator.stop();
});

function clientWith(accessKeyId: string, secretAccessKey: string): SNSClient {
  return new SNSClient({
    endpoint: simulator.baseUrl,
    region: simulator.sns.region,
    credentials: { accessKeyId, secretAccessKey },
    maxAttempts: 1,
  });
}

async function smsMessages(query = '') {
  const reply = await fetch(`${simulator.baseUrl}/_aws/sns/sms-messages${query}`);
  return (await reply.json()) as {
    sms_messages: Record<string, { Message: string; MessageId: string }[]>;
    region: string;
  };
}

async function failureOf(command: PublishCommand, on = client): Promise<SNSServiceException> {
  const error = await on.send(command).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SNSServiceException))
    throw new Error(`expected an SNS error: ${String(error)}`);
  return error;
}

describe('the official SNS client, given only the endpoint, region and access key', () => {
  test('publishes to a fiction number with a sender ID, which the handset shows', async () => {
    const out = await client.send(
      new PublishCommand({
        PhoneNumber: '+447700900123',
        Message: 'Your reference is 4X7',
        MessageAttributes: {
          'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'GOVUK' },
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        },
      }),
    );
    expect(out.MessageId).toMatch(/^[0-9a-f-]{36}$/);

    await vi.waitFor(
      async () => {
        const shown = (await inboxOf(simulator, '+447700900123')).messages;
        expect(shown.find((m) => m.id === out.MessageId)).toMatchObject({
          from: 'GOVUK',
          body: 'Your reference is 4X7',
        });
      },
      { timeout: 10_000, interval: 10 },
    );
  });

  test('reads back from /_aws/sns/sms-messages in LocalStack’s shape', async () => {
    const out = await client.send(
      new PublishCommand({ PhoneNumber: '+447700900124', Message: 'Read me back' }),
    );

    const all = await smsMessages();
    expect(all.region).toBe('us-east-1');
    expect(all.sms_messages['+447700900124']).toEqual([
      {
        PhoneNumber: '+447700900124',
        TopicArn: null,
        SubscriptionArn: null,
        MessageId: out.MessageId,
        Message: 'Read me back',
        MessageAttributes: {},
        MessageStructure: null,
        Subject: null,
      },
    ]);
    const one = await smsMessages('?phoneNumber=%2B447700900124');
    expect(Object.keys(one.sms_messages)).toEqual(['+447700900124']);
    expect((await smsMessages('?region=eu-west-2')).sms_messages).toEqual({});
  });

  test('DELETE discards the read-back log, as LocalStack’s does', async () => {
    const reply = await fetch(`${simulator.baseUrl}/_aws/sns/sms-messages`, { method: 'DELETE' });
    expect(reply.status).toBe(204);
    expect((await smsMessages()).sms_messages).toEqual({});
  });

  test('sets and reads the account’s SMS attributes; the default sender ID is used', async () => {
    await client.send(
      new SetSMSAttributesCommand({
        attributes: { DefaultSenderID: 'COUNCIL', DefaultSMSType: 'Transactional' },
      }),
    );
    const read = await client.send(
      new GetSMSAttributesCommand({ attributes: ['DefaultSenderID', 'DefaultSMSType'] }),
    );
    expect(read.attributes).toEqual({
      DefaultSenderID: 'COUNCIL',
      DefaultSMSType: 'Transactional',
    });

    const out = await client.send(
      new PublishCommand({ PhoneNumber: '+447700900125', Message: 'From the default' }),
    );
    await vi.waitFor(
      async () => {
        const shown = (await inboxOf(simulator, '+447700900125')).messages;
        expect(shown.find((m) => m.id === out.MessageId)?.from).toBe('COUNCIL');
      },
      { timeout: 10_000, interval: 10 },
    );
    await client.send(new SetSMSAttributesCommand({ attributes: { DefaultSenderID: 'ASSURE' } }));
  });
});

describe('errors as SNS gives them', () => {
  test('wrong secret: SignatureDoesNotMatch (403); unknown key: InvalidClientTokenId', async () => {
    const command = new PublishCommand({ PhoneNumber: '+447700900123', Message: 'x' });
    const wrongSecret = clientWith(simulator.sns.accessKeyId, 'not-the-secret');
    const unknownKey = clientWith('AKIAAAAAAAAAAAAAAAAA', simulator.sns.secretAccessKey);

    const mismatch = await failureOf(command, wrongSecret);
    expect([mismatch.name, mismatch.$metadata.httpStatusCode, mismatch.$fault]).toEqual([
      'SignatureDoesNotMatch',
      403,
      'client',
    ]);
    expect((await failureOf(command, unknownKey)).name).toBe('InvalidClientTokenId');
    wrongSecret.destroy();
    unknownKey.destroy();
  });

  test('a number that is not E.164 is InvalidParameter, naming PhoneNumber', async () => {
    const error = await failureOf(new PublishCommand({ PhoneNumber: '07700900123', Message: 'x' }));
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toBe(
      'Invalid parameter: PhoneNumber Reason: 07700900123 is not valid to publish to',
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  test('a sender ID longer than 11 characters, or an unknown SMS type, is refused', async () => {
    const long = await failureOf(
      new PublishCommand({
        PhoneNumber: '+447700900123',
        Message: 'x',
        MessageAttributes: {
          'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'TWELVELETTER' },
        },
      }),
    );
    expect(long.name).toBe('InvalidParameterException');
    const type = await failureOf(
      new PublishCommand({
        PhoneNumber: '+447700900123',
        Message: 'x',
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Urgent' } },
      }),
    );
    expect(type.message).toContain('AWS.SNS.SMS.SMSType');
  });
});
