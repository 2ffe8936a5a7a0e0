import { expect, test } from 'vitest';
import { sameMessageId } from './message-id.ts';

test.each([
  ['7F3A21', '7f3a21'],
  ['7F3A21', '8337953'],
  ['003E9', '3E9'],
  ['1001', '3E9'],
  // 2^63 + 1 in hex and in decimal: Number() would make both 2^63 and lose the last digit.
  ['8000000000000001', '9223372036854775809'],
  ['msg-abc', 'MSG-ABC'],
])('%s and %s are the same message', (a, b) => {
  expect(sameMessageId(a, b)).toBe(true);
  expect(sameMessageId(b, a)).toBe(true);
});

test.each([
  ['8000000000000001', '9223372036854775808'],
  ['7F3A21', '7F3A22'],
  ['msg-abc', 'msg-abd'],
  ['', '0x'],
])('%s and %s are different messages', (a, b) => {
  expect(sameMessageId(a, b)).toBe(false);
});
