import type { MobileOriginatedPart } from './mobile-originated.ts';

/** A handset's text as it arrived: every part in, joined in order. */
export interface AssembledText extends Omit<MobileOriginatedPart, 'concatenation'> {
  /** Epoch ms: when its last part arrived. */
  readonly arrivedAt: number;
}

/** Concatenated texts still waiting for parts at once; the oldest is dropped beyond this. */
const MAX_OPEN = 1_000;

/**
 * Joins the parts of concatenated texts from handsets, as a phone does: parts of one text share
 * the sender, the number and the reference, and it is whole once all of them are in, in any
 * order. A text in one part is whole at once.
 */
export class MobileOriginatedTexts {
  readonly #open = new Map<string, Map<number, MobileOriginatedPart>>();

  add(part: MobileOriginatedPart, arrivedAt: number): AssembledText | undefined {
    const { concatenation, ...whole } = part;
    if (!concatenation || concatenation.total === 1) return { ...whole, arrivedAt };

    const key = `${part.from}|${part.to}|${concatenation.reference}|${concatenation.total}`;
    const parts = this.#open.get(key) ?? new Map<number, MobileOriginatedPart>();
    parts.set(concatenation.sequence, part);
    this.#open.delete(key);
    if (parts.size < concatenation.total) {
      this.#open.set(key, parts);
      this.#dropOldest();
      return undefined;
    }

    const ordered = [...parts.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
    return { ...whole, text: ordered.map((p) => p.text).join(''), arrivedAt };
  }

  #dropOldest(): void {
    const oldest = this.#open.keys().next();
    if (this.#open.size > MAX_OPEN && !oldest.done) this.#open.delete(oldest.value);
  }
}
