import { findLinks } from './links.ts';
import { analyse } from './segments.ts';

/** How a text that arrived differs from the text sent. */
export type TextChange =
  'truncated' | 'text-added' | 'characters-replaced' | 'links-rewritten' | 're-encoded';

/** Stands for a link once links have been compared, so a rewritten one counts only once. */
const LINK_MARK = '\u0000';

/**
 * Compares a text as it arrived with the text sent: links first (a rewritten link is one change,
 * not a run of replaced characters), then length, then character by character. `arrivedAs` is
 * the encoding the handset reports, where it reports one. An empty list means intact.
 */
export function textChanges(sent: string, arrived: string, arrivedAs?: string): TextChange[] {
  const changes = new Set<TextChange>();
  const sentLinks = findLinks(sent).map((l) => l.text);
  const arrivedLinks = findLinks(arrived).map((l) => l.text);

  // A link cut short by truncation is not a rewrite: it is still the start of the one sent.
  if (arrivedLinks.some((link, i) => !(sentLinks[i] ?? '').startsWith(link))) {
    changes.add('links-rewritten');
  }

  const expected = [...markLinks(sent, sentLinks)];
  const actual = [...markLinks(arrived, arrivedLinks)];
  if (actual.length < expected.length) changes.add('truncated');
  if (actual.length > expected.length) changes.add('text-added');
  if (actual.some((char, i) => i < expected.length && char !== expected[i])) {
    changes.add('characters-replaced');
  }
  if (arrivedAs !== undefined && arrivedAs !== analyse(sent).encoding) changes.add('re-encoded');
  return [...changes];
}

function markLinks(text: string, links: readonly string[]): string {
  let marked = text;
  for (const link of links) marked = marked.replace(link, LINK_MARK);
  return marked;
}

/** Words for a report: `links rewritten`. */
export function describeChange(change: TextChange | string): string {
  return change === 're-encoded' ? change : change.replaceAll('-', ' ');
}
