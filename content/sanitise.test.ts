import { describe, expect, test } from 'vitest';
import { GSM7_DEFAULT_ALPHABET } from './gsm7.ts';
import { WELSH_NON_GSM, sanitise, sanitiseChar } from './sanitise.ts';

describe('typographic punctuation and invisible separators (BR-12)', () => {
  test('curly quotes, em dash and curly apostrophe become plain ASCII', () => {
    expect(sanitise('“Hi” — it’s ok')).toBe('"Hi" - it\'s ok');
  });

  test('a line separator is removed, so the words either side join', () => {
    expect(sanitise('Line 1\u2028Line 2')).toBe('Line 1Line 2');
  });

  test('a no-break space becomes a plain space', () => {
    expect(sanitise('10\u00a0June')).toBe('10 June');
  });

  test('other dashes, low quotes, the ellipsis and tabs have plain equivalents', () => {
    expect(sanitise('a–b\u2011c\u2212d‚e„f…\tg')).toBe('a-b-c-d\'e"f... g');
  });

  test('zero-width characters vanish', () => {
    expect(sanitise('gov\u200b.uk\u200c\u200d\u2060\ufeff\u180e\u2029')).toBe('gov.uk');
  });
});

describe('letters (BR-10)', () => {
  test('Façade loses its cedilla: Facade', () => {
    expect(sanitise('Façade')).toBe('Facade');
  });

  test('FAÇADE keeps its capital Ç, which GSM-7 has', () => {
    expect(sanitise('FAÇADE')).toBe('FAÇADE');
  });

  test('other accented letters are reduced to their base letter', () => {
    expect(sanitise('ąęńśźżčřšžőűğã')).toBe('aenszzcrszouga');
  });

  test('Ł and ł, which do not decompose, become L and l; ó is Welsh, so it stays', () => {
    expect(sanitise('Łódź łąka')).toBe('Lódz laka');
  });

  test('Welsh letters are kept, whether GSM-7 has them or not', () => {
    expect(sanitise('ŵ ŷ â ê î ô û ẁ ẃ ẅ ỳ ý ÿ')).toBe('ŵ ŷ â ê î ô û ẁ ẃ ẅ ỳ ý ÿ');
    expect(WELSH_NON_GSM.has('ŵ')).toBe(true);
    expect(WELSH_NON_GSM.has('à')).toBe(false);
  });
});

describe('everything else', () => {
  test('emoji, Cyrillic and CJK each become one question mark', () => {
    expect(sanitise('Hi 😀 Привет 你好')).toBe('Hi ? ?????? ??');
  });

  test('GSM-7 text comes through unchanged, extension characters included', () => {
    const alphabet = [...GSM7_DEFAULT_ALPHABET].filter((char) => char !== '\u001b').join('');
    expect(sanitise(alphabet)).toBe(alphabet);
    expect(sanitise('^{}\\[~]|€')).toBe('^{}\\[~]|€');
  });

  test("form feed becomes a question mark: Notify's list leaves it out", () => {
    expect(sanitise('a\fb')).toBe('a?b');
  });

  test('a single character may become several or none', () => {
    expect(sanitiseChar('…')).toBe('...');
    expect(sanitiseChar('\u200b')).toBe('');
  });
});
