import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startSimulator, type ProfileName, type StartedSimulator } from '../../index.ts';
import { startReceiver, type TestReceiver } from '../../test-support/callback-receiver.ts';

let simulator: StartedSimulator | undefined;
let receiver: TestReceiver;

beforeEach(async () => {
  receiver = await startReceiver();
});

afterEach(async () => {
  await simulator?.stop();
  await receiver.close();
});

async function start(profile: ProfileName = 'compliant') {
  simulator = await startSimulator({ timeScale: 1000, profile });
  return simulator;
}

/** A send as Notify's Firetext client makes it: a form, answered with JSON. */
async function send(sim: StartedSimulator, fields: Record<string, string>) {
  const form = {
    apiKey: sim.firetext.apiKey,
    from: 'ASSURE',
    to: '447700900123',
    message: 'hello from the test',
    reference: 'ref-1',
    ...fields,
  };
  const reply = await request(`${sim.baseUrl}/api/sendsms/json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: reply.statusCode, json: (await reply.body.json()) as { code: number } };
}

/** The receipts posted about one reference, once one says the text's fate. */
async function receiptsFor(reference: string) {
  const about = () => receiver.received.filter((r) => r.body['reference'] === reference);
  await vi.waitFor(() => expect(about().some((r) => r.body['status'] !== '2')).toBe(true), {
    timeout: 5_000,
    interval: 10,
  });
  return about();
}

describe('the send', () => {
  test('a good send is queued with code 0', async () => {
    const sim = await start();

    expect(await send(sim, {})).toEqual({
      status: 200,
      json: { code: 0, description: 'SMS successfully queued', data: [], responseData: 1 },
    });
  });

  test.each([
    [{ apiKey: 'not-the-key' }, 1],
    [{ to: '999123456789' }, 2], // a country code no country has
    [{ to: 'nobody' }, 2],
    [{ from: 'FAR TOO LONG SENDER' }, 3],
    [{ from: 'no!' }, 3],
    [{ message: '' }, 5],
  ])('%o is refused with code %i, on HTTP 200', async (fields, code) => {
    const sim = await start();
    const answer = await send(sim, fields);

    expect(answer.status).toBe(200);
    expect(answer.json.code).toBe(code);
  });

  test('the sender-truncated profile cuts an over-long sender instead of refusing it', async () => {
    const sim = await start('sender-truncated');

    expect((await send(sim, { from: 'FAR TOO LONG SENDER' })).json.code).toBe(0);
  });
});

describe('receipts', () => {
  test('posted as a form, the URL’s user-info as Basic auth and not in the URL', async () => {
    const sim = await start();
    const url = receiver.url.replace('http://', 'http://svc:pa%3Ass@');
    await send(sim, { receipt: url, reference: 'R-delivered' });
    const [receipt] = await receiptsFor('R-delivered');

    expect(receipt?.headers['authorization']).toBe(
      `Basic ${Buffer.from('svc:pa:ss').toString('base64')}`,
    );
    expect(receipt?.path).toBe('/callbacks');
    expect(receipt?.body).toEqual({
      mobile: '447700900123',
      status: '0',
      reference: 'R-delivered',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    });
  });

  test('a handset away is pending first, then declined with code 102', async () => {
    const sim = await start();
    await send(sim, { receipt: receiver.url, to: '447700900003', reference: 'R-away' });
    const receipts = await receiptsFor('R-away');

    expect(receipts.map((r) => [r.body['status'], r.body['code']])).toEqual([
      ['2', undefined],
      ['1', '102'],
    ]);
  });

  test('a number that does not exist is declined with code 101, with no pending', async () => {
    const sim = await start();
    await send(sim, { receipt: receiver.url, to: '447700900002', reference: 'R-gone' });
    const receipts = await receiptsFor('R-gone');

    expect(receipts.map((r) => [r.body['status'], r.body['code']])).toEqual([['1', '101']]);
  });

  test('the unauthenticated-callbacks profile drops the credentials', async () => {
    const sim = await start('unauthenticated-callbacks');
    const url = receiver.url.replace('http://', 'http://svc:secret@');
    await send(sim, { receipt: url, reference: 'R-bare' });
    const [receipt] = await receiptsFor('R-bare');

    expect(receipt?.headers['authorization']).toBeUndefined();
  });
});
