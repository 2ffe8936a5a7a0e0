import { describe, expect, test } from 'vitest';
import { NOTIFY_CHARACTER_LIMIT, notifyFragments } from './notify-fragments.ts';
import { analyse } from './segments.ts';

const a = (n: number) => 'a'.repeat(n);

describe("Notify's counting agrees with the standard for GSM-7 text (BR-05)", () => {
  test.each([
    [a(158) + '|', 160, 1],
    [a(159) + '{', 161, 2],
    ['^'.repeat(80), 160, 1],
    ['^'.repeat(81), 162, 2],
    [']'.repeat(80), 160, 1],
  ])('%#: %j counts %i units, %i fragments', (text, units, fragments) => {
    expect(notifyFragments(text)).toMatchObject({ encoding: 'GSM-7', units, fragments });
  });
});

describe('Notify sanitises before it counts (BR-06, BR-08, BR-10, BR-12)', () => {
  test('69 Welsh â and a brace stay UCS-2, 70 units, with no ESC surcharge: one fragment', () => {
    expect(notifyFragments('â'.repeat(69) + '{')).toMatchObject({
      encoding: 'UCS-2',
      units: 70,
      fragments: 1,
    });
  });

  test('the infinity sign becomes ?, so bars are GSM-7, counted twice: 139, one fragment', () => {
    const result = notifyFragments('|'.repeat(67) + '{^∞');
    expect(result).toMatchObject({ encoding: 'GSM-7', units: 139, fragments: 1 });
    expect(analyse('|'.repeat(67) + '{^∞').encoding).toBe('UCS-2');
  });

  test('the emoji becomes ?, so 74 brackets cost 159 septets: one fragment, not two', () => {
    const text = 'this is a ' + ']'.repeat(74) + '😘';
    expect(notifyFragments(text)).toMatchObject({ encoding: 'GSM-7', units: 159, fragments: 1 });
    expect(analyse(text).segments).toBe(2);
  });

  test('70 emoji become 70 question marks: one fragment where the handset sees three', () => {
    expect(notifyFragments('😎'.repeat(70))).toMatchObject({ sanitised: '?'.repeat(70) });
    expect(notifyFragments('😎'.repeat(70)).fragments).toBe(1);
  });

  test('Façade is sent as Facade, GSM-7', () => {
    expect(notifyFragments('Façade')).toMatchObject({
      sanitised: 'Facade',
      encoding: 'GSM-7',
      units: 6,
      fragments: 1,
    });
  });

  test('the typographic greeting is sent plain, GSM-7, 14 septets', () => {
    expect(notifyFragments('“Hi” — it’s ok')).toMatchObject({
      sanitised: '"Hi" - it\'s ok',
      encoding: 'GSM-7',
      units: 14,
    });
  });
});

describe("Notify's plain division, without keeping pairs whole", () => {
  test('an ESC pair across the first boundary: Notify says 2, the handset gets 3', () => {
    const text = a(152) + '{' + a(152);
    expect(notifyFragments(text)).toMatchObject({ units: 306, fragments: 2 });
    expect(analyse(text).perSegment).toEqual([152, 153, 1]);
  });

  test('UCS-2 divides by 67 above 70 units', () => {
    expect(notifyFragments('ŵ'.repeat(70)).fragments).toBe(1);
    expect(notifyFragments('ŵ'.repeat(71)).fragments).toBe(2);
    expect(notifyFragments('ŵ'.repeat(135)).fragments).toBe(3);
  });

  test('the empty text is one fragment of nothing', () => {
    expect(notifyFragments('')).toMatchObject({ characters: 0, units: 0, fragments: 1 });
  });
});

test('the character limit is six full GSM-7 parts', () => {
  expect(NOTIFY_CHARACTER_LIMIT).toBe(6 * 153);
});

test('characters are counted after sanitising, extension characters once', () => {
  expect(notifyFragments('…{')).toMatchObject({ characters: 4, units: 5 });
});
