import { afterEach, expect, test } from 'vitest';
import { Redactor } from '../../core/redact.ts';
import { startSimulator } from '../../simulators/index.ts';
import { trusting } from '../http/trusted-agent.ts';
import { RecordingClient } from '../http/recording-client.ts';
import { TwilioAdapter } from '../twilio/adapter.ts';
import { FailoverSender } from './failover-sender.ts';
import { FAST_POLICIES, simulatedSupplier } from './test-support.ts';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** Twilio on the simulator as the primary, Notify on another as the secondary. */
async function twilioThenNotify() {
  const simulator = await startSimulator({ timeScale: 1000 });
  stops.push(() => simulator.stop());
  const twilio = new TwilioAdapter({
    baseUrl: simulator.baseUrl,
    auth: { accountSid: simulator.twilio.accountSid, authToken: simulator.twilio.authToken },
    from: simulator.twilio.from,
    client: new RecordingClient({
      redactor: new Redactor(),
      sink: () => undefined,
      ...trusting(simulator.ca ? [simulator.ca] : undefined),
    }),
  });
  const { target: notify } = await simulatedSupplier('notify', stops);

  const sender = new FailoverSender({
    targets: [{ name: 'twilio', adapter: twilio }, notify],
    policies: FAST_POLICIES,
    giveUpAfterMs: 2_000,
    pollIntervalMs: 20,
  });
  stops.push(() => sender.close());
  return sender;
}

// Case BR-21: Twilio refuses a Body over 1600 characters (error 21617) on every attempt.
test('too long for Twilio (21617): tried once, not retried, not failed over', async () => {
  const sender = await twilioThenNotify();

  const route = await sender.send({ to: '07700900123', body: 'a'.repeat(1601), reference: 'r1' });

  expect(route.state).toBe('rejected');
  expect(route.attempts.map((a) => `${a.target}:${a.outcome}`)).toEqual(['twilio:rejected']);
});

test('1600 characters are taken by Twilio, the primary', async () => {
  const sender = await twilioThenNotify();

  const route = await sender.send({ to: '07700900123', body: 'a'.repeat(1600), reference: 'r2' });

  expect(route.state).toBe('accepted');
  expect(route.holder?.target).toBe('twilio');
});
