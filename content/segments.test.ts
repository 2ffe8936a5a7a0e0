import { describe, expect, test } from 'vitest';
import { analyse } from './segments.ts';

const a = (n: number) => 'a'.repeat(n);

describe('GSM-7 extension characters cost two septets (BR-05)', () => {
  test('158 letters and a bar make exactly 160 septets: one segment', () => {
    expect(analyse(a(158) + '|')).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
  });

  test('159 letters and a brace make 161 septets: two segments, though only 160 characters', () => {
    const result = analyse(a(159) + '{');
    expect(result).toMatchObject({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(result.perSegment).toEqual([153, 8]);
  });

  test('80 carets fill one segment and 81 spill into a second', () => {
    expect(analyse('^'.repeat(80))).toMatchObject({ units: 160, segments: 1 });
    expect(analyse('^'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
  });

  test('80 closing brackets stay GSM-7 in one segment', () => {
    expect(analyse(']'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
  });
});

describe('no ESC surcharge once the text is UCS-2 (BR-06)', () => {
  test('69 Welsh â and a brace are 70 units: one segment', () => {
    const result = analyse('â'.repeat(69) + '{');
    expect(result).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
  });

  test('67 bars, a brace, a caret and an infinity sign are 70 units: one segment', () => {
    const result = analyse('|'.repeat(67) + '{^∞');
    expect(result).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(result.charsForcingUcs2).toEqual(['∞']);
  });

  test('brackets and one emoji are 86 units in two segments of 67 and 19', () => {
    const result = analyse('this is a ' + ']'.repeat(74) + '😘');
    expect(result).toMatchObject({ encoding: 'UCS-2', units: 86, segments: 2 });
    expect(result.perSegment).toEqual([67, 19]);
  });
});

describe('emoji are two UTF-16 units and are never split (BR-08)', () => {
  test('70 emoji are 140 units in three segments: 33, 33 and 4 emoji', () => {
    const result = analyse('😎'.repeat(70));
    expect(result).toMatchObject({ encoding: 'UCS-2', units: 140, segments: 3 });
    expect(result.perSegment).toEqual([66, 66, 8]);
  });

  test('an emoji at the first boundary moves whole: three segments where 134/67 says two', () => {
    const result = analyse(a(66) + '😀' + a(66));
    expect(result).toMatchObject({ units: 134, segments: 3 });
    expect(result.perSegment).toEqual([66, 67, 1]);
  });
});

describe('ç is not GSM-7 but Ç is (BR-10)', () => {
  test('Façade is UCS-2: 6 units, one segment, ç to blame', () => {
    const result = analyse('Façade');
    expect(result).toMatchObject({ encoding: 'UCS-2', units: 6, segments: 1 });
    expect(result.charsForcingUcs2).toEqual(['ç']);
  });

  test('FAÇADE is GSM-7: 6 septets', () => {
    expect(analyse('FAÇADE')).toMatchObject({ encoding: 'GSM-7', units: 6, segments: 1 });
  });
});

describe('typographic punctuation forces UCS-2 unless sanitised (BR-12)', () => {
  test('curly quotes, an em dash and a curly apostrophe make 14 UCS-2 units', () => {
    const result = analyse('“Hi” — it’s ok');
    expect(result).toMatchObject({ encoding: 'UCS-2', units: 14, segments: 1 });
    expect(result.charsForcingUcs2).toEqual(['“', '”', '—', '’']);
  });

  test('the plain version is 14 GSM-7 septets', () => {
    expect(analyse('"Hi" - it\'s ok')).toMatchObject({ encoding: 'GSM-7', units: 14 });
  });
});

describe('boundaries', () => {
  test('160 GSM-7 septets are one segment and 161 are two', () => {
    expect(analyse(a(160)).perSegment).toEqual([160]);
    expect(analyse(a(161)).perSegment).toEqual([153, 8]);
  });

  test('70 UCS-2 units are one segment and 71 are two', () => {
    expect(analyse('ŵ' + a(69)).perSegment).toEqual([70]);
    expect(analyse('ŵ' + a(70)).perSegment).toEqual([67, 4]);
  });

  test('an ESC pair that would straddle a boundary moves whole, leaving 152 septets', () => {
    const result = analyse(a(152) + '€' + a(10));
    expect(result.units).toBe(164);
    expect(result.perSegment).toEqual([152, 12]);
  });

  test('an ESC pair that ends exactly on the boundary stays', () => {
    expect(analyse(a(151) + '€' + a(10)).perSegment).toEqual([153, 10]);
  });

  test('a surrogate pair that would straddle a boundary moves whole, leaving 66 units', () => {
    expect(analyse(a(66) + '😀' + a(10)).perSegment).toEqual([66, 12]);
    expect(analyse(a(65) + '😀' + a(10)).perSegment).toEqual([67, 10]);
  });

  test('the empty text is GSM-7, no units, and one empty segment as a PDU would be', () => {
    expect(analyse('')).toEqual({
      encoding: 'GSM-7',
      units: 0,
      segments: 1,
      perSegment: [0],
      charsForcingUcs2: [],
    });
  });

  test('306 septets are two full parts, 307 need a third', () => {
    expect(analyse(a(306)).perSegment).toEqual([153, 153]);
    expect(analyse(a(307)).perSegment).toEqual([153, 153, 1]);
  });
});

describe('options and details', () => {
  test('a 16-bit concatenation reference leaves 152 septets or 66 units a part', () => {
    expect(analyse(a(161), { referenceBits: 16 }).perSegment).toEqual([152, 9]);
    expect(analyse('ŵ' + a(70), { referenceBits: 16 }).perSegment).toEqual([66, 5]);
  });

  test('lists each character forcing UCS-2 once, in order of first use', () => {
    expect(analyse('ç😀çŵ😀').charsForcingUcs2).toEqual(['ç', '😀', 'ŵ']);
  });

  test('a lone surrogate is one non-GSM unit', () => {
    expect(analyse('a\ud83d')).toMatchObject({ encoding: 'UCS-2', units: 2 });
  });
});
