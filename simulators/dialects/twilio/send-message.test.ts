import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type StartedSimulator } from '../../index.ts';
import { messagesPath, sendText, twilioCall } from '../../test-support/twilio-http.ts';

let simulator: StartedSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ timeScale: 1000 });
});

afterAll(async () => {
  await simulator.stop();
});

describe('a send is refused as Twilio refuses it', () => {
  test.each([
    ['no To', { To: '' }, 21604, "A 'To' phone number is required."],
    ['no Body', { Body: '' }, 21602, 'Message body is required.'],
    ['no From', { From: '' }, 21603, "A 'From' phone number is required."],
    ['a body over 1600 characters', { Body: 'a'.repeat(1601) }, 21617, undefined],
    ['a StatusCallback that is no URL', { StatusCallback: 'not a url' }, 21609, undefined],
    ['a national spelling of To', { To: '07700900123' }, 21211, undefined],
    ['a number the account does not own', { From: '+447700900999' }, 21606, undefined],
    ['an alphanumeric sender over 11 characters', { From: 'Acme Callcentre' }, 21212, undefined],
  ])('%s: %i', async (_, form, code, message) => {
    const reply = await sendText(simulator, { To: '+447700900123', ...form });

    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      code,
      message: message ?? expect.any(String),
      more_info: `https://www.twilio.com/docs/errors/${code}`,
      status: 400,
    });
  });

  test('wrong credentials are 401 20003; another account’s path is not found', async () => {
    const path = `${messagesPath(simulator)}.json`;
    const wrong = await twilioCall(simulator, 'GET', path, {
      auth: [simulator.twilio.accountSid, 'f'.repeat(32)],
    });
    expect(wrong).toMatchObject({ status: 401, json: { code: 20003, message: 'Authenticate' } });

    const other = await twilioCall(
      simulator,
      'GET',
      `${messagesPath(simulator, simulator.twilio.testAccountSid)}.json`,
    );
    expect(other).toMatchObject({ status: 404, json: { code: 20404 } });
  });

  test('the owned number and a two-part text are accepted, segments counted', async () => {
    const reply = await sendText(simulator, {
      To: '+447700900123',
      From: simulator.twilio.ownedNumber,
      Body: 'x'.repeat(161),
    });

    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({ from: '+447700900600', num_segments: '2', price: null });
  });
});

describe('the list', () => {
  test('filters by From and DateSent, and pages with PageSize', async () => {
    const to = '+447700900131';
    const from = simulator.twilio.ownedNumber;
    await sendText(simulator, { To: to, From: from });
    await sendText(simulator, { To: to });
    const list = (query: string) =>
      twilioCall(simulator, 'GET', `${messagesPath(simulator)}.json?${query}`);

    const byFrom = await list(`To=${encodeURIComponent(to)}&From=${encodeURIComponent(from)}`);
    expect((byFrom.json['messages'] as unknown[]).length).toBe(1);

    // A text shows under DateSent only once it has been sent.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const sentToday = await list(`To=${encodeURIComponent(to)}&DateSent=${today}`);
    const sentTomorrow = await list(`To=${encodeURIComponent(to)}&DateSent=${tomorrow}`);
    expect((sentToday.json['messages'] as unknown[]).length).toBe(2);
    expect(sentTomorrow.json['messages']).toEqual([]);

    const paged = await list(`To=${encodeURIComponent(to)}&PageSize=1`);
    expect(paged.json).toMatchObject({ page: 0, page_size: 1, previous_page_uri: null });
    expect(String(paged.json['next_page_uri'])).toMatch(/Page=1&PageToken=PASM[0-9a-f]{32}$/);
  });
});

describe('alphanumeric senders, set up through the control API', () => {
  test('11 characters are kept; a longer one is refused in Twilio’s error shape', async () => {
    const register = async (text: string) => {
      const reply = await fetch(`${simulator.controlUrl}/twilio/senders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      return { status: reply.status, json: (await reply.json()) as Record<string, unknown> };
    };

    expect(await register('Council Tax')).toMatchObject({
      status: 201,
      json: { text: 'Council Tax' },
    });
    expect(await register('Acme Callcentre')).toMatchObject({
      status: 400,
      json: { code: 21212 },
    });
  });
});
