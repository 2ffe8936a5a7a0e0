import type { PDU } from 'smpp';
import { SmppConnection, type SmppEndpoint } from '../smpp/connection.ts';
import { mobileOriginated } from '../smpp/mobile-originated.ts';
import { MobileOriginatedTexts } from '../smpp/mobile-originated-texts.ts';
import { matchTokens, type ObservedText, type Observer, type Probe } from './observer.ts';
import { readingObserver } from './observer-failure.ts';

export interface SmppObserverOptions {
  readonly endpoint: SmppEndpoint;
  /** The inbound number texts are sent to. */
  readonly number: string;
  /** @default 'receiver' */
  readonly bind?: 'receiver' | 'transceiver';
}

/** Texts kept at most: enough for any sample, bounded against a flood of handset texts. */
const MAX_KEPT = 10_000;

/**
 * An inbound number at an SMSC, watched through a bind of its own: texts from handsets come as
 * mobile-originated deliver_sm PDUs (delivery receipts on the same bind are not texts and are
 * left alone), each acknowledged with deliver_sm_resp, parts joined as a phone joins them. It
 * binds before the texts are sent, as a text that comes while nobody is bound may be lost.
 */
export class SmppObserver implements Observer {
  readonly kind = 'smpp';
  readonly description =
    'texts received by an inbound number at an SMSC, through a bind of its own';
  readonly freshNumbers = false;
  readonly #options: SmppObserverOptions;
  readonly #connection: SmppConnection;
  readonly #parts = new MobileOriginatedTexts();
  readonly #texts: ObservedText[] = [];

  constructor(options: SmppObserverOptions) {
    this.#options = options;
    this.#connection = new SmppConnection(options.endpoint, {
      bind: options.bind ?? 'receiver',
      onDeliver: (pdu) => this.#delivered(pdu),
    });
  }

  destinations(count: number): string[] {
    return Array.from({ length: count }, () => this.#options.number);
  }

  async open(): Promise<void> {
    await readingObserver(this.#what(), () => this.#connection.open());
  }

  /**
   * What arrived so far. The bind is made again first if it dropped (texts kept meanwhile by
   * the SMSC come in then), and a bind that cannot be made is the harness's failure: texts
   * nobody could hear must not count as texts that never came.
   */
  async look(probes: readonly Probe[]): Promise<ReadonlyMap<string, ObservedText>> {
    await readingObserver(this.#what(), () => this.#connection.open());
    return matchTokens(probes, this.#texts);
  }

  async close(): Promise<void> {
    await this.#connection.close();
  }

  #what(): string {
    return `the inbound number's bind to ${this.#options.endpoint.url}`;
  }

  #delivered(pdu: PDU): void {
    const part = mobileOriginated(pdu);
    const text = part && this.#parts.add(part, Date.now());
    if (text && this.#texts.length < MAX_KEPT) this.#texts.push(text);
  }
}
