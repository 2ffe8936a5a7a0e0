/** Link shorteners: a recipient cannot see where these lead, so they read like phishing. */
export const LINK_SHORTENERS: ReadonlySet<string> = new Set([
  'bit.ly',
  'tinyurl.com',
  't.co',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'buff.ly',
  'rebrand.ly',
]);

export interface FoundLink {
  readonly text: string;
  /** UTF-16 index of the link's first character. */
  readonly at: number;
  /** Lowercase, without `www.`. */
  readonly host: string;
  readonly shortener: boolean;
}

/*
 * A bare name counts as a link only when it ends in one of these, so that "Mr.Smith" or
 * "11.30am" are not taken for links; anything written with http(s):// always counts.
 */
const TOP_LEVEL_DOMAINS = `com org net uk gov io ly co gl gd me info biz app dev ai link click xyz
  online site top page live shop ru cn de fr ie eu us ca au tk cymru wales scot`
  .split(/\s+/u)
  .join('|');

// Not after '@', a word character or a dot, so the domain of an email address is not a link.
const LINK = new RegExp(
  String.raw`(?<![\w@.\-])(?:https?:\/\/[^\s/?#]+|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+` +
    String.raw`(?:${TOP_LEVEL_DOMAINS})(?![\w-]))(?:[/?#]\S*)?`,
  'giu',
);

/** Every link in a text: web addresses with or without a scheme. */
export function findLinks(text: string): FoundLink[] {
  return [...text.matchAll(LINK)].map((match) => {
    const link = trimTrailingPunctuation(match[0]);
    const host = hostOf(link);
    return { text: link, at: match.index, host, shortener: LINK_SHORTENERS.has(host) };
  });
}

/** A sentence's full stop or closing bracket after a link is not part of it. */
function trimTrailingPunctuation(link: string): string {
  return link.replace(/[.,;:!?)'"\]]+$/u, '');
}

function hostOf(link: string): string {
  const withoutScheme = link.replace(/^https?:\/\//iu, '');
  const host = withoutScheme.split(/[/?#:]/u)[0] ?? '';
  return host.toLowerCase().replace(/^www\./u, '');
}
