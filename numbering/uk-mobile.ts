import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { UK_DRAMA_MOBILES } from './fiction-ranges.ts';
import { blockContains } from './number-block.ts';

/** Where a +44 mobile is: the UK proper, Jersey, Guernsey or the Isle of Man. */
export type UkRegion = 'GB' | 'JE' | 'GG' | 'IM';

export type UkMobileProblem =
  | 'empty'
  | 'unknown-character'
  | 'not-uk'
  | 'too-short'
  | 'too-long'
  | 'invalid-number'
  | 'not-mobile';

export interface UkMobile {
  readonly ok: true;
  readonly e164: string;
  readonly region: UkRegion;
  /** In Ofcom's drama range, which libphonenumber rejects and this module accepts. */
  readonly drama: boolean;
  /** As Notify counts it: a Crown-dependency number is international although it is +44. */
  readonly international: boolean;
  readonly crownDependency: boolean;
}

export interface UkMobileRejection {
  readonly ok: false;
  readonly problem: UkMobileProblem;
}

export type UkMobileReading = UkMobile | UkMobileRejection;

const UK_REGIONS: ReadonlySet<string> = new Set<UkRegion>(['GB', 'JE', 'GG', 'IM']);
const MOBILE_TYPES: ReadonlySet<string> = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);
const MOBILE_DIGITS = 10;

/** Spaces, brackets and hyphens people write into numbers. */
const FORMATTING = /[\s()-]/g;

/**
 * Reads a UK mobile number written in any usual way (`07700 900123`, `+447700900123`,
 * `447700900123`, `0044 7700 900123`, `+44 (0)7700 900123`). The drama range 07700 900000–900999
 * is valid; every other number is judged by libphonenumber-js, and only mobiles pass.
 */
export function readUkMobile(raw: string): UkMobileReading {
  const national = nationalNumber(raw);
  if (typeof national !== 'string') return national;

  const e164 = `+44${national}`;
  if (isDramaMobile(e164)) return dramaMobile(e164);

  return readWithLibphonenumber(e164);
}

export function isUkMobile(raw: string): boolean {
  return readUkMobile(raw).ok;
}

/** Whether an E.164 number is in 07700 900000–900999, and only that: not all of 07700 9. */
export function isDramaMobile(e164: string): boolean {
  return UK_DRAMA_MOBILES.blocks.some((block) => blockContains(block, e164));
}

function nationalNumber(raw: string): string | UkMobileRejection {
  const cleaned = raw.replace(FORMATTING, '');
  if (cleaned === '') return reject('empty');
  if (!/^\+?\d+$/.test(cleaned)) return reject('unknown-character');

  const afterPrefix = withoutUkPrefix(cleaned);
  if (afterPrefix === undefined) return reject('not-uk');

  // `+44 (0)7700 900123` keeps the trunk 0 after the country code.
  const national = afterPrefix.startsWith('0') ? afterPrefix.slice(1) : afterPrefix;
  if (national.startsWith('7') && national.length < MOBILE_DIGITS) return reject('too-short');
  if (national.startsWith('7') && national.length > MOBILE_DIGITS) return reject('too-long');

  return national;
}

/** The digits after whichever UK prefix the number is written with; undefined for abroad. */
function withoutUkPrefix(cleaned: string): string | undefined {
  if (cleaned.startsWith('+44')) return cleaned.slice(3);
  if (cleaned.startsWith('+')) return undefined;
  if (cleaned.startsWith('0044')) return cleaned.slice(4);
  if (cleaned.startsWith('00')) return undefined;
  if (cleaned.startsWith('0')) return cleaned.slice(1);

  // Spreadsheets drop the `+` and leave 44 before the ten national digits.
  if (cleaned.startsWith('44') && cleaned.length === 2 + MOBILE_DIGITS) return cleaned.slice(2);
  return cleaned;
}

function dramaMobile(e164: string): UkMobile {
  return {
    ok: true,
    e164,
    region: 'GB',
    drama: true,
    international: false,
    crownDependency: false,
  };
}

function readWithLibphonenumber(e164: string): UkMobileReading {
  const parsed = parsePhoneNumberFromString(e164);
  if (parsed === undefined || !parsed.isValid()) return reject('invalid-number');

  const type = parsed.getType();
  if (type === undefined || !MOBILE_TYPES.has(type)) return reject('not-mobile');

  const region = parsed.country;
  if (region === undefined || !isUkRegion(region)) return reject('invalid-number');

  // Notify's rule: +44 numbers that libphonenumber places outside GB are Crown dependencies.
  const crownDependency = region !== 'GB';
  return { ok: true, e164, region, drama: false, international: crownDependency, crownDependency };
}

function isUkRegion(region: string): region is UkRegion {
  return UK_REGIONS.has(region);
}

function reject(problem: UkMobileProblem): UkMobileRejection {
  return { ok: false, problem };
}
