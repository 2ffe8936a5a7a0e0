import type { InboundText } from './contract.ts';

export type RouteDecision =
  | { readonly routed: true; readonly service: string; readonly keyword: string }
  | { readonly routed: false; readonly answer: string };

/**
 * Shares one reply number between services: the first word of a reply, in any case and with
 * punctuation ignored, picks the service. A reply that names no service gets a defined answer
 * listing the keywords, so the person is never left without a response.
 */
export class KeywordRouter {
  readonly #routes: ReadonlyMap<string, string>;

  constructor(routes: Readonly<Record<string, string>>) {
    this.#routes = new Map(Object.entries(routes).map(([k, v]) => [k.toUpperCase(), v]));
  }

  route(reply: Pick<InboundText, 'text'>): RouteDecision {
    const keyword = firstWord(reply.text);
    const service = keyword ? this.#routes.get(keyword) : undefined;

    if (service && keyword) return { routed: true, service, keyword };
    return { routed: false, answer: this.unknownAnswer() };
  }

  unknownAnswer(): string {
    const keywords = [...this.#routes.keys()].sort().join(', ');
    return `Sorry, we did not recognise that. Start your reply with one of: ${keywords}.`;
  }
}

function firstWord(text: string): string | undefined {
  const word = text.trim().split(/\s+/)[0] ?? '';
  const cleaned = word.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
  return cleaned || undefined;
}
