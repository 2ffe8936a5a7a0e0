import type { ProviderAdapter } from '../contract.ts';
import { matchTokens, type ObservedText, type Observer, type Probe } from './observer.ts';
import { readingObserver } from './observer-failure.ts';

/**
 * An inbound number at a provider, read through that provider's received-texts API (GOV.UK
 * Notify: `GET /v2/received-text-messages`). Any dialect whose adapter implements `inbound()`
 * serves, so a text sent through one provider can be observed through another. The number is
 * fixed, so it cannot hide from a route that has learnt it; the report says so.
 */
export class ReceivedTextsObserver implements Observer {
  readonly kind = 'received-texts';
  readonly description: string;
  readonly freshNumbers = false;
  readonly #adapter: ProviderAdapter;
  readonly #number: string;

  constructor(adapter: ProviderAdapter, number: string) {
    this.#adapter = adapter;
    this.#number = number;
    this.description = `texts received by an inbound number at a ${adapter.dialect} service`;
  }

  destinations(count: number): string[] {
    return Array.from({ length: count }, () => this.#number);
  }

  async look(probes: readonly Probe[]): Promise<ReadonlyMap<string, ObservedText>> {
    const received = await readingObserver(`the ${this.description}`, () =>
      this.#adapter.inbound(),
    );
    const texts = received.map((r) => ({
      from: r.from,
      to: r.to,
      text: r.text,
      arrivedAt: Date.parse(r.receivedAt),
    }));
    return matchTokens(probes, texts);
  }
}
