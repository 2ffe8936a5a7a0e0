import type { z } from 'zod';

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/**
 * The leaf elements of an XML reply under its root, by name (the first of each), when the root
 * is `root`. SNS's Query replies are shallow and fixed, so names are read directly rather than
 * through a general XML parser; `undefined` means the reply is not that document at all.
 */
export function readXmlLeaves(
  xml: string,
  root: string,
  names: readonly string[],
): Record<string, string> | undefined {
  if (!new RegExp(`^\\s*(<\\?xml[^>]*\\?>\\s*)?<${root}[\\s>]`).test(xml)) return undefined;
  if (!xml.trimEnd().endsWith(`</${root}>`)) return undefined;

  const leaves: Record<string, string> = {};
  for (const name of names) {
    const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
    if (match?.[1] !== undefined) leaves[name] = unescape(match[1]);
  }
  return leaves;
}

/** Reads the leaves and checks them against `schema`; `undefined` when either fails. */
export function parseXmlReply<T>(
  xml: string,
  root: string,
  schema: z.ZodObject<z.ZodRawShape> & z.ZodType<T>,
): T | undefined {
  const leaves = readXmlLeaves(xml, root, Object.keys(schema.shape));
  const parsed = leaves ? schema.safeParse(leaves) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}
