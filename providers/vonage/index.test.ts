import { expect, test } from 'vitest';
import { ConfigError } from '../../core/errors.ts';
import type { ResolvedTarget } from '../../core/target.ts';
import { dialectOf } from '../registry.ts';
import { API_KEY, API_SECRET, SIGNATURE_SECRET } from './fixtures/documented-shapes.ts';

const TARGET = {
  name: 'vonage-sandbox',
  dialect: 'vonage',
  baseUrl: 'https://rest.nexmo.com',
  credentials: { apiKey: API_KEY, apiSecret: API_SECRET, signatureSecret: SIGNATURE_SECRET },
  options: { from: 'ACMEALERTS' },
  sender: {},
} as unknown as ResolvedTarget;

function problemsOf(target: ResolvedTarget): readonly string[] {
  try {
    dialectOf('vonage').checkCredentials(target, 'sms-assure.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

test('a complete Vonage target passes its credential check', () => {
  expect(problemsOf(TARGET)).toEqual([]);
});

test('every missing secret is named, each by its field', () => {
  const problems = problemsOf({ ...TARGET, credentials: { apiKey: API_KEY } });

  expect(problems).toEqual([
    expect.stringContaining('credentials.apiSecret'),
    expect.stringContaining('credentials.signatureSecret'),
  ]);
});

test('an unknown signature method and a missing sender are named', () => {
  expect(problemsOf({ ...TARGET, options: { from: 'A', signatureMethod: 'sha3' } })).toEqual([
    expect.stringContaining("options.signatureMethod: 'sha3'"),
  ]);
  expect(problemsOf({ ...TARGET, options: {} })).toEqual([expect.stringContaining('options.from')]);
});

test('without a callback receiver there is no authority; URLs and senders go per message', () => {
  const dialect = dialectOf('vonage');

  expect(dialect.createCallbackAuthority(TARGET)).toBeUndefined();
  expect(dialect.callbackUrls).toBe('per-message');
  expect(dialect.senderIds).toBe('per-message');
});
