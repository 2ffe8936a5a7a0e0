import { randomInt } from 'node:crypto';
import { request } from 'undici';
import { z } from 'zod';
import { trusting } from '../http/trusted-agent.ts';
import { matchTokens, type ObservedText, type Observer, type Probe } from './observer.ts';
import { readingObserver } from './observer-failure.ts';

const ObservedSchema = z.object({
  texts: z.array(
    z.object({
      from: z.string(),
      to: z.string().optional(),
      text: z.string(),
      arrivedAt: z.number(),
    }),
  ),
});

export interface WebhookObserverOptions {
  readonly numbers: readonly string[];
  readonly inspectUrl: string;
  readonly inspectToken: string;
  /** Authorities the receiver's certificate comes from. */
  readonly ca?: readonly string[] | undefined;
}

/**
 * Real test phones whose SMS-forwarding app posts each text it receives to the harness's
 * receiver. Each text goes to one of the phones, chosen at random, so a route cannot tell which
 * text will be watched from the order alone.
 */
export class WebhookObserver implements Observer {
  readonly kind = 'webhook';
  readonly description: string;
  readonly freshNumbers = false;
  readonly #options: WebhookObserverOptions;

  constructor(options: WebhookObserverOptions) {
    this.#options = options;
    const phones = `${options.numbers.length} test phone(s)`;
    this.description = `${phones} forwarding their texts to a webhook`;
  }

  destinations(count: number): string[] {
    const { numbers } = this.#options;
    return Array.from({ length: count }, () => numbers[randomInt(numbers.length)] ?? '');
  }

  async look(probes: readonly Probe[]): Promise<ReadonlyMap<string, ObservedText>> {
    const { inspectUrl, inspectToken, ca } = this.#options;
    const observed = await readingObserver('the texts the test phones posted', async () => {
      const reply = await request(`${inspectUrl}?kind=observed`, {
        ...trusting(ca),
        headers: { 'x-inspect-token': inspectToken },
      });
      if (reply.statusCode !== 200) throw new Error(`HTTP ${reply.statusCode}`);
      return ObservedSchema.parse(await reply.body.json());
    });
    return matchTokens(probes, observed.texts.map(withoutUndefined));
  }
}

function withoutUndefined(text: z.infer<typeof ObservedSchema>['texts'][number]): ObservedText {
  const { to, ...rest } = text;
  return to === undefined ? rest : { ...rest, to };
}
