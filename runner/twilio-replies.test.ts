import { request } from 'undici';
import { describe, expect, test, vi } from 'vitest';
import { pointTwilioNumberAt } from './twilio-sms-url.ts';
import { startSimulator, type ProfileName } from '../simulators/index.ts';
import { startCallbackReceiver } from '../providers/callback-receiver.ts';
import { TwilioCallbackAuthority } from '../providers/twilio/callback-authority.ts';

/**
 * The whole path of a reply on Twilio's wire: the runner points the simulated number's SmsUrl at
 * the receiver, a handset texts the number, and the receiver judges the webhook with the
 * Twilio authority. A signed webhook is read as a reply; an unsigned one is caught and refused.
 */
async function replyThrough(profile: ProfileName) {
  await using receiver = await startCallbackReceiver();
  await using sim = await startSimulator({ timeScale: 1000, profile, callbackCa: [receiver.ca] });
  const inboundUrl = `${receiver.baseUrl}/callbacks/twilio/inbound`;
  receiver.register(
    'twilio',
    new TwilioCallbackAuthority(sim.twilio, `${receiver.baseUrl}/callbacks/twilio`),
  );
  const access = { ...sim.twilio, baseUrl: sim.baseUrl, trustedCa: [] };
  await pointTwilioNumberAt(access, sim.twilio.ownedNumber, inboundUrl);

  const handset = encodeURIComponent('+447700900321');
  const sent = await request(`${sim.controlUrl}/handsets/${handset}/reply`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to: sim.twilio.ownedNumber, text: 'PARK renew please' }),
  });
  await sent.body.dump();

  await vi.waitFor(() => expect(receiver.received('twilio')).toHaveLength(1), { timeout: 5_000 });
  return receiver.received('twilio')[0];
}

describe('a reply on Twilio’s wire, as the receiver judges it', () => {
  test('the signed webhook is authenticated and read as the reply', async () => {
    const received = await replyThrough('compliant');

    expect(received).toMatchObject({
      kind: 'inbound',
      authenticated: true,
      overTls: true,
      inbound: { from: '+447700900321', to: '+447700900600', text: 'PARK renew please' },
    });
    expect(received?.rejection).toBeUndefined();
  });

  test('unauthenticated-callbacks: the unsigned webhook is caught', async () => {
    const received = await replyThrough('unauthenticated-callbacks');

    expect(received).toMatchObject({
      kind: 'inbound',
      authenticated: false,
      rejection: { code: 'callback_unsigned', reason: 'no X-Twilio-Signature header' },
    });
  });
});
