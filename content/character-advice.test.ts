import { expect, test } from 'vitest';
import { adviseOn } from './character-advice.ts';

test.each([
  ['’', 'quote', 'right single quotation mark', "'"],
  ['«', 'quote', 'left guillemet', undefined],
  ['–', 'dash', 'en dash', '-'],
  ['…', 'ellipsis', 'ellipsis', '...'],
  ['\u00a0', 'space', 'no-break space', ' '],
  ['\u200b', 'invisible', 'zero width space', ''],
  ['😀', 'emoji', 'emoji', undefined],
  ['☕', 'emoji', 'emoji', undefined],
  ['\ufe0f', 'emoji', 'emoji', undefined],
  ['🏽', 'emoji', 'emoji', undefined],
  ['ŵ', 'welsh-letter', 'Welsh letter', undefined],
  ['ç', 'letter', 'letter', 'c'],
  ['Ж', 'letter', 'letter', undefined],
  ['\u0301', 'accent', 'combining accent', undefined],
  ['©', 'symbol', 'symbol', undefined],
] as const)('%j is a %s (%s), replaced by %j', (char, kind, label, replacement) => {
  const advice = adviseOn(char);
  expect(advice).toMatchObject({ kind, label });
  expect(advice.replacement).toBe(replacement);
});
