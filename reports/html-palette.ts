import type { Judgement } from './verdict-wording.ts';

/** A text colour and the background it sits on. */
export interface ColourPair {
  readonly text: string;
  readonly background: string;
}

/**
 * Colours of the HTML report. Every pair keeps a contrast ratio of at least 4.5:1 (WCAG AA for
 * body text), which a test measures; `error` is violet, never the red of a supplier failure.
 */
export const PAGE_COLOURS = {
  body: { text: '#1b1b1b', background: '#ffffff' },
  muted: { text: '#505050', background: '#ffffff' },
  link: { text: '#1d4ed8', background: '#ffffff' },
  code: { text: '#1b1b1b', background: '#f3f3f3' },
  header: { text: '#1b1b1b', background: '#eef1f5' },
} as const satisfies Record<string, ColourPair>;

export const JUDGEMENT_COLOURS: Readonly<Record<Judgement, ColourPair>> = {
  pass: { text: '#0b5d1e', background: '#e3f4e6' },
  fail: { text: '#8a1111', background: '#fde6e6' },
  partial: { text: '#6b4400', background: '#fff1cc' },
  'not-evidenced': { text: '#3a3a3a', background: '#ececec' },
  'not-applicable': { text: '#3a3a3a', background: '#f7f7f7' },
  error: { text: '#5b2a86', background: '#f1e8fb' },
  skipped: { text: '#3a3a3a', background: '#ececec' },
};
