import type { MobileOriginatedPart } from './mobile-originated.ts';
import { PartGroups } from './part-groups.ts';

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
  readonly #groups = new PartGroups<MobileOriginatedPart>(MAX_OPEN);

  add(part: MobileOriginatedPart, arrivedAt: number): AssembledText | undefined {
    const { concatenation, ...whole } = part;
    if (!concatenation || concatenation.total === 1) return { ...whole, arrivedAt };

    const parts = this.#groups.add(`${part.from}|${part.to}`, concatenation, part);
    if (!parts) return undefined;
    return { ...whole, text: parts.map((p) => p.text).join(''), arrivedAt };
  }
}
