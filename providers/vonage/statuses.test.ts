import { expect, test } from 'vitest';
import { normaliseVonageReceipt, submitRefusalOf } from './statuses.ts';

test.each([
  ['delivered', '0', 'delivered'],
  ['accepted', undefined, 'sending'],
  ['buffered', undefined, 'sending'],
  ['expired', undefined, 'temporary-failure'],
  ['rejected', undefined, 'permanent-failure'],
  ['failed', '2', 'temporary-failure'],
  ['failed', '7', 'temporary-failure'],
  ['failed', '8', 'temporary-failure'],
  ['failed', '12', 'temporary-failure'],
  ['failed', undefined, 'temporary-failure'],
  ['failed', '3', 'permanent-failure'],
  ['failed', '9', 'permanent-failure'],
  ['failed', '11', 'permanent-failure'],
  ['failed', '14', 'permanent-failure'],
  ['unknown', '1', 'technical-failure'],
])('receipt %s with err-code %s is %s', (status, errCode, expected) => {
  expect(normaliseVonageReceipt(status, errCode)).toBe(expected);
});

test('a receipt status Vonage never sends is not guessed at', () => {
  expect(normaliseVonageReceipt('DELIVRD', '0')).toBeUndefined();
});

test.each([
  ['1', 'throttled'],
  ['4', 'credentials'],
  ['14', 'credentials'],
  ['9', 'account'],
  ['29', 'account'],
  ['3', 'request'],
  ['5', 'server'],
  ['77', 'server'],
])('send status %s is a %s refusal', (status, expected) => {
  expect(submitRefusalOf(status)).toBe(expected);
});
