import { randomInt } from 'node:crypto';
import { SimpleFaker } from '@faker-js/faker';
import type { CountryCode } from 'libphonenumber-js';
import { NumberingError } from './errors.ts';
import { FICTION_RANGES, fictionRangeFor, type FictionRange } from './fiction-ranges.ts';
import { blocksSize, numberAt } from './number-block.ts';
import { SIMULATOR_NUMBERS, WELL_KNOWN_NUMBERS } from './well-known-numbers.ts';

export interface NumberPlanOptions {
  /** Makes the numbers repeatable. Without one the plan picks its own (see `NumberPlan.seed`). */
  readonly seed?: number;
}

/** Draws phone numbers, only ever from ranges reserved for fiction or testing. */
export interface NumberPlan {
  /** The seed in use: a plan created with it draws the same numbers in the same order. */
  readonly seed: number;
  /** The countries (ISO 3166 alpha-2) the plan can draw textable numbers for. */
  readonly countries: readonly CountryCode[];
  /** A UK mobile in 07700 900000–900999, in E.164; may repeat. */
  ukMobile(): string;
  /** A textable number in the country's fiction range, in E.164; may repeat. */
  forCountry(countryCode: string): string;
  /**
   * `count` numbers (default: UK mobiles) that this plan has not handed out from `fresh` before,
   * in an order nobody can predict without the seed, never a published test number nor one
   * the simulator's services use.
   */
  fresh(count: number, countryCode?: string): string[];
}

const SEED_LIMIT = 2 ** 31;

/** Countries with a textable range, in the order the ranges are listed. */
const PLAN_COUNTRIES: readonly CountryCode[] = [
  ...new Set(FICTION_RANGES.map((range) => range.country)),
].filter((country) => fictionRangeFor(country) !== undefined);

/**
 * A number plan. Faker is only its seeded source of randomness: faker's own phone numbers look
 * real and may be, so none is ever used (the locale-free `SimpleFaker` has no phone module).
 */
export function createNumberPlan(options: NumberPlanOptions = {}): NumberPlan {
  const seed = options.seed ?? randomInt(SEED_LIMIT);
  const random = new SimpleFaker({ seed });
  const unused = new Map<CountryCode, string[]>();

  const forCountry = (countryCode: string): string => {
    const range = textableRange(countryCode);
    const index = random.number.int({ min: 0, max: blocksSize(range.blocks) - 1 });
    return numberAt(range.blocks, index);
  };

  const fresh = (count: number, countryCode = 'GB'): string[] => {
    checkCount(count);
    const range = textableRange(countryCode);
    const pool = unused.get(range.country) ?? random.helpers.shuffle(unpublishedNumbers(range));
    unused.set(range.country, pool);

    if (count > pool.length) throw exhausted(range, count, pool.length);
    return pool.splice(0, count);
  };

  return { seed, countries: PLAN_COUNTRIES, ukMobile: () => forCountry('GB'), forCountry, fresh };
}

function textableRange(countryCode: string): FictionRange {
  const range = fictionRangeFor(countryCode);
  if (range !== undefined) return range;

  const hint = countryCode.toUpperCase() === 'UK' ? ' (the United Kingdom is GB)' : '';
  throw new NumberingError(
    'ASSURE_NO_FICTION_RANGE',
    `Cannot draw a number for "${countryCode}"${hint}: no textable range reserved for fiction ` +
      `or testing is known there. Use one of ${PLAN_COUNTRIES.join(', ')}, or add a range with ` +
      'its source to numbering/fiction-ranges.ts.',
  );
}

function unpublishedNumbers(range: FictionRange): string[] {
  const all = Array.from({ length: blocksSize(range.blocks) }, (_, i) => numberAt(range.blocks, i));
  return all.filter((n) => !WELL_KNOWN_NUMBERS.has(n) && !SIMULATOR_NUMBERS.has(n));
}

function checkCount(count: number): void {
  if (Number.isInteger(count) && count >= 0) return;
  throw new NumberingError(
    'ASSURE_BAD_NUMBER_COUNT',
    `Cannot draw ${count} fresh numbers: the count must be a whole number, 0 or more.`,
  );
}

function exhausted(range: FictionRange, count: number, left: number): NumberingError {
  return new NumberingError(
    'ASSURE_FICTION_RANGE_EXHAUSTED',
    `Cannot draw ${count} fresh numbers for ${range.country}: only ${left} unused numbers of ` +
      `${range.description} are left in this plan. Ask for fewer, or create another plan.`,
  );
}
