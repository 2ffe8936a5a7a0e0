import { sameMessageId } from './message-id.ts';
import type { PartReport } from './parts.ts';
import type { SmppReceipt } from './receipt-parser.ts';

export interface SentPart {
  readonly id: string;
  readonly part: number;
  readonly of: number;
  receipt?: SmppReceipt;
}

/** How many sent messages an adapter remembers; the oldest are forgotten first. */
const CAPACITY = 5_000;

/**
 * The messages one adapter sent, by the id of their first part, with the receipts that came for
 * each part. Receipts are matched to parts by id in any of its forms (hex, decimal, case).
 */
export class SentMessages {
  readonly #messages = new Map<string, SentPart[]>();

  add(partIds: readonly string[]): string {
    const [first] = partIds;
    if (first === undefined) throw new Error('a message has at least one part');
    const parts = partIds.map((id, index) => ({ id, part: index + 1, of: partIds.length }));
    this.#messages.set(first, parts);

    if (this.#messages.size > CAPACITY) {
      const oldest = this.#messages.keys().next();
      if (!oldest.done) this.#messages.delete(oldest.value);
    }
    return first;
  }

  /** Files a receipt with the part it names; false when no sent part has that id. */
  file(receipt: SmppReceipt): boolean {
    const { messageId } = receipt;
    if (messageId === undefined) return false;

    for (const parts of this.#messages.values()) {
      const part = parts.find((p) => sameMessageId(p.id, messageId));
      if (!part) continue;
      // A final receipt is never replaced by a later intermediate one.
      if (!part.receipt?.final || receipt.final) part.receipt = receipt;
      return true;
    }
    return false;
  }

  parts(id: string): readonly SentPart[] | undefined {
    return this.#messages.get(id);
  }
}

export function reportOf(part: SentPart): PartReport | undefined {
  const { receipt } = part;
  if (!receipt) return undefined;
  return {
    part: part.part,
    of: part.of,
    status: receipt.status,
    final: receipt.final,
    providerStatus: receipt.providerStatus,
  };
}
