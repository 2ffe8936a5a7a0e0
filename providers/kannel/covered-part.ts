/**
 * Which part of a long text a receipt covers, read from the receipt's `text:` excerpt (the
 * first characters of the part it is about). SMSCs replace characters they will not echo, often
 * with a dot, so a dot in the excerpt matches anything. Undefined when no part, or more than
 * one, begins that way.
 */
export function coveredPart(
  excerpt: string | undefined,
  parts: readonly string[],
): number | undefined {
  if (excerpt === undefined || excerpt.length === 0) return undefined;
  const matching = parts.flatMap((part, index) => (begins(part, excerpt) ? [index + 1] : []));
  return matching.length === 1 ? matching[0] : undefined;
}

function begins(part: string, excerpt: string): boolean {
  const chars = [...part];
  return [...excerpt].every((char, i) => char === '.' || char === chars[i]);
}
