import { describe, expect, test } from 'vitest';
import { GSM7_DEFAULT_ALPHABET, GSM7_EXTENSION_TABLE, isGsm7Char, septetsOf } from './gsm7.ts';

describe('the default alphabet', () => {
  test('has 128 distinct positions', () => {
    expect([...GSM7_DEFAULT_ALPHABET]).toHaveLength(128);
    expect(new Set(GSM7_DEFAULT_ALPHABET).size).toBe(128);
  });

  test('puts capital Ç at 0x09 and has no lowercase ç anywhere', () => {
    expect([...GSM7_DEFAULT_ALPHABET][0x09]).toBe('Ç');
    expect(isGsm7Char('Ç')).toBe(true);
    expect(isGsm7Char('ç')).toBe(false);
  });

  test('places landmarks where TS 23.038 has them', () => {
    const alphabet = [...GSM7_DEFAULT_ALPHABET];
    expect(alphabet[0x00]).toBe('@');
    expect(alphabet[0x0a]).toBe('\n');
    expect(alphabet[0x10]).toBe('Δ');
    expect(alphabet[0x20]).toBe(' ');
    expect(alphabet[0x40]).toBe('¡');
    expect(alphabet[0x41]).toBe('A');
    expect(alphabet[0x60]).toBe('¿');
    expect(alphabet[0x7f]).toBe('à');
  });

  test('treats the ESC septet as no character of text', () => {
    expect(septetsOf('\u001b')).toBeUndefined();
  });
});

describe('septet costs', () => {
  test('a default-alphabet character costs one septet', () => {
    for (const char of 'aZ0 @£$¥èÉ\r\nΩ§ü') expect(septetsOf(char)).toBe(1);
  });

  test('every extension character, form feed and the euro sign included, costs two', () => {
    expect([...GSM7_EXTENSION_TABLE.keys()].sort()).toEqual([...'\f^{}\\[~]|€'].sort());
    for (const char of '\f^{}\\[~]|€') expect(septetsOf(char)).toBe(2);
  });

  test('characters outside both tables cannot be sent in GSM-7', () => {
    for (const char of ['`', 'ç', 'ŵ', '’', '—', '😀', '\t', '\u00a0', 'Ł', 'α']) {
      expect(septetsOf(char)).toBeUndefined();
    }
  });
});
