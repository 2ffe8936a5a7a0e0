import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { twilioSignature } from '../../../providers/twilio/signature.ts';
import { startSimulator, type ProfileName, type StartedSimulator } from '../../index.ts';
import { startReceiver, type TestReceiver } from '../../test-support/callback-receiver.ts';
import { messagesPath, sendText, twilioCall } from '../../test-support/twilio-http.ts';

let simulator: StartedSimulator | undefined;
let receiver: TestReceiver;

beforeEach(async () => {
  receiver = await startReceiver();
});

afterEach(async () => {
  await simulator?.stop();
  await receiver.close();
});

async function start(profile: ProfileName) {
  simulator = await startSimulator({ timeScale: 1000, profile });
  return simulator;
}

const FINAL = ['delivered', 'undelivered', 'failed'];

/** The callback about `sid` carrying its final status, once it has come. */
function finalCallback(sid: string) {
  return receiver.received.find(
    (r) => r.body['MessageSid'] === sid && FINAL.includes(String(r.body['MessageStatus'])),
  );
}

/** Sends with a StatusCallback carrying a query string, and waits for its final callback. */
async function sendAndAwaitCallback(sim: StartedSimulator, to: string) {
  const url = `${receiver.url}?tenant=a&b=1`;
  const sent = await sendText(sim, { To: to, StatusCallback: url });
  const sid = String(sent.json['sid']);
  await vi.waitFor(() => expect(finalCallback(sid)).toBeDefined(), {
    timeout: 5_000,
    interval: 10,
  });
  return { sid, url, callback: finalCallback(sid) };
}

describe('status callbacks', () => {
  test('a form signed over the full URL, query included, with the ErrorCode', async () => {
    const sim = await start('compliant');
    const { sid, url, callback } = await sendAndAwaitCallback(sim, '+447700900002');

    expect(callback?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(callback?.path).toBe('/callbacks?tenant=a&b=1');
    expect(callback?.body).toEqual({
      AccountSid: sim.twilio.accountSid,
      ApiVersion: '2010-04-01',
      ErrorCode: '30005',
      From: 'ASSURE',
      MessageSid: sid,
      MessageStatus: 'undelivered',
      RawDlrDoneDate: expect.stringMatching(/^\d{10}$/),
      SmsSid: sid,
      SmsStatus: 'undelivered',
      To: '+447700900002',
    });
    const params = callback?.body as Record<string, string>;
    expect(callback?.headers['x-twilio-signature']).toBe(
      twilioSignature(sim.twilio.authToken, url, params),
    );
  });

  test('sending and sent come first, each signed, then the final status', async () => {
    const sim = await start('compliant');
    const { sid, url } = await sendAndAwaitCallback(sim, '+447700900123');

    const about = receiver.received.filter((r) => r.body['MessageSid'] === sid);
    expect(about.map((r) => r.body['MessageStatus']).sort()).toEqual([
      'delivered',
      'sending',
      'sent',
    ]);
    for (const r of about) {
      const params = r.body as Record<string, string>;
      expect(r.headers['x-twilio-signature']).toBe(
        twilioSignature(sim.twilio.authToken, url, params),
      );
      expect('ErrorCode' in params).toBe(false);
    }
  });

  test('unauthenticated-callbacks: the same callback without its signature', async () => {
    const { callback } = await sendAndAwaitCallback(
      await start('unauthenticated-callbacks'),
      '+447700900123',
    );

    expect(callback?.body['MessageStatus']).toBe('delivered');
    expect(callback?.headers['x-twilio-signature']).toBeUndefined();
  });

  test('temporary-as-permanent: an unreachable handset is reported unknown (30005)', async () => {
    const sim = await start('temporary-as-permanent');
    const { sid, callback } = await sendAndAwaitCallback(sim, '+447700900003');

    expect(callback?.body['ErrorCode']).toBe('30005');
    const fetched = await twilioCall(sim, 'GET', `${messagesPath(sim)}/${sid}.json`);
    expect(fetched.json).toMatchObject({ status: 'undelivered', error_code: 30005 });
  });

  test('no-receipts: the text stays sent and no final status is called back', async () => {
    const sim = await start('no-receipts');
    const sent = await sendText(sim, { To: '+447700900123', StatusCallback: receiver.url });
    const path = `${messagesPath(sim)}/${String(sent.json['sid'])}.json`;

    await vi.waitFor(
      async () => expect((await twilioCall(sim, 'GET', path)).json['status']).toBe('sent'),
      { timeout: 5_000, interval: 10 },
    );
    // 20 simulated seconds, the longest receipt delay, are 20 ms at this scale.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await twilioCall(sim, 'GET', path)).json['status']).toBe('sent');
    const statuses = receiver.received.map((r) => r.body['MessageStatus']);
    expect(statuses.sort()).toEqual(['sending', 'sent']);
  });

  test('test credentials never trigger a callback, as Twilio documents', async () => {
    const sim = await start('compliant');
    const testAuth = [sim.twilio.testAccountSid, sim.twilio.testAuthToken] as const;
    const test = await twilioCall(sim, 'POST', `${messagesPath(sim, testAuth[0])}.json`, {
      auth: testAuth,
      form: {
        To: '+447700900123',
        From: sim.twilio.testFrom,
        Body: 'x',
        StatusCallback: receiver.url,
      },
    });
    const live = await sendText(sim, { To: '+447700900124', StatusCallback: receiver.url });

    await vi.waitFor(() => expect(finalCallback(String(live.json['sid']))).toBeDefined(), {
      timeout: 5_000,
    });
    expect(test.status).toBe(201);
    const sids = new Set(receiver.received.map((r) => r.body['MessageSid']));
    expect([...sids]).toEqual([live.json['sid']]);
  });
});
