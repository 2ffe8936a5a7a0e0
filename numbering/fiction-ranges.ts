import type { CountryCode } from 'libphonenumber-js';
import { blockContains, type NumberBlock } from './number-block.ts';

/**
 * What a range's numbers stand for. Only `mobile` and `fixed-or-mobile` (NANP, where landlines
 * and mobiles share one plan) can take texts.
 */
export type FictionService =
  'mobile' | 'fixed-or-mobile' | 'geographic' | 'non-geographic' | 'freephone' | 'premium-rate';

/** Numbers a regulator reserves for fiction or testing, so nobody can be reached on them. */
export interface FictionRange {
  readonly country: CountryCode;
  readonly service: FictionService;
  readonly description: string;
  /** Where the range comes from, and how far that has been checked. */
  readonly source: string;
  readonly blocks: readonly NumberBlock[];
}

const OFCOM =
  'Ofcom TV and radio drama numbers, as quoted by several secondary sources (facts §7.1); ' +
  "not yet checked against Ofcom's own page";

const NANPA =
  'NANP: 555-0100 to 555-0199 are reserved for fiction in every area code (facts §7.2); ' +
  'the area codes are our choice, and libphonenumber-js places each in this country';

const ACMA =
  'ACMA list of mobile numbers for creative works (facts §7.2, from a README citing ACMA; ' +
  "not yet checked against ACMA's own page)";

/** Ofcom reserves every drama range in blocks of a thousand. */
function thousand(prefix: string): NumberBlock {
  return { prefix, freeDigits: 3 };
}

function nanpLines(areaCodes: readonly string[]): NumberBlock[] {
  return areaCodes.map((areaCode) => ({ prefix: `+1${areaCode}55501`, freeDigits: 2 }));
}

function single(e164: string): NumberBlock {
  return { prefix: e164, freeDigits: 0 };
}

/** libphonenumber calls these invalid; Notify and this harness accept them (case BR-28). */
export const UK_DRAMA_MOBILES: FictionRange = {
  country: 'GB',
  service: 'mobile',
  description: 'UK mobile 07700 900000–900999',
  source: OFCOM,
  blocks: [thousand('+447700900')],
};

/**
 * The Northern Ireland drama block is left out: sources disagree between 028 9018 0xxx and
 * 028 9649 6xxx, and listing the wrong one would mark a real number as fiction.
 */
const UK_DRAMA_LANDLINES: FictionRange = {
  country: 'GB',
  service: 'geographic',
  description: 'UK geographic drama numbers: 01632 960xxx, 020 7946 0xxx and city blocks',
  source: OFCOM,
  blocks: [
    // No area (01632), London, then Leeds, Sheffield, Nottingham, Leicester, Bristol, Reading,
    // Birmingham, Edinburgh, Glasgow, Liverpool, Manchester, Tyneside and Cardiff.
    thousand('+441632960'),
    thousand('+442079460'),
    ...['113', '114', '115', '116', '117', '118', '121', '131', '141', '151', '161'].map((code) =>
      thousand(`+44${code}4960`),
    ),
    thousand('+441914980'),
    thousand('+442920180'),
  ],
};

const UK_DRAMA_OTHER: readonly FictionRange[] = [
  {
    country: 'GB',
    service: 'non-geographic',
    description: 'UK-wide 03069 990000–990999',
    source: OFCOM,
    blocks: [thousand('+443069990')],
  },
  {
    country: 'GB',
    service: 'freephone',
    description: 'Freephone 08081 570000–570999',
    source: OFCOM,
    blocks: [thousand('+448081570')],
  },
  {
    country: 'GB',
    service: 'premium-rate',
    description: 'Premium rate 0909 8790000–8790999',
    source: OFCOM,
    blocks: [thousand('+449098790')],
  },
];

const US_FICTION: FictionRange = {
  country: 'US',
  service: 'fixed-or-mobile',
  description: '555-0100 to 555-0199 in area codes 202, 212, 312 and 415',
  source: NANPA,
  blocks: nanpLines(['202', '212', '312', '415']),
};

const CA_FICTION: FictionRange = {
  country: 'CA',
  service: 'fixed-or-mobile',
  description: '555-0100 to 555-0199 in area codes 416, 514, 604 and 613',
  source: NANPA,
  blocks: nanpLines(['416', '514', '604', '613']),
};

/**
 * Thirty single numbers, not a range. ACMA's landline blocks (0X 5550 xxxx, 0X 7010 xxxx) are left
 * out: the facts file gives neither the area digits nor a first-hand source.
 */
const AU_FICTION: FictionRange = {
  country: 'AU',
  service: 'mobile',
  description: '30 listed mobiles between 0491 570 006 and 0491 579 760',
  source: ACMA,
  blocks: [
    ...['006', '156', '157', '158', '159', '110', '313', '737'].map((n) => `570${n}`),
    ...['266', '491', '804'].map((n) => `571${n}`),
    ...['549', '665', '983'].map((n) => `572${n}`),
    ...['770', '087'].map((n) => `573${n}`),
    ...['118', '632'].map((n) => `574${n}`),
    ...['254', '789'].map((n) => `575${n}`),
    ...['398', '801'].map((n) => `576${n}`),
    ...['426', '644'].map((n) => `577${n}`),
    ...['957', '148', '888'].map((n) => `578${n}`),
    ...['212', '760', '455'].map((n) => `579${n}`),
  ].map((line) => single(`+61491${line}`)),
};

/** Every range this module knows, textable or not. */
export const FICTION_RANGES: readonly FictionRange[] = [
  UK_DRAMA_MOBILES,
  UK_DRAMA_LANDLINES,
  ...UK_DRAMA_OTHER,
  US_FICTION,
  CA_FICTION,
  AU_FICTION,
];

const TEXTABLE: ReadonlySet<FictionService> = new Set(['mobile', 'fixed-or-mobile']);
const E164 = /^\+[1-9]\d{1,14}$/;

// The NANP reservation covers every area code, not only the ones listed for drawing numbers.
const NANP_FICTION = /^\+1[2-9]\d{2}55501\d{2}$/;

/**
 * Whether an E.164 number (`+447700900123`) lies in a range reserved for fiction or testing.
 * Other spellings are not normalised and give false.
 */
export function isFictionNumber(e164: string): boolean {
  if (!E164.test(e164)) return false;
  if (NANP_FICTION.test(e164)) return true;
  return FICTION_RANGES.some((range) => range.blocks.some((block) => blockContains(block, e164)));
}

/**
 * The range to draw textable numbers from in a country (ISO 3166 alpha-2, as libphonenumber
 * spells it: `GB`, not `UK`), or undefined where no such range is known.
 */
export function fictionRangeFor(countryCode: string): FictionRange | undefined {
  const country = countryCode.toUpperCase();
  return FICTION_RANGES.find((range) => range.country === country && TEXTABLE.has(range.service));
}
