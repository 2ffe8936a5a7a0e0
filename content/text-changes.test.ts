import { describe, expect, test } from 'vitest';
import { textChanges } from './text-changes.ts';

const SENT = 'Fee £5 at café, see https://www.gov.uk/pay today';

describe('textChanges', () => {
  test('an identical text is intact', () => {
    expect(textChanges(SENT, SENT, 'GSM-7')).toEqual([]);
  });

  test.each([
    [
      'characters replaced',
      'Fee ?5 at caf?, see https://www.gov.uk/pay today',
      ['characters-replaced'],
    ],
    [
      'a link rewritten',
      'Fee £5 at café, see https://trk.example/r/0000 today',
      ['links-rewritten'],
    ],
    ['cut short', 'Fee £5 at café, see', ['truncated']],
    ['cut inside its link', 'Fee £5 at café, see https://www.gov', ['truncated']],
    ['something added', `${SENT} Sent via a cheap route`, ['text-added']],
  ])('tells a text %s', (_, arrived, expected) => {
    expect(textChanges(SENT, arrived)).toEqual(expected);
  });

  test('names every change a text went through at once', () => {
    const arrived = 'Fee ?5 at caf?, see https://trk.example/r/0000';
    expect(textChanges(SENT, arrived).sort()).toEqual(
      ['characters-replaced', 'links-rewritten', 'truncated'].sort(),
    );
  });

  test('a text that arrived in another encoding was re-encoded', () => {
    expect(textChanges('plain text', 'plain text', 'UCS-2')).toEqual(['re-encoded']);
  });
});
