import { expect, test } from 'vitest';
import { JUDGEMENT_COLOURS, PAGE_COLOURS, type ColourPair } from './html-palette.ts';

test('every colour pair has at least 4.5:1 contrast (WCAG AA)', () => {
  const pairs: Record<string, ColourPair> = { ...PAGE_COLOURS, ...JUDGEMENT_COLOURS };

  const weak = Object.entries(pairs).filter(([, pair]) => contrast(pair) < 4.5);

  expect(weak).toEqual([]);
});

test('an error never shares the colours of a supplier failure', () => {
  expect(JUDGEMENT_COLOURS.error).not.toEqual(JUDGEMENT_COLOURS.fail);
});

function contrast({ text, background }: ColourPair): number {
  const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((at) => {
    const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
