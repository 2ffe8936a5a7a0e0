import { addressKey } from '../../aggregator/e164.ts';
import type { StoredReply } from '../../aggregator/reply.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';

/** What the Messages list asks of the texts the account's numbers received. */
export interface ReceivedTextFilter {
  readonly accountId: string;
  /** Only texts to this number (Twilio's `To`: one of the account's numbers). */
  readonly to?: string;
  /** Only texts from this handset (Twilio's `From`). */
  readonly from?: string;
  /** Only texts that arrived at or after `from` and before `until` (epoch µs). */
  readonly sent?: { readonly from: number; readonly until: number };
  /** Only texts that arrived before this moment (epoch µs): the page cursor. */
  readonly before?: number;
  readonly limit: number;
}

/** Replies are read from the store in batches this size while the filter drops some. */
const BATCH = 200;

/**
 * The received texts that belong in a page of Twilio's Messages list, newest first. Replies are
 * few beside sent texts and their numbers are sealed, so they are filtered here, not in SQL.
 */
export function receivedTexts(store: SimulatorStore, filter: ReceivedTextFilter): StoredReply[] {
  const kept: StoredReply[] = [];
  let olderThan: string | undefined;

  while (kept.length < filter.limit) {
    const batch = store.receivedReplies({
      accountId: filter.accountId,
      limit: BATCH,
      ...(olderThan === undefined ? {} : { olderThan }),
    });
    kept.push(...batch.filter((reply) => matches(reply, filter)));
    if (batch.length < BATCH) break;
    olderThan = batch.at(-1)?.id;
  }
  return kept.slice(0, filter.limit);
}

function matches(reply: StoredReply, filter: ReceivedTextFilter): boolean {
  const { to, from, sent, before } = filter;
  if (to !== undefined && addressKey(reply.serviceNumber) !== addressKey(to)) return false;
  if (from !== undefined && addressKey(reply.handset) !== addressKey(from)) return false;
  if (sent && (reply.sentAt < sent.from || reply.sentAt >= sent.until)) return false;
  return before === undefined || reply.sentAt < before;
}
