import { createNumberPlan, type NumberPlan } from '../../numbering/index.ts';
import { addressKey } from './e164.ts';
import type { SenderDisplay } from './profiles.ts';
import type { SimulatorStore } from './store.ts';

const SHOWN_COUNTRY = 'US';

/** Decides what each handset shows as the sender of the next message it gets. */
export class ShownSenders {
  readonly #display: SenderDisplay;
  readonly #store: SimulatorStore;
  readonly #plan: NumberPlan;
  /** Messages each handset has had, read from the store once, then counted here. */
  readonly #counts = new Map<string, number>();

  constructor(display: SenderDisplay, store: SimulatorStore, plan = createNumberPlan()) {
    this.#display = display;
    this.#store = store;
    this.#plan = plan;
  }

  /** What the handset at `number` (E.164) shows for its next message, sent from `sender`. */
  next(number: string, sender: string): string {
    switch (this.#display) {
      case 'as-chosen':
        return sender;
      case 'random-long-number':
        return this.#randomNumber(sender);
      case 'alternating':
        return this.#alternate(number, sender);
    }
  }

  /**
   * A fiction-range number abroad, as grey routes show, never the sender itself, so that replies
   * cannot find the service. Never a UK mobile: those are the handsets the harness texts, and a
   * shown sender stored beside an at-rest canary would read as that canary leaking.
   */
  #randomNumber(sender: string): string {
    let drawn = this.#plan.forCountry(SHOWN_COUNTRY);
    while (addressKey(drawn) === addressKey(sender)) drawn = this.#plan.forCountry(SHOWN_COUNTRY);
    return drawn;
  }

  #alternate(number: string, sender: string): string {
    const count = this.#counts.get(number) ?? this.#store.countHandsetMessages(number);
    this.#counts.set(number, count + 1);
    return count % 2 === 1 ? variantOf(sender) : sender;
  }
}

/**
 * A sender text one character away from `sender`: a number's last digit moves on by one (a
 * drama-range number stays in its range), a text gains or ends in a `2`.
 */
export function variantOf(sender: string): string {
  const characters = [...sender];
  const last = characters.at(-1) ?? '';

  if (/\d/.test(last)) return characters.slice(0, -1).join('') + String((Number(last) + 1) % 10);
  if (characters.length < 11) return `${sender}2`;
  return `${characters.slice(0, -1).join('')}2`;
}
