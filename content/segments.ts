import { septetsOf } from './gsm7.ts';

export type Encoding = 'GSM-7' | 'UCS-2';

export interface SegmentAnalysis {
  readonly encoding: Encoding;
  /** Septets for GSM-7 (an extension character counts 2), UTF-16 code units for UCS-2. */
  readonly units: number;
  readonly segments: number;
  /** Units carried by each segment, in order; `[0]` for the empty text. */
  readonly perSegment: readonly number[];
  /** Each distinct character that keeps the text out of GSM-7, in order of first use. */
  readonly charsForcingUcs2: readonly string[];
}

export interface AnalyseOptions {
  /**
   * Size of the concatenation reference in the user data header: 8 bits (IEI 0x00, 6-octet
   * header) leaves 153 septets or 67 units a part; 16 bits (IEI 0x08) leaves 152 or 66.
   * @default 8
   */
  readonly referenceBits?: 8 | 16;
}

/** 140 octets of user data, as septets and as UTF-16 units. */
const SINGLE = { 'GSM-7': 160, 'UCS-2': 70 } as const;
const CONCATENATED = {
  8: { 'GSM-7': 153, 'UCS-2': 67 },
  16: { 'GSM-7': 152, 'UCS-2': 66 },
} as const;

/**
 * How a text travels as SMS: its encoding, its length in that encoding's units and how it splits
 * into concatenated parts. Parts are packed greedily and never cut a character in two, so an ESC
 * pair or a surrogate pair that would straddle a boundary moves whole to the next part.
 *
 * @example analyse('a'.repeat(159) + '{') // GSM-7, 161 septets, perSegment [153, 8]
 */
export function analyse(text: string, options: AnalyseOptions = {}): SegmentAnalysis {
  const chars = [...text];
  const charsForcingUcs2 = distinct(chars.filter((char) => septetsOf(char) === undefined));
  const encoding: Encoding = charsForcingUcs2.length === 0 ? 'GSM-7' : 'UCS-2';

  // Once the text is UCS-2 every character is UTF-16, so extension characters cost no surcharge.
  const costs = chars.map((char) => (encoding === 'GSM-7' ? (septetsOf(char) ?? 1) : char.length));
  const units = costs.reduce((sum, cost) => sum + cost, 0);

  const perSegment =
    units <= SINGLE[encoding]
      ? [units]
      : pack(costs, CONCATENATED[options.referenceBits ?? 8][encoding]);

  return { encoding, units, segments: perSegment.length, perSegment, charsForcingUcs2 };
}

/** Fills parts of `capacity` units in order, starting a new part when a character won't fit. */
function pack(costs: readonly number[], capacity: number): number[] {
  const parts = [0];

  for (const cost of costs) {
    const last = parts.length - 1;
    if ((parts[last] ?? 0) + cost > capacity) parts.push(cost);
    else parts[last] = (parts[last] ?? 0) + cost;
  }

  return parts;
}

function distinct(chars: readonly string[]): string[] {
  return [...new Set(chars)];
}
