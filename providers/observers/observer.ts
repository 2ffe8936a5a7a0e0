import type { Encoding } from '../../content/segments.ts';

/** A text as it arrived at an observed number. */
export interface ObservedText {
  /** The sender the phone shows (or the provider reports the text came from). */
  readonly from: string;
  /** The number it arrived at, where the observer tells. */
  readonly to?: string;
  readonly text: string;
  /** Epoch ms: when it arrived, by the observer's clock. */
  readonly arrivedAt: number;
  /** How it travelled, where the observer can tell (the simulator's handsets can). */
  readonly encoding?: Encoding;
}

/** A sent text the observer is asked about: its token is somewhere in its text. */
export interface Probe {
  readonly token: string;
  readonly to: string;
}

/**
 * What arrived at a number, by a source the supplier does not control: the harness's truth
 * against which receipts are judged. Texts are matched to what was sent by a unique token in
 * each text, so the observer needs no id from the supplier. Failures reading an observer are the
 * harness's (HarnessError), never the supplier's.
 */
export interface Observer {
  readonly kind: 'handsets' | 'received-texts' | 'webhook' | 'smpp' | 'twilio-webhook';
  /** One sentence for the report: where the harness looked. */
  readonly description: string;
  /**
   * Whether each run draws numbers nobody could know in advance. Only where any fiction number
   * can be watched (simulated handsets); a real observer has the numbers it has.
   */
  readonly freshNumbers: boolean;
  /** The numbers `count` texts are sent to, in sending order. */
  destinations(count: number): string[];
  /** What has arrived so far of these probes, by token. */
  look(probes: readonly Probe[]): Promise<ReadonlyMap<string, ObservedText>>;
  /** Starts listening, for an observer that hears texts only while it listens (an SMPP bind). */
  open?(): Promise<void>;
  /** Stops listening; called once the check is done with the observer, whatever happened. */
  close?(): Promise<void>;
}

/** The first text carrying each probe's token; a probe whose token shows nowhere is left out. */
export function matchTokens(
  probes: readonly Probe[],
  texts: readonly ObservedText[],
): Map<string, ObservedText> {
  const found = new Map<string, ObservedText>();
  for (const probe of probes) {
    const text = texts.find((t) => t.text.includes(probe.token));
    if (text) found.set(probe.token, text);
  }
  return found;
}
