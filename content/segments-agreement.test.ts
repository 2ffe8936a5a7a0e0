/**
 * `analyse` against an independent implementation, Twilio's sms-segments-calculator, over a
 * generated corpus. The two agree on the repertoire and on every count except where a message
 * holds a grapheme cluster of several code points (a flag, a skin tone, a family, a keycap, a
 * letter with a combining accent) across a part boundary: the calculator never splits a
 * grapheme, while `analyse` keeps only surrogate pairs whole, as concatenation requires. Those
 * messages are checked against a model of the calculator's rule instead.
 */
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, test } from 'vitest';
import { isGsm7Char, septetsOf } from './gsm7.ts';
import { analyse, type Encoding } from './segments.ts';
import { seededRandom } from '../core/seeded-random.ts';

const GSM_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ÄÖÑÜ§¿äöñüà';
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ      ';
const EXTENSION = '^{}\\[~]|€\f';
const ACCENTED = 'çáíóúâêîôûŵŷẁẃẅỳýÿÁÍÓÚÂŴŶąęłńśźżčřšžőűğışãõ’“”—–…';
const EMOJI = ['😀', '😎', '🎉', '👍', '🚀', '💡', '😘', '✅', '⭐', '☕'];
/** Several code points each, one grapheme for the calculator. */
const CLUSTERS = ['👍🏽', '🇬🇧', '❤️', 'e\u0301', '👨‍👩‍👧', '1️⃣'];

type Pool = readonly string[];
const POOLS = {
  basic: [...GSM_BASIC, ...LETTERS],
  extension: [...EXTENSION],
  accented: [...ACCENTED],
  emoji: EMOJI,
  clusters: CLUSTERS,
} satisfies Record<string, Pool>;

/** Each profile weighs the pools differently, so that every kind of message turns up. */
const PROFILES: ReadonlyArray<ReadonlyArray<readonly [Pool, number]>> = [
  [[POOLS.basic, 1]],
  [
    [POOLS.basic, 0.9],
    [POOLS.extension, 0.1],
  ],
  [
    [POOLS.basic, 0.5],
    [POOLS.extension, 0.5],
  ],
  [
    [POOLS.basic, 0.97],
    [POOLS.accented, 0.03],
  ],
  [
    [POOLS.basic, 0.8],
    [POOLS.extension, 0.1],
    [POOLS.emoji, 0.1],
  ],
  [
    [POOLS.emoji, 0.7],
    [POOLS.basic, 0.3],
  ],
  [
    [POOLS.basic, 0.7],
    [POOLS.clusters, 0.15],
    [POOLS.extension, 0.15],
  ],
  [
    [POOLS.basic, 0.4],
    [POOLS.extension, 0.2],
    [POOLS.accented, 0.2],
    [POOLS.emoji, 0.1],
    [POOLS.clusters, 0.1],
  ],
];

/** Lengths where counting goes wrong: the single-part limits and multiples of the part sizes. */
const EDGES = [70, 134, 160, 201, 268, 306, 335, 459, 536, 612];

/** A message as the graphemes it was built from, so the calculator's rule can be modelled. */
function generate(next: () => number): string[] {
  const profile = PROFILES[Math.floor(next() * PROFILES.length)] ?? [];
  const edge = EDGES[Math.floor(next() * EDGES.length)] ?? 0;
  const length = next() < 0.4 ? edge - 3 + Math.floor(next() * 7) : Math.floor(next() * 701);

  const graphemes: string[] = [];
  let units = 0;
  while (units < length) {
    const grapheme = pick(pick(profile, next, (entry) => entry[1])[0], next);
    graphemes.push(grapheme);
    units += grapheme.length;
  }
  return graphemes;
}

function pick<T>(
  items: readonly T[],
  next: () => number,
  weight: (item: T) => number = () => 1,
): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let point = next() * total;
  for (const item of items) {
    point -= weight(item);
    if (point < 0) return item;
  }
  return items[items.length - 1] as T;
}

/** The calculator's rule: parts of 153 septets or 67 units, never splitting a grapheme. */
function graphemeSegments(graphemes: readonly string[], encoding: Encoding): number {
  const cost = (grapheme: string) =>
    encoding === 'UCS-2'
      ? grapheme.length
      : [...grapheme].reduce((sum, char) => sum + (septetsOf(char) ?? 0), 0);
  const costs = graphemes.map(cost);
  const total = costs.reduce((sum, units) => sum + units, 0);
  if (total <= (encoding === 'GSM-7' ? 160 : 70)) return 1;

  const capacity = encoding === 'GSM-7' ? 153 : 67;
  let parts = 1;
  let used = 0;
  for (const units of costs) {
    if (used + units > capacity) {
      parts += 1;
      used = 0;
    }
    used += units;
  }
  return parts;
}

const CORPUS_SIZE = 3000;
const corpus = (() => {
  const next = seededRandom(0x5e9_0338);
  return Array.from({ length: CORPUS_SIZE }, () => generate(next));
})();

describe('agreement with sms-segments-calculator', () => {
  test('both take the same characters for GSM-7, over the whole BMP', () => {
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;

      const char = String.fromCharCode(code);
      const theirs = new SegmentedMessage(char).encodingName === 'GSM-7';
      if (theirs !== isGsm7Char(char)) disagreements.push(`U+${code.toString(16)}`);
    }
    expect(disagreements).toEqual([]);
  });

  test(`both give the same encoding and segments over ${CORPUS_SIZE} generated messages`, () => {
    const disagreements: string[] = [];
    let clustered = 0;
    let explained = 0;

    for (const graphemes of corpus) {
      const text = graphemes.join('');
      const ours = analyse(text);
      const theirs = new SegmentedMessage(text);
      const multiCodePoint = graphemes.some((grapheme) => [...grapheme].length > 1);

      if (theirs.encodingName !== ours.encoding) disagreements.push(`encoding of ${text}`);
      if (multiCodePoint) clustered += 1;
      if (theirs.segmentsCount === ours.segments) continue;

      // The one deliberate difference: their count must be the grapheme rule's, and never lower.
      const modelled = graphemeSegments(graphemes, ours.encoding);
      if (multiCodePoint && theirs.segmentsCount === modelled && modelled > ours.segments) {
        explained += 1;
      } else {
        disagreements.push(
          `${ours.segments} vs ${theirs.segmentsCount} for ${JSON.stringify(text)}`,
        );
      }
    }

    expect(disagreements).toEqual([]);
    expect(clustered).toBeGreaterThan(300);
    // The corpus does reach the difference, so the model above is exercised, not idle.
    expect(explained).toBeGreaterThan(0);
  });

  test('the corpus covers every length band and both encodings', () => {
    const texts = corpus.map((graphemes) => graphemes.join(''));
    const results = texts.map((text) => analyse(text));

    expect(texts.some((text) => text === '')).toBe(true);
    expect(Math.max(...texts.map((text) => text.length))).toBeGreaterThanOrEqual(700);
    expect(results.filter((r) => r.encoding === 'GSM-7').length).toBeGreaterThan(500);
    expect(results.filter((r) => r.encoding === 'UCS-2').length).toBeGreaterThan(500);
    expect(new Set(results.map((r) => r.segments)).size).toBeGreaterThanOrEqual(8);
  });
});
