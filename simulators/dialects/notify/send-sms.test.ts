import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type StartedSimulator } from '../../index.ts';
import {
  call,
  callAs,
  finalStatus,
  notifyToken,
  sendText,
} from '../../test-support/notify-http.ts';

let simulator: StartedSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ timeScale: 1000 });
});

afterAll(async () => {
  await simulator.stop();
});

function idOf(reply: { json: unknown }): string {
  return (reply.json as { id: string }).id;
}

function errors(reply: { json: unknown }): unknown {
  return (reply.json as { errors: unknown }).errors;
}

describe('test key outcomes', () => {
  test.each([
    ['07700900003', 'temporary-failure'],
    ['07700900002', 'permanent-failure'],
    ['07700900456', 'delivered'],
    ['+447700900004', 'delivered'],
  ])('%s ends as %s', async (number, outcome) => {
    const sent = await sendText(simulator, simulator.notify.testKey, number);

    expect(sent.status).toBe(201);
    expect(await finalStatus(simulator, simulator.notify.testKey, idOf(sent))).toBe(outcome);
  });

  test('nothing sent with a test key reaches a handset', async () => {
    const sent = await sendText(simulator, simulator.notify.testKey, '07700900457');
    await finalStatus(simulator, simulator.notify.testKey, idOf(sent));

    const inbox = await call(simulator, 'GET', '/_sim/handsets/+447700900457');
    expect(inbox.json).toEqual({ number: '+447700900457', messages: [], replies: [] });
  });
});

describe('live and team keys', () => {
  test.each([
    ['07700900002', 'permanent-failure'],
    ['07700900003', 'temporary-failure'],
    ['07700900004', 'technical-failure'],
    ['07700900458', 'delivered'],
  ])('the network model decides %s: %s', async (number, outcome) => {
    const sent = await sendText(simulator, simulator.notify.liveKey, number);
    expect(await finalStatus(simulator, simulator.notify.liveKey, idOf(sent))).toBe(outcome);
  });

  test('a delivered live message appears in the handset inbox, from the sender ID', async () => {
    const sent = await sendText(simulator, simulator.notify.liveKey, '07700 900 459', {
      personalisation: { body: 'Your parcel arrives today' },
    });
    await finalStatus(simulator, simulator.notify.liveKey, idOf(sent));

    const inbox = await call(
      simulator,
      'GET',
      `/_sim/handsets/${encodeURIComponent('+447700900459')}`,
    );
    expect(inbox.json).toEqual({
      number: '+447700900459',
      messages: [
        {
          id: idOf(sent),
          from: 'ASSURE',
          body: 'Your parcel arrives today',
          receivedAt: expect.stringMatching(/Z$/),
          encoding: 'GSM-7',
          fragments: 1,
          status: 'delivered',
        },
      ],
      replies: [],
    });
  });

  test('a live message is billed by fragment once sent', async () => {
    const sent = await sendText(simulator, simulator.notify.liveKey, '07700900460', {
      personalisation: { body: 'x'.repeat(161) },
    });
    await finalStatus(simulator, simulator.notify.liveKey, idOf(sent));

    const read = await callAs(
      simulator,
      simulator.notify.liveKey,
      'GET',
      `/v2/notifications/${idOf(sent)}`,
    );
    expect(read.json).toMatchObject({
      cost_details: {
        billable_sms_fragments: 2,
        international_rate_multiplier: 1,
        sms_rate: 0.024,
      },
      cost_in_pounds: 2 * 0.024,
    });
  });

  test('a team key may text the team', async () => {
    const [member] = simulator.notify.teamNumbers;
    const sent = await sendText(simulator, simulator.notify.teamKey, member ?? '');
    expect(sent.status).toBe(201);
  });

  test('a team key may not text anyone else', async () => {
    const sent = await sendText(simulator, simulator.notify.teamKey, '07700900999');

    expect(sent.json).toEqual({
      status_code: 400,
      errors: [
        {
          error: 'BadRequestError',
          message: 'Can’t send to this recipient using a team-only API key',
        },
      ],
    });
  });
});

describe('smoke-test numbers', () => {
  test.each(['07700900000', '07700900111', '+447700900222'])(
    '%s is answered 201 but never stored, sent or receipted',
    async (number) => {
      const sent = await sendText(simulator, simulator.notify.teamKey, number, {
        reference: `smoke-${number}`,
      });

      expect(sent.status).toBe(201);
      expect(sent.json).toMatchObject({
        reference: `smoke-${number}`,
        content: { from_number: 'ASSURE' },
      });

      const read = await callAs(
        simulator,
        simulator.notify.teamKey,
        'GET',
        `/v2/notifications/${idOf(sent)}`,
      );
      expect(read.status).toBe(404);
      expect(read.json).toEqual({
        status_code: 404,
        errors: [{ error: 'NoResultFound', message: 'No result found' }],
      });

      const listed = await callAs(
        simulator,
        simulator.notify.teamKey,
        'GET',
        `/v2/notifications?reference=smoke-${number}`,
      );
      expect((listed.json as { notifications: unknown[] }).notifications).toEqual([]);
    },
  );
});

describe('request validation', () => {
  const send = (body: object | string) =>
    callAs(simulator, simulator.notify.testKey, 'POST', '/v2/notifications/sms', body as object);

  test('unknown fields are refused', async () => {
    const reply = await send({
      phone_number: '07700900461',
      template_id: simulator.notify.templateId,
      personalisation: { body: 'x' },
      colour: 'blue',
    });

    expect(reply.status).toBe(400);
    expect(errors(reply)).toEqual([
      {
        error: 'ValidationError',
        message: 'Additional properties are not allowed (colour was unexpected)',
      },
    ]);
  });

  test('every schema problem is reported at once', async () => {
    const reply = await send({ reference: 42, personalisation: 'body' });

    expect(errors(reply)).toEqual([
      { error: 'ValidationError', message: 'reference 42 is not of type string' },
      { error: 'ValidationError', message: 'personalisation body is not of type object' },
      { error: 'ValidationError', message: 'phone_number is a required property' },
      { error: 'ValidationError', message: 'template_id is a required property' },
    ]);
  });

  test.each([
    ['07700 9001', 'phone_number Not enough digits'],
    ['077009001234567', 'phone_number Too many digits'],
    ['07700 900ABC', 'phone_number Must not contain letters or symbols'],
    ['+999 123 456', 'phone_number Not a valid country prefix'],
  ])('phone number %s: %s', async (number, message) => {
    const reply = await send({
      phone_number: number,
      template_id: simulator.notify.templateId,
      personalisation: { body: 'x' },
    });
    expect(errors(reply)).toEqual([{ error: 'ValidationError', message }]);
  });

  test('template_id must be a UUID and a template of the service', async () => {
    const notUuid = await send({ phone_number: '07700900462', template_id: 'welcome' });
    const unknown = await send({
      phone_number: '07700900462',
      template_id: '00000000-0000-4000-8000-000000000000',
    });

    expect(errors(notUuid)).toEqual([
      { error: 'ValidationError', message: 'template_id is not a valid UUID' },
    ]);
    expect(errors(unknown)).toEqual([{ error: 'BadRequestError', message: 'Template not found' }]);
  });

  test('the template placeholder must be filled', async () => {
    const reply = await send({
      phone_number: '07700900463',
      template_id: simulator.notify.templateId,
    });
    expect(errors(reply)).toEqual([
      { error: 'BadRequestError', message: 'Missing personalisation: body' },
    ]);
  });

  test('a text longer than 918 characters is refused', async () => {
    const reply = await send({
      phone_number: '07700900464',
      template_id: simulator.notify.templateId,
      personalisation: { body: 'a'.repeat(919) },
    });
    expect(errors(reply)).toEqual([
      {
        error: 'BadRequestError',
        message:
          'Your message is too long. Text messages cannot be longer than 918 characters. ' +
          'Your message is 919 characters long.',
      },
    ]);
  });

  test('international numbers are refused without the permission; landlines always', async () => {
    await using restricted = await startSimulator({ internationalSms: false, timeScale: 1000 });
    const base = { template_id: restricted.notify.templateId, personalisation: { body: 'x' } };
    const post = (phone_number: string) =>
      callAs(restricted, restricted.notify.testKey, 'POST', '/v2/notifications/sms', {
        ...base,
        phone_number,
      });
    const abroad = await post('+1 202 555 0143');
    const landline = await post('01632 960001');

    expect(errors(abroad)).toEqual([
      { error: 'BadRequestError', message: 'Cannot send to international mobile numbers' },
    ]);
    expect(errors(landline)).toEqual([
      { error: 'InvalidPhoneError', message: 'Not a UK mobile number' },
    ]);
  });

  test('an unknown sms_sender_id is refused; the default one is accepted', async () => {
    const base = {
      phone_number: '07700900465',
      template_id: simulator.notify.templateId,
      personalisation: { body: 'x' },
    };
    const other = '00000000-0000-4000-8000-000000000001';
    const unknown = await send({ ...base, sms_sender_id: other });
    const known = await send({ ...base, sms_sender_id: simulator.notify.senderId });

    expect(errors(unknown)).toEqual([
      {
        error: 'BadRequestError',
        message:
          `sms_sender_id ${other} does not exist in database ` +
          `for service id ${simulator.notify.serviceId}`,
      },
    ]);
    expect(known.status).toBe(201);
  });

  test('a body that is not JSON gets a 400, not a crash', async () => {
    const reply = await call(simulator, 'POST', '/v2/notifications/sms', {
      authorization: `Bearer ${await notifyToken(simulator.notify.testKey)}`,
      body: '{"phone_number": "0770',
    });

    expect(reply.json).toEqual({
      status_code: 400,
      errors: [{ error: 'BadRequestError', message: 'Invalid JSON supplied in POST data' }],
    });
  });
});

test('deeply nested JSON is refused as invalid, never a server error', async () => {
  await using deep = await startSimulator({ timeScale: 10_000 });
  const nested = `${'['.repeat(5000)}"x"${']'.repeat(5000)}`;
  const body =
    `{"phone_number":"07700900123","template_id":"${deep.notify.templateId}",` +
    `"reference":${nested}}`;

  const authorization = `Bearer ${await notifyToken(deep.notify.testKey)}`;
  const reply = await call(deep, 'POST', '/v2/notifications/sms', { authorization, body });

  expect(reply.status).toBe(400);
});
