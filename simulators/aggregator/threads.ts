import { addressKey } from './e164.ts';
import type { HandsetInbox, HandsetReply, HandsetText } from './handsets.ts';

export type ThreadEntry =
  | { readonly kind: 'received'; readonly at: string; readonly text: HandsetText }
  | { readonly kind: 'sent'; readonly at: string; readonly reply: HandsetReply };

/** One conversation as a phone shows it: everything from and to one sender, oldest first. */
export interface Thread {
  /** The sender as the phone first showed it. */
  readonly from: string;
  readonly entries: ThreadEntry[];
}

/**
 * Threads a handset's texts by sender, as a phone does: one thread per sender, numbers matched
 * whatever their spelling; the most recently active thread first.
 */
export function threadsOf(inbox: HandsetInbox): Thread[] {
  const threads = new Map<string, Thread>();
  const threadFor = (address: string): Thread => {
    const key = addressKey(address);
    const thread = threads.get(key) ?? { from: address, entries: [] };
    threads.set(key, thread);
    return thread;
  };

  for (const text of inbox.messages) {
    threadFor(text.from).entries.push({ kind: 'received', at: text.receivedAt, text });
  }
  for (const reply of inbox.replies) {
    threadFor(reply.to).entries.push({ kind: 'sent', at: reply.sentAt, reply });
  }

  const all = [...threads.values()];
  for (const thread of all) thread.entries.sort((a, b) => a.at.localeCompare(b.at));
  return all.sort((a, b) => lastAt(b).localeCompare(lastAt(a)));
}

function lastAt(thread: Thread): string {
  return thread.entries.at(-1)?.at ?? '';
}
