import { expect, test } from 'vitest';
import { ConfigError } from '../core/errors.ts';
import type { ResolvedTarget } from '../core/target.ts';
import { example } from './declarative/fixtures.ts';
import { supplierName } from './registry.ts';

/** Only what naming a supplier reads; the rest of a target plays no part. */
function targetOf(fields: Pick<ResolvedTarget, 'dialect' | 'description'>): ResolvedTarget {
  return { name: 'named', ...fields } as ResolvedTarget;
}

test.each([
  ['notify', 'GOV.UK Notify'],
  ['twilio', 'Twilio Programmable Messaging'],
  ['vonage', 'Vonage SMS API'],
  ['sns', 'AWS SNS'],
  ['smpp', 'SMPP 3.4 SMSC'],
  ['kannel', 'Kannel'],
])('a %s target speaks to %s', (dialect, name) => {
  expect(supplierName(targetOf({ dialect }))).toBe(name);
});

test("a described target's supplier is the one its description names", async () => {
  const api = await example('mmg');
  const target = targetOf({ dialect: 'declarative', description: { file: 'mmg.yaml', api } });

  expect(api.name).toBe('mmg');
  expect(supplierName(target)).toBe('mmg');
});

test('an unknown dialect is a configuration error naming the dialects there are', () => {
  expect(() => supplierName(targetOf({ dialect: 'carrier-pigeon' }))).toThrow(ConfigError);
});
