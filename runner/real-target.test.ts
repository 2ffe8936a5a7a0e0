import { describe, expect, test } from 'vitest';
import { TargetConfigSchema } from '../core/config/schema.ts';
import { ConfigError } from '../core/errors.ts';
import type { StartedReceiver } from '../providers/callback-receiver.ts';
import { realTarget } from './real-target.ts';

const LIVE = `AC${'1'.repeat(32)}:live-token`;
const TEST = `AC${'2'.repeat(32)}:test-token`;

const config = TargetConfigSchema.parse({
  name: 'twilio',
  dialect: 'twilio',
  baseUrl: 'https://api.twilio.com',
  keyType: 'live',
  credentials: { apiKey: { env: 'TWILIO_LIVE' }, testApiKey: { env: 'TWILIO_TEST' } },
  options: { from: 'ASSURE', testFrom: '+15005550006' },
});

function resolve(env: Record<string, string>) {
  const receiver = {} as StartedReceiver;
  return realTarget(config, 0, {
    source: 'assure.yaml',
    timeScale: 1,
    allowLive: true,
    env,
    receiver,
  });
}

describe('a configured Twilio target with test credentials beside live ones', () => {
  test('takes both secrets from the environment, and the test sender from its options', () => {
    const target = resolve({ TWILIO_LIVE: LIVE, TWILIO_TEST: TEST });

    expect(target.credentials).toEqual({ apiKey: LIVE, testApiKey: TEST });
    expect(target.options).toEqual({ from: 'ASSURE', testFrom: '+15005550006' });
  });

  test('is bad configuration when the test variable it names is not set', () => {
    expect(() => resolve({ TWILIO_LIVE: LIVE })).toThrow(ConfigError);
    expect(() => resolve({ TWILIO_LIVE: LIVE })).toThrow(/credentials\.testApiKey: .*TWILIO_TEST/);
  });
});

describe('a target naming a further secret', () => {
  const signed = TargetConfigSchema.parse({
    ...config,
    credentials: { apiKey: { env: 'TWILIO_LIVE' }, signatureSecret: { env: 'SIGNING' } },
  });
  const options = { source: 'assure.yaml', timeScale: 1, allowLive: true };

  test('reads it from the environment under its own name', () => {
    const env = { TWILIO_LIVE: LIVE, SIGNING: 'shh' };
    const target = realTarget(signed, 0, { ...options, env, receiver: {} as StartedReceiver });

    expect(target.credentials).toEqual({ apiKey: LIVE, signatureSecret: 'shh' });
  });

  test('names the field and the variable when it is not set', () => {
    const env = { TWILIO_LIVE: LIVE };
    expect(() =>
      realTarget(signed, 0, { ...options, env, receiver: {} as StartedReceiver }),
    ).toThrow(/targets\.0\.credentials\.signatureSecret: environment variable SIGNING is not set/);
  });

  test('must still come from the environment, never inline', () => {
    const inline = { ...config, credentials: { apiKey: { env: 'X' }, signatureSecret: 'shh' } };
    expect(TargetConfigSchema.safeParse(inline).success).toBe(false);
  });
});
