import { septetsOf } from '../../content/gsm7.ts';
import { analyse } from '../../content/segments.ts';

/** Where a rewritten link leads: a reserved name, so it reaches no one. */
export const TRACKER = 'https://trk.example/r/';

const LINK = /https?:\/\/\S+/gu;

/**
 * What a careless or dishonest route does to a text: a text of several parts arrives as its
 * first part only, every character outside printable ASCII becomes `?` (a lossy re-encoding), and
 * every link is swapped for a tracker's.
 */
export function alterText(text: string): string {
  let link = 0;
  return firstPart(text)
    .replace(/[^\x20-\x7e\n]/gu, '?')
    .replace(LINK, () => `${TRACKER}${(link++).toString(36).padStart(4, '0')}`);
}

/** The characters of `text` its first part carries: all of them when it has one part. */
function firstPart(text: string): string {
  const { encoding, segments, perSegment } = analyse(text);
  if (segments <= 1) return text;

  const capacity = perSegment[0] ?? 0;
  let units = 0;
  let kept = '';
  for (const char of text) {
    units += encoding === 'GSM-7' ? (septetsOf(char) ?? 1) : char.length;
    if (units > capacity) break;
    kept += char;
  }
  return kept;
}
