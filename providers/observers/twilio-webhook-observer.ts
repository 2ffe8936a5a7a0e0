import { request } from 'undici';
import { z } from 'zod';
import { trusting } from '../http/trusted-agent.ts';
import { matchTokens, type ObservedText, type Observer, type Probe } from './observer.ts';
import { readingObserver } from './observer-failure.ts';

/** The receiver's verdicts on the incoming-message webhooks it took for the observed number. */
const VerdictsSchema = z.object({
  callbacks: z.array(
    z.object({
      receivedAt: z.number(),
      authenticated: z.boolean(),
      replayed: z.boolean().optional(),
      inbound: z.object({ from: z.string(), to: z.string(), text: z.string() }).optional(),
    }),
  ),
});

export interface TwilioWebhookObserverOptions {
  /** The Twilio number whose SmsUrl is the receiver's. */
  readonly number: string;
  /** The receiver's `/inspect/<key>`, where the webhooks it took for the number are read. */
  readonly inspectUrl: string;
  readonly inspectToken: string;
  readonly ca?: readonly string[] | undefined;
}

/**
 * A Twilio number whose incoming-message webhook (its SmsUrl) is the harness's receiver. Only a
 * webhook signed with the account's Auth Token (X-Twilio-Signature) for this account counts as
 * an arrival: an unsigned or forged post is refused by the receiver and never read here.
 */
export class TwilioWebhookObserver implements Observer {
  readonly kind = 'twilio-webhook';
  readonly description = 'texts received by a Twilio number, through its signed SmsUrl webhook';
  readonly freshNumbers = false;
  readonly #options: TwilioWebhookObserverOptions;

  constructor(options: TwilioWebhookObserverOptions) {
    this.#options = options;
  }

  destinations(count: number): string[] {
    return Array.from({ length: count }, () => this.#options.number);
  }

  async look(probes: readonly Probe[]): Promise<ReadonlyMap<string, ObservedText>> {
    const { inspectUrl, inspectToken, ca } = this.#options;
    const verdicts = await readingObserver(
      "the Twilio number's incoming-message webhooks",
      async () => {
        const reply = await request(`${inspectUrl}?kind=inbound`, {
          ...trusting(ca),
          headers: { 'x-inspect-token': inspectToken },
        });
        if (reply.statusCode !== 200) throw new Error(`HTTP ${reply.statusCode}`);
        return VerdictsSchema.parse(await reply.body.json());
      },
    );
    const texts = verdicts.callbacks.flatMap((v) =>
      v.authenticated && !v.replayed && v.inbound
        ? [{ ...v.inbound, arrivedAt: v.receivedAt }]
        : [],
    );
    return matchTokens(probes, texts);
  }
}
