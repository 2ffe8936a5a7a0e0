import { getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, test } from 'vitest';
import { isDramaMobile, isUkMobile, readUkMobile } from './uk-mobile.ts';

/**
 * libphonenumber's own example mobile for a region, read at run time so that no number outside
 * the fiction ranges is written into this file.
 */
function exampleMobile(region: 'GB' | 'JE' | 'GG' | 'IM'): string {
  const example = getExampleNumber(region, examples);
  if (example === undefined) throw new TypeError(`libphonenumber has no example for ${region}`);
  return example.number;
}

/**
 * 07700 9xxxxx numbers past the drama range, counted from its start so that no number outside
 * the fiction ranges is written here; the test asserts libphonenumber finds each unallocated.
 */
function beyondDramaRange(offset: number): string {
  return `+44${7_700_900_000 + offset}`;
}

function libphonenumberSaysMobile(e164: string): boolean {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed?.isValid() === true && parsed.getType() === 'MOBILE';
}

describe('readUkMobile: the drama range (case BR-28)', () => {
  test.each([
    '07700 900123',
    '07700900123',
    '+447700900123',
    '447700900123',
    '0044 7700 900123',
    '+44 (0)7700 900123',
    '07700-900-123',
    '7700900123',
  ])('reads %s as a UK mobile that is neither international nor a Crown dependency', (raw) => {
    expect(readUkMobile(raw)).toEqual({
      ok: true,
      e164: '+447700900123',
      region: 'GB',
      drama: true,
      international: false,
      crownDependency: false,
    });
  });

  test('accepts the range libphonenumber rejects as invalid though possible', () => {
    const raw = parsePhoneNumberFromString('+447700900123');

    expect(raw?.isValid()).toBe(false);
    expect(raw?.isPossible()).toBe(true);
    expect(isUkMobile('+447700900123')).toBe(true);
  });

  test.each(['07700 900000', '07700 900999'])('accepts %s, an end of the range', (raw) => {
    expect(readUkMobile(raw)).toMatchObject({ ok: true, drama: true });
  });

  test.each([1_000, 9_999, 12_345, 90_000])(
    "leaves the drama range's start + %i to libphonenumber, which Notify's class would accept",
    (offset) => {
      const e164 = beyondDramaRange(offset);

      expect(isDramaMobile(e164)).toBe(false);
      expect(libphonenumberSaysMobile(e164)).toBe(false);
      expect(readUkMobile(`0${e164.slice(3)}`)).toEqual({ ok: false, problem: 'invalid-number' });
    },
  );

  test('agrees with libphonenumber on every 07700 number outside the range', () => {
    // Built here and only compared, never printed: these may be real numbers.
    const swept = Array.from({ length: 100 }, (_, i) => `+447700${String(i).padStart(2, '0')}0456`);
    const outside = swept.filter((e164) => !isDramaMobile(e164));

    expect(outside).toHaveLength(99);
    expect(outside.some(libphonenumberSaysMobile)).toBe(true);
    expect(outside.some((e164) => !libphonenumberSaysMobile(e164))).toBe(true);
    for (const e164 of outside) {
      expect(isUkMobile(e164), 'agrees with libphonenumber').toBe(libphonenumberSaysMobile(e164));
    }
  });
});

describe('readUkMobile: other UK mobiles', () => {
  test('accepts a mobile libphonenumber places in Great Britain', () => {
    const e164 = exampleMobile('GB');

    expect(readUkMobile(e164)).toEqual({
      ok: true,
      e164,
      region: 'GB',
      drama: false,
      international: false,
      crownDependency: false,
    });
  });

  test.each(['JE', 'GG'] as const)(
    'flags a %s mobile as a Crown dependency and international, as Notify does',
    (region) => {
      const e164 = exampleMobile(region);

      expect(readUkMobile(e164)).toEqual({
        ok: true,
        e164,
        region,
        drama: false,
        international: true,
        crownDependency: true,
      });
    },
  );

  test('flags an Isle of Man mobile as a Crown dependency', () => {
    // libphonenumber places only 7524, 7624 and 74576 numbers in IM, so move the example there.
    const e164 = `+447624${exampleMobile('IM').slice(-6)}`;

    expect(readUkMobile(e164)).toMatchObject({ ok: true, region: 'IM', crownDependency: true });
  });

  test("goes by libphonenumber's region, not by a list of prefixes", () => {
    // IM's own example starts 7924, a prefix Notify lists as a Crown dependency's, yet
    // libphonenumber (and so Notify's region check) places it in GB.
    const e164 = exampleMobile('IM');

    expect(parsePhoneNumberFromString(e164)?.country).toBe('GB');
    expect(readUkMobile(e164)).toMatchObject({ ok: true, region: 'GB', crownDependency: false });
  });
});

describe('readUkMobile: refusals', () => {
  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['07700 9OO123', 'unknown-character'],
    ['07700.900.123', 'unknown-character'],
    ['+61 491 570 006', 'not-uk'],
    ['0061 491 570 006', 'not-uk'],
    ['07700 90012', 'too-short'],
    ['07700 9001234', 'too-long'],
    ['020 7946 0123', 'not-mobile'],
    ['0808 157 0192', 'not-mobile'],
    ['01632 960001', 'invalid-number'],
  ])('refuses %j: %s', (raw, problem) => {
    expect(readUkMobile(raw)).toEqual({ ok: false, problem });
  });
});
