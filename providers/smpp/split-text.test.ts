import { expect, test } from 'vitest';
import { splitText } from './split-text.ts';

test('a short GSM text is one part in data_coding 0, with no UDH', () => {
  expect(splitText('Hello {world}', 7)).toEqual({
    dataCoding: 0,
    parts: [{ text: 'Hello {world}' }],
  });
});

test('200 GSM characters go as 153 + 47 with an 8-bit concatenation UDH', () => {
  const { dataCoding, parts } = splitText('a'.repeat(200), 0x2a);

  expect(dataCoding).toBe(0);
  expect(parts.map((p) => p.text.length)).toEqual([153, 47]);
  expect(parts.map((p) => p.udh?.toString('hex'))).toEqual(['0500032a0201', '0500032a0202']);
});

test('an escape pair is never cut: a part that would end mid-pair ends one early', () => {
  const { parts } = splitText(`${'a'.repeat(152)}€${'b'.repeat(10)}`, 1);
  expect(parts.map((p) => p.text.length)).toEqual([152, 11]);
});

test('a text outside GSM goes as UCS-2 in parts of 67, surrogate pairs kept whole', () => {
  const { dataCoding, parts } = splitText(`${'ж'.repeat(66)}😀${'ж'.repeat(10)}`, 1);

  expect(dataCoding).toBe(8);
  expect(parts.map((p) => p.text)).toEqual(['ж'.repeat(66), `😀${'ж'.repeat(10)}`]);
});
