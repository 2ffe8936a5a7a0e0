import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, test } from 'vitest';
import {
  FICTION_RANGES,
  UK_DRAMA_MOBILES,
  fictionRangeFor,
  isFictionNumber,
} from './fiction-ranges.ts';
import { blocksSize, numberAt } from './number-block.ts';
import { readUkMobile } from './uk-mobile.ts';

function everyNumber(country: string): string[] {
  const range = fictionRangeFor(country);
  if (range === undefined) throw new TypeError(`no range for ${country}`);
  return Array.from({ length: blocksSize(range.blocks) }, (_, i) => numberAt(range.blocks, i));
}

describe('isFictionNumber', () => {
  test.each([
    ['the first UK drama mobile', '+447700900000'],
    ['the last UK drama mobile', '+447700900999'],
    ['a London drama number', '+442079460000'],
    ['a no-area drama number', '+441632960999'],
    ['a Manchester drama number', '+441614960500'],
    ['the Design System freephone example', '+448081570192'],
    ['a premium-rate drama number', '+449098790001'],
    ['the first NANP fiction line of a listed area code', '+12025550100'],
    ['the last NANP fiction line of a listed area code', '+14165550199'],
    ['a NANP fiction line in an area code nobody listed', '+13055550150'],
    ['the first ACMA mobile', '+61491570006'],
    ['the last ACMA mobile in its list', '+61491579455'],
  ])('accepts %s', (_, e164) => {
    expect(isFictionNumber(e164)).toBe(true);
  });

  test.each([
    ['a national spelling', '07700900123'],
    ['spaces', '+44 7700 900123'],
    ['the number after the UK drama mobiles', `+44${7_700_900_000 + 1_000}`],
    ['a drama mobile with a digit too many', '+4477009001234'],
    ['a NANP fiction line with a digit too few', '+1202555010'],
    ['an ACMA mobile with a digit too many', '+614915700060'],
    ['an empty string', ''],
  ])('refuses %s', (_, e164) => {
    expect(isFictionNumber(e164)).toBe(false);
  });

  test('accepts every number of every range it lists', () => {
    for (const range of FICTION_RANGES) {
      const size = blocksSize(range.blocks);
      const numbers = Array.from({ length: size }, (_, i) => numberAt(range.blocks, i));

      expect(numbers.every(isFictionNumber), range.description).toBe(true);
    }
  });
});

describe('the ranges', () => {
  test('hold a thousand UK drama mobiles, 100 lines per NANP area code and 30 ACMA mobiles', () => {
    expect(blocksSize(UK_DRAMA_MOBILES.blocks)).toBe(1000);
    expect(everyNumber('US')).toHaveLength(400);
    expect(everyNumber('CA')).toHaveLength(400);
    expect(new Set(everyNumber('AU')).size).toBe(30);
  });

  test('each name its source', () => {
    for (const range of FICTION_RANGES) expect(range.source).not.toBe('');
  });

  test('give UK drama mobiles that the UK mobile reader accepts', () => {
    for (const e164 of everyNumber('GB')) {
      expect(readUkMobile(e164)).toMatchObject({ ok: true, drama: true, e164 });
    }
  });

  test.each(['US', 'CA', 'AU'])(
    'give %s numbers that libphonenumber calls valid and places in that country',
    (country) => {
      for (const e164 of everyNumber(country)) {
        const parsed = parsePhoneNumberFromString(e164);

        expect(parsed?.isValid(), e164).toBe(true);
        expect(parsed?.country, e164).toBe(country);
      }
    },
  );

  test('list only possible numbers, landlines included', () => {
    for (const range of FICTION_RANGES) {
      const first = numberAt(range.blocks, 0);
      expect(parsePhoneNumberFromString(first)?.isPossible(), range.description).toBe(true);
    }
  });
});

describe('fictionRangeFor', () => {
  test('gives the textable range of a country, in any letter case', () => {
    expect(fictionRangeFor('GB')).toBe(UK_DRAMA_MOBILES);
    expect(fictionRangeFor('gb')).toBe(UK_DRAMA_MOBILES);
    expect(fictionRangeFor('US')?.service).toBe('fixed-or-mobile');
    expect(fictionRangeFor('AU')?.service).toBe('mobile');
  });

  test.each(['UK', 'FR', 'JE', ''])('knows no range for %j', (country) => {
    expect(fictionRangeFor(country)).toBeUndefined();
  });
});
