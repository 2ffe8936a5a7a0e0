import { expect, test } from 'vitest';
import { TargetConfigSchema } from '../core/config/schema.ts';
import type { ObserverConfig } from '../core/config/truth-schema.ts';
import type { ResolvedTarget } from '../core/target.ts';
import type { StartedReceiver } from '../providers/callback-receiver.ts';
import type { CallbackAuthority } from '../providers/contract.ts';
import { twilioSignature } from '../providers/twilio/signature.ts';
import { truthPlan } from './truth-plan.ts';

const SMPP = {
  kind: 'smpp',
  number: '+447700900700',
  url: 'smpps://smsc.example.test:3550',
  credentials: { systemId: { env: 'OBS_ID' }, password: { env: 'OBS_PASSWORD' } },
};

const TWILIO = {
  kind: 'twilio-webhook',
  number: '+447700900600',
  credentials: { accountSid: { env: 'OBS_SID' }, authToken: { env: 'OBS_TOKEN' } },
  relay: 'https://relay.example.test',
};

/** A real target's plan for `observer`, with what the receiver was told to take. */
async function planFor(observer: Record<string, unknown>, env: Record<string, string>) {
  const config = TargetConfigSchema.parse({
    name: 'council',
    dialect: 'notify',
    baseUrl: 'https://api.example.test',
    keyType: 'live',
    credentials: { apiKey: { env: 'KEY' } },
    options: { templateId: '00000000-0000-4000-8000-000000000000' },
    allowList: ['+447700900700', '+447700900600'],
    truth: { observer: observer as ObserverConfig },
  });
  const registered = new Map<string, CallbackAuthority>();
  const receiver = {
    baseUrl: 'https://127.0.0.1:9',
    inspectToken: 'inspect',
    register: (key: string, authority: CallbackAuthority) => void registered.set(key, authority),
  } as unknown as StartedReceiver;
  const target = { name: 'council', dialect: 'notify' } as ResolvedTarget;
  const options = { source: 'assure.yaml', timeScale: 1, allowLive: true, env, receiver };
  return { plan: await truthPlan(config, target, 0, options), registered };
}

test('an SMPP observer binds with the account its variables hold, as a receiver', async () => {
  const env = { OBS_ID: 'observer', OBS_PASSWORD: 'secret1' };
  const { plan } = await planFor(SMPP, env);

  expect(plan?.observer).toEqual({
    kind: 'smpp',
    number: '+447700900700',
    url: 'smpps://smsc.example.test:3550',
    systemId: 'observer',
    password: 'secret1',
    bind: 'receiver',
  });
});

test("an SMPP observer's unset password is bad configuration, naming the variable", async () => {
  await expect(planFor(SMPP, { OBS_ID: 'observer' })).rejects.toThrow(
    /truth\.observer\.credentials\.password: environment variable OBS_PASSWORD is not set/,
  );
});

test("a Twilio webhook observer's webhooks are judged under the relay's URL", async () => {
  const env = { OBS_SID: `AC${'c3'.repeat(16)}`, OBS_TOKEN: 'token' };
  const { plan, registered } = await planFor(TWILIO, env);

  expect(plan?.observer).toEqual({
    kind: 'twilio-webhook',
    number: '+447700900600',
    inspectUrl: 'https://127.0.0.1:9/inspect/council.truth',
    inspectToken: 'inspect',
  });
  expect([...registered.keys()]).toEqual(['council.truth']);

  const path = '/callbacks/council.truth/inbound';
  const params = { AccountSid: env.OBS_SID, MessageSid: 'SM1', From: 'A', To: 'B', Body: 'x' };
  const signedFor = (url: string) => ({
    path,
    method: 'POST' as const,
    headers: { 'x-twilio-signature': twilioSignature('token', url, params) },
    body: new URLSearchParams(params).toString(),
  });
  const authority = registered.get('council.truth');
  expect(authority?.authenticate(signedFor(`https://relay.example.test${path}`)).ok).toBe(true);
  expect(authority?.authenticate(signedFor(`https://127.0.0.1:9${path}`)).ok).toBe(false);
});

test("a Twilio webhook observer's unset Auth Token is bad configuration", async () => {
  await expect(planFor(TWILIO, { OBS_SID: `AC${'c3'.repeat(16)}` })).rejects.toThrow(
    /truth\.observer\.credentials\.authToken: environment variable OBS_TOKEN is not set/,
  );
});
