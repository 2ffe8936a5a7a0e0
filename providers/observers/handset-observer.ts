import { request } from 'undici';
import { z } from 'zod';
import { createNumberPlan } from '../../numbering/index.ts';
import { retryOnClosedSocket } from '../http/closed-socket-retry.ts';
import { trusting } from '../http/trusted-agent.ts';
import { matchTokens, type ObservedText, type Observer, type Probe } from './observer.ts';
import { readingObserver } from './observer-failure.ts';

const InboxSchema = z.object({
  messages: z.array(
    z.object({
      from: z.string(),
      body: z.string(),
      receivedAt: z.string(),
      encoding: z.enum(['GSM-7', 'UCS-2']),
    }),
  ),
});

/**
 * The simulator's fictional handsets. Every number of the fiction range can be read, so each
 * run texts numbers drawn afresh and unpredictably: a route cannot have learnt them as test
 * numbers and treat them better.
 */
export class HandsetObserver implements Observer {
  readonly kind = 'handsets';
  readonly description = "the simulator's handsets, at numbers drawn afresh for this run";
  readonly freshNumbers = true;
  readonly #controlUrl: string;
  readonly #ca: readonly string[] | undefined;

  constructor(controlUrl: string, ca?: readonly string[]) {
    this.#controlUrl = controlUrl;
    this.#ca = ca;
  }

  destinations(count: number): string[] {
    return createNumberPlan().fresh(count);
  }

  async look(probes: readonly Probe[]): Promise<ReadonlyMap<string, ObservedText>> {
    const numbers = [...new Set(probes.map((p) => p.to))];
    const texts = await Promise.all(numbers.map((n) => this.#inbox(n)));
    return matchTokens(probes, texts.flat());
  }

  async #inbox(number: string): Promise<ObservedText[]> {
    const url = `${this.#controlUrl}/handsets/${encodeURIComponent(number)}`;
    const inbox = await readingObserver(`the simulator handset ${number.slice(-3)}`, () =>
      retryOnClosedSocket(async () => {
        const reply = await request(url, trusting(this.#ca));
        if (reply.statusCode !== 200) throw new Error(`HTTP ${reply.statusCode}`);
        return InboxSchema.parse(await reply.body.json());
      }),
    );
    return inbox.messages.map((m) => ({
      from: m.from,
      to: number,
      text: m.body,
      arrivedAt: Date.parse(m.receivedAt),
      encoding: m.encoding,
    }));
  }
}
