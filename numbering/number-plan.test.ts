import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, test } from 'vitest';
import { NumberingError } from './errors.ts';
import { fictionRangeFor, isFictionNumber } from './fiction-ranges.ts';
import { blocksSize, numberAt } from './number-block.ts';
import { createNumberPlan } from './number-plan.ts';
import { readUkMobile } from './uk-mobile.ts';
import { SIMULATOR_NUMBERS, WELL_KNOWN_NUMBERS } from './well-known-numbers.ts';

const E164 = /^\+[1-9]\d{6,14}$/;
const DRAWS = 20_000;

/** How many numbers `fresh` can give for a country before the range runs out. */
function freshCapacity(country: string): number {
  const blocks = fictionRangeFor(country)?.blocks ?? [];
  const all = Array.from({ length: blocksSize(blocks) }, (_, i) => numberAt(blocks, i));
  return all.filter((n) => !WELL_KNOWN_NUMBERS.has(n) && !SIMULATOR_NUMBERS.has(n)).length;
}

function caught(action: () => unknown): NumberingError {
  try {
    action();
  } catch (error) {
    if (error instanceof NumberingError) return error;
    throw error;
  }
  throw new TypeError('expected a NumberingError, but nothing was thrown');
}

describe('createNumberPlan: only fiction numbers', () => {
  test('covers the UK, the US, Canada and Australia', () => {
    expect(createNumberPlan({ seed: 1 }).countries).toEqual(['GB', 'US', 'CA', 'AU']);
  });

  test(`draws ${DRAWS} numbers across every country, all fiction and valid E.164`, () => {
    const plan = createNumberPlan({ seed: 20_260_822 });

    for (let draw = 0; draw < DRAWS; draw += 1) {
      const country = plan.countries[draw % plan.countries.length] ?? 'GB';
      const e164 = plan.forCountry(country);

      expect(e164).toMatch(E164);
      expect(isFictionNumber(e164), e164).toBe(true);
      if (country === 'GB') {
        expect(readUkMobile(e164), e164).toMatchObject({ ok: true, drama: true });
      } else {
        expect(parsePhoneNumberFromString(e164)?.country, e164).toBe(country);
      }
    }
  });

  test('draws UK mobiles from the drama range only', () => {
    const plan = createNumberPlan({ seed: 7 });
    const drawn = Array.from({ length: 2000 }, () => plan.ukMobile());

    expect(drawn.every((e164) => /^\+447700900\d{3}$/.test(e164))).toBe(true);
    // Two thousand draws from a thousand numbers reach both ends of the range sometimes.
    expect(new Set(drawn).size).toBeGreaterThan(800);
  });

  test('refuses a country with no known fiction range, naming the ones it has', () => {
    const error = caught(() => createNumberPlan({ seed: 1 }).forCountry('FR'));

    expect(error.code).toBe('ASSURE_NO_FICTION_RANGE');
    expect(error.kind).toBe('config');
    expect(error.message).toContain('"FR"');
    expect(error.message).toContain('GB, US, CA, AU');
  });

  test('points out that the United Kingdom is GB', () => {
    const error = caught(() => createNumberPlan({ seed: 1 }).fresh(1, 'UK'));

    expect(error.message).toContain('the United Kingdom is GB');
  });
});

describe('NumberPlan.fresh', () => {
  test('never gives the same number twice in one plan', () => {
    const plan = createNumberPlan({ seed: 11 });
    const batches = Array.from({ length: 9 }, () => plan.fresh(100));
    const all = batches.flat();

    expect(all).toHaveLength(900);
    expect(new Set(all).size).toBe(900);
    expect(all.every((e164) => isFictionNumber(e164) && readUkMobile(e164).ok)).toBe(true);
  });

  test("avoids published test and example numbers, and the simulator's own", () => {
    const plan = createNumberPlan({ seed: 12 });
    const all = [...plan.fresh(freshCapacity('GB')), ...plan.fresh(freshCapacity('US'), 'US')];

    expect(all.filter((e164) => WELL_KNOWN_NUMBERS.has(e164))).toEqual([]);
    expect(all.filter((e164) => SIMULATOR_NUMBERS.has(e164))).toEqual([]);
  });

  test('gives every unused number of a range, then says the range is used up', () => {
    const plan = createNumberPlan({ seed: 13 });
    const all = plan.fresh(freshCapacity('AU'), 'AU');

    expect(new Set(all).size).toBe(30);
    expect(plan.fresh(0, 'AU')).toEqual([]);

    const error = caught(() => plan.fresh(1, 'AU'));
    expect(error.code).toBe('ASSURE_FICTION_RANGE_EXHAUSTED');
    expect(error.message).toContain('only 0 unused numbers');
  });

  test('keeps each country apart', () => {
    const plan = createNumberPlan({ seed: 14 });
    plan.fresh(freshCapacity('GB'));

    expect(plan.fresh(5, 'ca').every((e164) => e164.startsWith('+1'))).toBe(true);
    expect(() => plan.fresh(1)).toThrow(NumberingError);
  });

  test.each([-1, 1.5, Number.NaN])('refuses a count of %s', (count) => {
    const error = caught(() => createNumberPlan({ seed: 1 }).fresh(count));

    expect(error.code).toBe('ASSURE_BAD_NUMBER_COUNT');
    expect(error.kind).toBe('harness');
  });

  test('gives the same numbers for the same seed and different ones for another', () => {
    const first = createNumberPlan({ seed: 101 }).fresh(50);

    expect(createNumberPlan({ seed: 101 }).fresh(50)).toEqual(first);
    expect(createNumberPlan({ seed: 102 }).fresh(50)).not.toEqual(first);
  });

  test('picks its own seed when given none, and reports it so a run can be repeated', () => {
    const plan = createNumberPlan();
    const numbers = plan.fresh(20);

    expect(Number.isInteger(plan.seed)).toBe(true);
    expect(createNumberPlan({ seed: plan.seed }).fresh(20)).toEqual(numbers);
    expect(createNumberPlan().fresh(20)).not.toEqual(numbers);
  });
});
