import { describe, expect, test } from 'vitest';
import { readPhoneNumber } from './phone-number.ts';

describe('readPhoneNumber', () => {
  test.each([
    '07700900123',
    '07700 900 123',
    '+447700900123',
    '+44 (0)7700 900123',
    '447700900123',
    '0044 7700 900123',
    '7700900123',
    '+07700900123',
    '077-0090-0123',
  ])('reads %s as the drama-range mobile +447700900123', (raw) => {
    expect(readPhoneNumber(raw)).toEqual({
      ok: true,
      normalised: '447700900123',
      e164: '+447700900123',
      international: false,
      landline: false,
    });
  });

  test.each([
    ['07700 90012', 'too-short'],
    ['077009001234', 'too-long'],
    ['07700 900 12a', 'unknown-character'],
    ['07700.900.123', 'unknown-character'],
    ['', 'too-short'],
    ['08081 570000', 'invalid-number'],
    ['09098 790000', 'invalid-number'],
    ['+999 1234 5678', 'bad-country-prefix'],
  ])('refuses %s: %s', (raw, problem) => {
    expect(readPhoneNumber(raw)).toEqual({ ok: false, problem });
  });

  test('marks UK landlines and numbers abroad', () => {
    expect(readPhoneNumber('01632 960001')).toMatchObject({ ok: true, landline: true });
    expect(readPhoneNumber('+1 202 555 0143')).toMatchObject({
      ok: true,
      e164: '+12025550143',
      international: true,
    });
  });
});
