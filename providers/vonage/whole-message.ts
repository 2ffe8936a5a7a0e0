import { FINAL_STATUSES, type MessageState, type Price } from '../contract.ts';
import { combineParts } from '../smpp/parts.ts';

/**
 * One state for a text Vonage sent as several messages, one per part, each with its own id,
 * receipt and price: delivered once every part is, failed if any part failed, and billed the
 * sum of the parts. Undefined while no part has a receipt.
 */
export function wholeMessage(
  id: string,
  parts: readonly (MessageState | undefined)[],
): MessageState | undefined {
  const first = parts[0];
  if (parts.every((p) => p === undefined)) return undefined;

  const combined = combineParts(
    parts.map((p, i) => ({
      part: i + 1,
      of: parts.length,
      status: p?.status ?? 'accepted',
      final: p ? FINAL_STATUSES.has(p.status) : false,
      providerStatus: p?.providerStatus ?? 'no receipt yet',
    })),
  );
  const price = priceOfAll(parts);
  return {
    id,
    status: combined.status,
    providerStatus: combined.providerStatus,
    ...(first?.reference ? { reference: first.reference } : {}),
    ...(price ? { price } : {}),
  };
}

/** The parts' prices summed; none until every part's receipt has told its own. */
function priceOfAll(parts: readonly (MessageState | undefined)[]): Price | undefined {
  const prices = parts.map((p) => p?.price);
  const [first] = prices;
  if (!first || prices.some((p) => p === undefined)) return undefined;

  const known = prices as readonly Price[];
  return {
    segments: known.reduce((sum, p) => sum + p.segments, 0),
    perSegment: first.perSegment,
    multiplier: first.multiplier,
    total: known.reduce((sum, p) => sum + p.total, 0),
  };
}
